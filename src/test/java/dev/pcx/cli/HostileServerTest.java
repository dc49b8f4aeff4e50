package dev.pcx.cli;

import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a broken or hostile server sends, and the documented outcome for each (issue 12). */
class HostileServerTest extends MockServerTest {

    @Test
    void timeoutHoldsAgainstABodyTrickledAByteAtATime() {
        String page = "{\"totalCount\":1,\"items\":[" + "{\"id\":\"x\"},".repeat(200) + "{\"id\":\"y\"}]}";
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body(page).throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
        }
        long start = System.nanoTime();
        Pcx.Result r = pcx.run("customers", "list", "--timeout", "2s");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(6, r.exit(), r::toString);
        assertTrue(seconds < 8, "gave up within --timeout and its margin, not after the whole body: " + seconds + " s");
    }

    @Test
    void controlAndFormatCharactersFromTheServerNeverReachATable() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"totalCount\":1,\"items\":[{\"id\":\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\",\"companyProfile\":"
                        + "{\"companyName\":\"Evil\\u001b[2J\\u202eLtd\\u200b\\ufeff\",\"domain\":\"e.cn\"}}]}").build());
        Pcx.Result r = pcx.tty(false, true, true).run("customers", "list", "--no-color");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Evil\uFFFD[2JLtd"), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == 0x202e || c == 0x200b || c == 0xfeff), r.out());
    }
}
