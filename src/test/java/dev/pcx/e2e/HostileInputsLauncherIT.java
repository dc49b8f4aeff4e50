package dev.pcx.e2e;

import dev.pcx.testing.Launcher;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, through the launcher as it was found: local state of the wrong shape is reported and
 * left as it is, a profile missing what its flow needs is exit 3, and inputs that would send the
 * token elsewhere or cannot go on the wire are refused before anything is sent.
 */
class HostileInputsLauncherIT {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";

    @TempDir
    Path config;
    private Launcher launcher;
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwx------"));
        launcher = new Launcher(config);
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** pcx pointed at the loopback stand-in, with a token from the environment. */
    private Pcx.Result api(String... args) throws Exception {
        return launcher.run(Map.of("PCX_ENDPOINT", server.url("/").toString(), "PCX_ACCESS_TOKEN", "tok-19",
                "PCX_GRAPH_ENDPOINT", server.url("/").toString()), args);
    }

    private Pcx.Result handOff(String... more) throws Exception {
        String[] base = {"--sandbox", "tickets", "create", "-c", CONTOSO, "--title", "Mail delayed", "--severity",
            "moderate", "--service", "Exchange", "--description", "Waits 2 hours."};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return launcher.run(Map.of(), args);
    }

    private Path tickets(String name, String content) throws Exception {
        Path dir = Files.createDirectories(config.resolve("tickets"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"handoffs\": [{\"id\": \"local-1\", \"channel\": \"handoff\", \"title\": \"kept\"}]}",
        "[{\"id\": \"local-1\", \"channel\": \"handoff\", \"title\": \"kept\"}]\n[{\"id\": \"local-2\"}]",
        "{\"id\": \"local-1\", \"channel\": \"handoff\", \"title\": \"kept\"}",
        "null"})
    void aHandOffStoreOfAnotherShapeIsReportedAndNeverRewritten(String content) throws Exception {
        Path file = tickets("handoffs.json", content);
        Pcx.Result r = handOff();
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains(file + " is corrupt or not of pcx's shape") && r.err().contains("left as it is"),
                r.err());
        assertEquals(content, Files.readString(file), "the hand-offs in it are still there");
    }

    @Test
    void aKeyRegisterOfAnotherShapeIsReportedAndNeverRewritten() throws Exception {
        String content = "{\"ci-1\": \"Azure support ticket t1\"} {\"ci-2\": \"x\"}";
        Path file = tickets("keys.json", content);
        Pcx.Result r = handOff("--key", "ci-1");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains(file + " is corrupt"), r.err());
        assertEquals(content, Files.readString(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"current\": \"default\", \"profiles\": {}} {\"profiles\": {}}",
        "[{\"current\": \"default\", \"profiles\": {}}]",
        "{\"current\": \"default\", \"profile\": {\"default\": {\"tenant\": \"t\"}}}"})
    void aConfigOfAnotherShapeIsReportedAndNeverRewritten(String content) throws Exception {
        Files.writeString(config.resolve("config.json"), content);
        Pcx.Result r = launcher.run(Map.of(), "--sandbox", "auth", "login", "--profile", "mine");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("config.json is corrupt or not of pcx's shape"), r.err());
        assertEquals(content, Files.readString(config.resolve("config.json")));
    }

    @Test
    void credentialsWithSomethingAfterThemAreReported() throws Exception {
        Files.writeString(config.resolve("config.json"), "{\"current\":\"default\",\"profiles\":{\"default\":"
                + "{\"cloud\":\"china\",\"tenant\":\"t\",\"clientId\":\"c\",\"flow\":\"refresh_token\"}}}");
        Path credentials = config.resolve("credentials.json");
        String content = "{\"profiles\": {\"default\": {\"refreshToken\": \"r\"}}}\n{\"profiles\": {}}";
        Files.writeString(credentials, content);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        Pcx.Result r = launcher.run(Map.of(), "customers", "list");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("credentials.json is corrupt or not of pcx's shape (Trailing token"), r.err());
        assertEquals(content, Files.readString(credentials));
    }

    @Test
    void aSandboxStateOfAnotherShapeIsReportedAndNeverRewritten() throws Exception {
        Path dir = Files.createDirectories(config.resolve("sandbox"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        String content = "{\"customers\": 3, \"key\": \"a2V5\"}\n{\"customers\": 3, \"key\": \"a2V5\"}";
        Files.writeString(dir.resolve("state.json"), content);
        Pcx.Result r = launcher.run(Map.of(), "--sandbox", "customers", "list");
        assertEquals(2, r.exit(), "the sandbox's state is refused as its other faults are (exit 2): " + r);
        assertTrue(r.err().contains("state.json is corrupt or not of pcx's shape") && r.err().contains("pcx sandbox reset"),
                r.err());
        assertEquals(content, Files.readString(dir.resolve("state.json")));
    }

    @Test
    void aCertificateProfileWithoutItsCertificateIsExit3NamingTheField() throws Exception {
        Files.writeString(config.resolve("config.json"), "{\"current\":\"default\",\"profiles\":{\"default\":"
                + "{\"cloud\":\"china\",\"tenant\":\"t.onmschina.cn\",\"clientId\":\"c\",\"flow\":\"certificate\"}}}");
        Pcx.Result r = launcher.run(Map.of(), "customers", "list");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: profile 'default' signs in with a certificate but names no certificate "
                + "file (field certificate); fix " + config.resolve("config.json")), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers/%2e%2e/%2e%2e/x", "customers/.%2e/.%2E/x", "customers/%2E%2E/x",
        "/v1/customers/%2e%2E", "customers/%2e%2e%2fx", "customers/%252e%252e/x"})
    void encodedDotSegmentsAreRefusedBeforeTheTokenIsSent(String path) throws Exception {
        Pcx.Result r = api("api", path);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("has '.' or '..' segments"), r.err());
        Pcx.Result graph = api("api", "--graph", path.replace("customers", "/v1.0/admin"));
        assertEquals(2, graph.exit(), graph::toString);
        Pcx.Result url = api("api", server.url("/").toString() + path.replaceFirst("^/", ""));
        assertEquals(2, url.exit(), url::toString);
        assertEquals(0, server.getRequestCount(), "nothing was sent");
    }

    @Test
    void aHeaderValueOtherThanAsciiIsAUsageErrorNotABug() throws Exception {
        Pcx.Result r = api("api", "customers", "-H", "X-Note: tök€n");
        assertEquals(2, r.exit(), r::toString);
        // under LANG=C the JVM reads the argument's bytes as U+FFFD: other than ASCII either way
        assertTrue(r.err().startsWith("pcx: -H 'X-Note: t") && r.err().contains("' has characters other than ASCII, "
                + "which a header cannot carry"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aNextLinkWithAHeaderOtherThanAsciiIsAnUnusableAnswerBeforeItIsSent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"totalCount\":1,\"items\":[{\"id\":\"a\"}],\"links\":{\"next\":{\"uri\":\"/customers?seek=1\","
                        + "\"method\":\"GET\",\"headers\":[{\"key\":\"MS-ContinuationToken\",\"value\":\"tök€n\"}]}}}")
                .build());
        Pcx.Result r = api("api", "customers", "--paginate", "-o", "jsonl");
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("next link carries a header pcx cannot send"), r.err());
        assertEquals(1, server.getRequestCount(), "the next page was not asked for");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-o", "--jq", "--profile", "--timeout", "--locale", "--endpoint", "--limit", "--name"})
    void anEmptyValueForAnOptionIsAUsageErrorNamingIt(String option) throws Exception {
        Pcx.Result r = api("customers", "list", option, "");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: ") && r.err().contains(option) && r.err().lines().count() == 1, r.err());
        assertEquals(0, server.getRequestCount());
        Pcx.Result attached = api("customers", "list", option + "=");
        assertEquals(2, attached.exit(), attached::toString);
        assertTrue(attached.err().contains(option), attached.err());
    }

    @Test
    void theDebugTraceCleansWhatTheServerSent() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeaderLenient("X-Evil", "a\u001b]0;pwned\u0007b\u001b[2Jc")
                .body("{\"totalCount\":0,\"items\":[]}").build());
        Pcx.Result r = api("--debug", "customers", "list", "-o", "jsonl");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("< X-Evil: a"), r.err());
        assertTrue(r.err().chars().noneMatch(c -> c == 0x1b || c == 0x07), "no escape reaches the terminal: " + r.err());
        assertTrue(r.err().contains("Authorization: Bearer [redacted]") && !r.err().contains("tok-19"), r.err());

        server.enqueue(new MockResponse.Builder().code(400).status("HTTP/1.1 400 Bad\u001b[2J")
                .addHeader("Content-Type", "application/json")
                .body("{\"code\":1,\"description\":\"no\\u001b]0;pwned\\u0007pe\"}").build());
        Pcx.Result refused = api("--debug", "customers", "list");
        assertEquals(5, refused.exit(), refused::toString);
        assertTrue(refused.err().contains("\tat dev.pcx.") || refused.err().contains(" at dev.pcx."),
                "the stack trace is there: " + refused.err());
        assertTrue(refused.err().chars().noneMatch(c -> c == 0x1b || c == 0x07),
                "nor in the stack trace or the reason phrase: " + refused.err());
    }
}
