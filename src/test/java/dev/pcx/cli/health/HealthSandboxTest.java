package dev.pcx.cli.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.Main;
import dev.pcx.api.Json;
import dev.pcx.api.Sleeper;
import dev.pcx.cli.Io;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxIncidents;
import dev.pcx.sandbox.SandboxServer;
import dev.pcx.sandbox.SandboxState;
import dev.pcx.testing.Pcx;
import dev.pcx.testing.SandboxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pcx health end to end: the real CLI against the sandbox's Azure AD and Graph over loopback. */
class HealthSandboxTest {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    @TempDir
    Path config;
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The environment of pcx signed in as the sandbox's person (a refresh token) to {@code sandbox}. */
    private Map<String, String> person() {
        Map<String, String> env = new HashMap<>();
        env.put("PCX_CONFIG_DIR", config.toString());
        env.put("PCX_ENDPOINT", sandbox.baseUrl());
        env.put("PCX_AUTHORITY", sandbox.baseUrl());
        env.put("PCX_GRAPH_ENDPOINT", sandbox.baseUrl());
        env.put("PCX_TENANT_ID", SandboxIdentity.TENANT_ID);
        env.put("PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID);
        env.put("PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET);
        env.put("PCX_REFRESH_TOKEN", sandbox.personRefreshToken());
        return env;
    }

    private Pcx pcx() {
        Pcx pcx = new Pcx();
        person().forEach(pcx::env);
        return pcx;
    }

    @Test
    void theInProcessSandboxAnswersAsItsPersonForThePartnersOwnTenantAndACustomers() throws Exception {
        Pcx pcx = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result own = pcx.run("--sandbox", "health");
        assertEquals(0, own.exit(), own::toString);
        assertTrue(own.out().startsWith("SERVICE"), own.out());
        assertTrue(own.out().contains("EX512345") && own.out().contains("TM498765"), own.out());

        Pcx.Result contoso = pcx.run("--sandbox", "health", "-c", CONTOSO, "--all", "-o", "json");
        assertEquals(0, contoso.exit(), contoso::toString);
        JsonNode services = Json.mapper().readTree(contoso.out());
        assertEquals("Exchange Online", services.get(0).get("service").asText(), "the service in trouble first");
        List<String> ids = new ArrayList<>();
        services.forEach(s -> s.get("issues").forEach(i -> ids.add(i.get("id").asText())));
        assertTrue(ids.containsAll(List.of("EX512345", "EX465432")), "--all: active and resolved: " + ids);

        Pcx.Result show = pcx.run("--sandbox", "health", "show", "EX465432", "-c", CONTOSO);
        assertEquals(0, show.exit(), show::toString);
        assertTrue(show.out().contains("This is the final update for the event."), show.out());
        assertFalse(show.out().contains("<p>") || show.out().contains("&#39;"), show.out());
    }

    @Test
    void eachMissingRelationshipHasItsOwnMessage() {
        Pcx pcx = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result consent = pcx.run("--sandbox", "health", "-c", "szhuaxin.partner.onmschina.cn");
        assertEquals(5, consent.exit(), consent::toString);
        assertTrue(consent.err().contains("not consented") && consent.err().contains("AADSTS65001"), consent.err());
        Pcx.Result relationship = pcx.run("--sandbox", "health", "-c", "hzyuanjing.partner.onmschina.cn");
        assertEquals(5, relationship.exit(), relationship::toString);
        assertTrue(relationship.err().contains("no delegated-admin relationship"), relationship.err());
        Pcx.Result role = pcx.run("--sandbox", "health", "-c", "gznanfang.partner.onmschina.cn");
        assertEquals(5, role.exit(), role::toString);
        assertTrue(role.err().contains("no admin role"), role.err());
    }

    @Test
    void affectedShowsProgressOnATerminalsStderrOnlyAndNeverOnStdout() {
        Pcx.Result r = new Pcx().env("PCX_CONFIG_DIR", config.toString()).tty(false, false, true)
                .run("--sandbox", "health", "affected", "-o", "jsonl", "--service", "teams");
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("\r\u001b[K1/150 customers checked") && r.err().contains("150 customers: "),
                "progress in place, at most ten times a second, then the summary: " + r.err());
        assertEquals(150, r.out().lines().count());
        assertFalse(r.out().contains("customers checked"));
        Pcx.Result piped = new Pcx().env("PCX_CONFIG_DIR", config.toString())
                .run("--sandbox", "health", "affected", "-o", "jsonl", "--service", "teams");
        assertFalse(piped.err().contains("customers checked"), piped.err());
    }

    @Test
    void affectedChecksEveryCustomerUnderThrottlingAndReportsTheOnesItCannotCheck() throws Exception {
        sandbox = SandboxServer.start(SandboxServer.Config.of(40).withFaults("429@once")
                .withState(SandboxState.fresh(40, 3600, 0, List.of())));
        Pcx pcx = pcx();

        Pcx.Result r = pcx.run("health", "affected", "-o", "jsonl", "--parallel", "4");

        assertEquals(5, r.exit(), "some customers could not be checked: " + r);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            lines.add(Json.mapper().readTree(line));
        }
        assertEquals(40, lines.size(), "one line per customer, none dropped");
        assertEquals(40, lines.stream().map(l -> l.get("tenantId").asText()).distinct().count());
        Map<String, String> reasons = new HashMap<>();
        lines.stream().filter(l -> l.get("status").asText().equals("unknown"))
                .forEach(l -> reasons.put(l.get("domain").asText(), l.get("reason").asText()));
        assertTrue(reasons.get("szhuaxin.partner.onmschina.cn").contains("AADSTS65001"), reasons.toString());
        assertTrue(reasons.get("hzyuanjing.partner.onmschina.cn").contains("no delegated-admin"), reasons.toString());
        assertTrue(reasons.get("gznanfang.partner.onmschina.cn").contains("no admin role"), reasons.toString());
        assertFalse(reasons.values().stream().anyMatch(s -> s.contains("throttled")), "throttling was waited out");
        assertTrue(pcx.sleeps.stream().anyMatch(d -> d.toMillis() > 900), "Retry-After honoured: " + pcx.sleeps);
        JsonNode contoso = lines.stream().filter(l -> l.get("domain").asText().equals(CONTOSO)).findFirst().orElseThrow();
        assertEquals("affected", contoso.get("status").asText());
        assertEquals("EX512345", contoso.get("issues").get(0).get("id").asText(), "the incident first");
        assertTrue(r.err().contains("40 customers:") && r.err().contains("could not be checked"), r.err());

        Pcx.Result gate = pcx.env("PCX_REFRESH_TOKEN", sandbox.personRefreshToken()).run("health", "affected", "--issue", "EX512345", "--fail-on", "incident", "-o", "csv");
        assertEquals(7, gate.exit(), gate::toString);
        assertTrue(gate.out().startsWith("Customer,Domain,Status,Issues,Reason,Tenant id\n"), gate.out());
    }

    @Test
    void watchPrintsWhatChangesAsIncidentsAreDrivenAndEndsOnInterruptWith130() throws Exception {
        Path stateFile = config.resolve("sandbox-state.json");
        SandboxState state = SandboxState.fresh(20, 3600, 0, List.of());
        state.save(stateFile);
        sandbox = SandboxServer.start(SandboxServer.Config.of(20).withState(state).savingTo(stateFile));
        AtomicInteger waits = new AtomicInteger();
        List<Duration> asked = new ArrayList<>();
        String[] started = new String[1];
        Sleeper sleeper = d -> {
            asked.add(d);
            switch (waits.incrementAndGet()) {
                case 1 -> started[0] = SandboxIncidents.start(stateFile, "Exchange", "Mail is delayed", "Incident",
                        "Investigating", null, List.of(CONTOSO), null, Clock.systemUTC());
                case 2 -> SandboxIncidents.update(stateFile, started[0], "ServiceDegradation", null, "Worse", false,
                        Clock.systemUTC());
                case 3 -> SandboxIncidents.update(stateFile, started[0], null, null, null, true, Clock.systemUTC());
                default -> throw new InterruptedException("Ctrl-C");
            }
            // a new state file must look changed to the sandbox even within the same millisecond
            try {
                Files.setLastModifiedTime(stateFile, java.nio.file.attribute.FileTime.fromMillis(
                        System.currentTimeMillis() + waits.get() * 1000L));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false, false, () -> 100);

        int code = Main.run(io, person(), sleeper, "health", "watch", "-c", CONTOSO, "--interval", "10s", "-o", "jsonl",
                "--jq", "[.change, .issue.id, .issue.status, .previousStatus // \"\"] | join(\" \")");

        assertEquals(130, code, err::toString);
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10)), asked);
        assertEquals(List.of(
                "active EX512345 ServiceDegradation ",
                "active IT443210 ExtendedRecovery ",
                "new " + started[0] + " Investigating ",
                "status " + started[0] + " ServiceDegradation Investigating",
                "resolved " + started[0] + " ServiceRestored ServiceDegradation"), out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void aProfilesTokensForCustomerTenantsAreKeptPerTenantPrivateAndReused() throws Exception {
        try (SandboxFixture fixture = SandboxFixture.start(config, 12, 0, List.of())) {
            Pcx pcx = fixture.pcx().env("PCX_GRAPH_ENDPOINT", fixture.url);
            assertEquals(0, pcx.run("auth", "login", "--tenant", SandboxIdentity.TENANT_ID, "--client-id",
                    SandboxIdentity.CLIENT_ID).exit());
            Pcx.Result first = pcx.run("health", "-c", CONTOSO);
            assertEquals(0, first.exit(), first::toString);
            Path dir = config.resolve("tenant-tokens").resolve("default");
            try (var files = Files.list(dir)) {
                List<Path> kept = files.filter(f -> f.toString().endsWith(".json")).toList();
                assertEquals(1, kept.size(), kept.toString());
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept.get(0))));
                assertFalse(Files.readString(kept.get(0)).contains("refresh"), "only the access token is kept there");
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            int grants = fixture.server.refreshGrants();
            Pcx.Result again = pcx.run("health", "-c", CONTOSO, "-o", "json");
            assertEquals(0, again.exit(), again::toString);
            assertEquals(grants, fixture.server.refreshGrants(), "the kept token was used");

            Path kept;
            try (var files = Files.list(dir)) {
                kept = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
            }
            JsonNode entry = Json.mapper().readTree(kept.toFile());
            ((com.fasterxml.jackson.databind.node.ObjectNode) entry).put("expiresAt", "2020-01-01T00:00:00Z");
            Files.write(kept, Json.mapper().writeValueAsBytes(entry));
            Pcx.Result stale = pcx.run("health", "-c", CONTOSO, "-o", "json");
            assertEquals(0, stale.exit(), stale::toString);
            assertEquals(grants + 1, fixture.server.refreshGrants(), "a stale token is replaced");
            assertTrue(Files.readString(kept).contains("\"expiresAt\":\"20") && !Files.readString(kept).contains("2020-01-01"));

            Pcx.Result own = pcx.run("health");
            assertEquals(0, own.exit(), own::toString);
            Pcx.Result stillSignedIn = pcx.run("customers", "list", "--limit", "1");
            assertEquals(0, stillSignedIn.exit(), "the partner tenant's rotated refresh token was saved: " + stillSignedIn);
            assertFalse(first.err().contains("eyJ") || again.err().contains("eyJ"), "no token is ever printed");

            assertEquals(0, pcx.run("auth", "logout").exit());
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".json")).toList(),
                        "signing out forgets the tokens kept for customers' tenants");
            }
        }
    }
}
