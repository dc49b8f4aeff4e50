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
        // one request: the whole call's deadline covers its retries
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(page).throttleBody(1, 100, TimeUnit.MILLISECONDS).build());
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

    @Test
    void aListingOnlyEverReadsWhateverMethodItsNextLinkNames() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode first = dev.pcx.testing.Fixtures.page(
                java.util.List.of(dev.pcx.testing.Fixtures.customer(dev.pcx.testing.Fixtures.tenant(1), "A", "a.cn")),
                "/customers?seekOperation=Next", "tok");
        ((com.fasterxml.jackson.databind.node.ObjectNode) first.path("links").path("next")).put("method", "DELETE\r\nX: y");
        server.enqueue(dev.pcx.testing.Fixtures.ok(first));
        server.enqueue(dev.pcx.testing.Fixtures.ok(dev.pcx.testing.Fixtures.page(java.util.List.of(), null, null)));
        Pcx.Result r = pcx.run("customers", "list", "--all", "-o", "jsonl");
        assertEquals(0, r.exit(), r::toString);
        take();
        assertEquals("GET", take().getMethod());
    }

    @Test
    void aPageThatComesBackEmptyIsAnUnusableAnswerNotTheEndOfTheListing() {
        server.enqueue(dev.pcx.testing.Fixtures.ok(dev.pcx.testing.Fixtures.page(
                java.util.List.of(dev.pcx.testing.Fixtures.customer(dev.pcx.testing.Fixtures.tenant(1), "A", "a.cn")),
                "/customers?seekOperation=Next", "tok")));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").build());
        Pcx.Result r = pcx.run("customers", "list", "--all", "-o", "jsonl");
        assertEquals(5, r.exit(), "a listing cut short must not look complete: " + r);
        assertEquals(1, r.out().lines().count(), "the first page was printed: " + r.out());
        assertTrue(r.err().startsWith("pcx: Partner Center sent a body pcx cannot read as ResourceCollection (an empty "
                + "body)"), r.err());
    }

    @Test
    void aNextLinkWithAHeaderThatCannotBeSentIsAnUnusableAnswer() {
        com.fasterxml.jackson.databind.node.ObjectNode first = dev.pcx.testing.Fixtures.page(
                java.util.List.of(dev.pcx.testing.Fixtures.customer(dev.pcx.testing.Fixtures.tenant(1), "A", "a.cn")),
                "/customers?seekOperation=Next", "tok\r\nInjected: yes");
        server.enqueue(dev.pcx.testing.Fixtures.ok(first));
        Pcx.Result r = pcx.run("customers", "list", "--all", "-o", "jsonl");
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: Partner Center's next link carries a header pcx cannot send"), r.err());
    }

    @Test
    void anIdOfDotDotIsNeverPutInAPath() {
        com.fasterxml.jackson.databind.node.ObjectNode sub = dev.pcx.api.Json.mapper().createObjectNode();
        sub.put("id", "..").put("friendlyName", "Sneaky").put("status", "active");
        server.enqueue(dev.pcx.testing.Fixtures.ok(dev.pcx.testing.Fixtures.page(java.util.List.of(sub), null, null)));
        Pcx.Result r = pcx.run("services", "suspend", "-c", dev.pcx.testing.Fixtures.tenant(1), "Sneaky", "--yes");
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("'..' is not an id pcx will put in a path"), r.err());
        assertEquals(1, server.getRequestCount(), "nothing but the listing went out");
    }

    @Test
    void anAccessTokenWithALineBreakIsRefusedWithTheFix() {
        Pcx.Result r = new Pcx().env("PCX_ENDPOINT", server.url("/").toString()).env("PCX_ACCESS_TOKEN", "abc\ndef")
                .run("customers", "list");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("PCX_ACCESS_TOKEN holds a line break"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aHandEditedProfileIsRefusedWithTheFix(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        java.nio.file.Files.writeString(dir.resolve("config.json"),
                "{\"current\":\"default\",\"profiles\":{\"default\":{\"cloud\":\"mars\",\"tenant\":\"t\",\"clientId\":\"c\"}}}");
        Pcx.Result mars = new Pcx().env("PCX_CONFIG_DIR", dir.toString()).run("customers", "list");
        assertEquals(3, mars.exit(), mars::toString);
        assertTrue(mars.err().contains("names an unknown cloud 'mars'"), mars.err());
        java.nio.file.Files.writeString(dir.resolve("config.json"),
                "{\"current\":\"default\",\"profiles\":{\"default\":{\"cloud\":\"china\"}}}");
        Pcx.Result none = new Pcx().env("PCX_CONFIG_DIR", dir.toString()).run("customers", "list");
        assertEquals(3, none.exit(), none::toString);
        assertTrue(none.err().contains("has no tenant or client id"), none.err());
    }

    @Test
    void aStateFileThatIsAFifoIsRefusedNotWaitedOn(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Process mk = new ProcessBuilder("mkfifo", dir.resolve("config.json").toString()).start();
        assertEquals(0, mk.waitFor());
        Pcx.Result r = new Pcx().env("PCX_CONFIG_DIR", dir.toString()).run("customers", "list");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("is not a regular file"), r.err());
    }

    /** Issue 19 item 1, in Partner Center's paging: a page without its items list is no page, never the end of a listing. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"totalCount\":0}", "{\"totalCount\":1,\"items\":null}",
            "{\"totalCount\":1,\"items\":{\"id\":\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\"}}"})
    void aPartnerCenterPageWithoutItsItemsIsUnusable(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
        Pcx.Result r = pcx.run("customers", "list", "-o", "jsonl");
        assertEquals(5, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("pcx: Partner Center sent a body pcx cannot read as ResourceCollection"), r.err());
    }
}
