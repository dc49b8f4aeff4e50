package dev.pcx.notify;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecDestinationTest {
    private static final IncidentEvent EVENT = new IncidentEvent("EX1/1/new/0a1b2c3d", "new", "2026-12-03T09:00:00Z",
            new IncidentEvent.Issue("EX1", "Exchange Online", "Incident", "Investigating", "Mail\u001b[2J is\ndelayed",
                    "2026-12-03T08:00:00Z", "2026-12-03T08:30:00Z"),
            List.of(new IncidentEvent.Customer("aaaa", "北京云创", "b.cn"), new IncidentEvent.Customer("cccc", "Contoso", "c.cn")), 2);

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Duration> waits = new ArrayList<>();

    private ExecDestination exec(String command, Duration timeout) {
        return new ExecDestination(command, timeout, waits::add, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theEventIsOnStdinAndItsFieldsInVariablesWhatItPrintsGoesToStderr() throws Exception {
        assertNull(exec("read -r line; echo \"$PCX_EVENT_KEY|$PCX_EVENT_TYPE|$PCX_EVENT_ISSUE|$PCX_EVENT_TENANTS|"
                + "$PCX_EVENT_CUSTOMERS_COUNT|$PCX_EVENT_TITLE\"; echo \"$line\" | head -c 40", Duration.ofSeconds(20))
                .send(List.of(EVENT)));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("EX1/1/new/0a1b2c3d|new|EX1|aaaa cccc|2|Mail\ufffd[2J is delayed\n"), said);
        assertTrue(said.contains("{\"key\":\"EX1/1/new/0a1b2c3d\",\"type\":\"new\""), said);
        assertEquals(List.of(), waits);
    }

    @Test
    void aFailureIsTriedThreeTimesWithBackoffAndReportedWithTheExitAndTheLastLine() throws Exception {
        Destination.Failure f = exec("echo first; echo 'quota exceeded'; exit 4", Duration.ofSeconds(20)).send(List.of(EVENT));
        assertEquals("--exec exited 4 (3 tries): quota exceeded", f.message());
        assertEquals("exit 4", f.receiverCode());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
    }

    @Test
    void aCommandPastTheTimeLimitIsStopped() throws Exception {
        long t0 = System.nanoTime();
        Destination.Failure f = exec("sleep 30", Duration.ofMillis(300)).send(List.of(EVENT));
        assertEquals("--exec ran longer than 300 ms and was stopped (3 tries)", f.message());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(25).toNanos(), "killed, not waited for");
    }

    @Test
    void theIdIsStableAndDiffersByCommandAndTheLabelIsOneLine() {
        assertEquals(exec("a", Duration.ofSeconds(1)).id(), exec("a", Duration.ofSeconds(1)).id());
        assertNotEquals(exec("a", Duration.ofSeconds(1)).id(), exec("b", Duration.ofSeconds(1)).id());
        assertEquals("exec 'logger -t pcx'", exec("logger\n-t pcx", Duration.ofSeconds(1)).label());
        assertThrows(IllegalArgumentException.class, () -> exec(" ", Duration.ofSeconds(1)));
    }
}
