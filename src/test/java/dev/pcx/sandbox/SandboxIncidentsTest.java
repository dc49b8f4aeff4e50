package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.auth.AadClient;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issues driven by {@code pcx sandbox incident}, as Graph serves them in each tenant: an issue
 * spreads to customers and recedes from them without changing (no post, the same last-modified time).
 */
class SandboxIncidentsTest {
    private static final String GRAPH = "https://microsoftgraph.chinacloudapi.cn/.default";
    private static final int CONTOSO = 0;
    private static final int BJYUNCHUANG = 1;
    private static final int FABRIKAM = 2;
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
    private static final Clock TUESDAY = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private Path file;
    private SandboxServer sandbox;
    private AadClient aad;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() {
        file = dir.resolve("state.json");
        sandbox = SandboxServer.startInProcess(dir);
        aad = new AadClient(http, HttpUrl.get(sandbox.baseUrl()), d -> { }, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    /** The issue {@code id} as Graph serves it in customer {@code index}'s tenant. */
    private Answer issueIn(int index, String id) throws Exception {
        String token = aad.refresh(SeedData.tenantId(index), SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(),
                SandboxIdentity.CLIENT_SECRET, GRAPH).accessToken();
        try (Response r = http.newCall(new Request.Builder()
                .url(sandbox.baseUrl() + "/v1.0/admin/serviceAnnouncement/issues/" + id)
                .header("Authorization", "Bearer " + token).build()).execute()) {
            return new Answer(r.code(), Json.mapper().readTree(r.body().string()));
        }
    }

    private String startFor(String... customers) {
        return SandboxIncidents.start(file, "Microsoft Teams", "Calls drop", "Incident", "Investigating", null,
                List.of(customers), null, MONDAY);
    }

    @Test
    void aSpreadIsServedInTheAddedTenantFromThenOnAndChangesNotTheIssue() throws Exception {
        String id = startFor("contoso.partner.onmschina.cn");
        Answer before = issueIn(CONTOSO, id);
        assertEquals(200, before.status(), before.body()::toString);
        assertEquals(404, issueIn(FABRIKAM, id).status(), "not in fabrikam before the spread");

        SandboxIncidents.Reach reach = SandboxIncidents.update(file, id, null, null, null, false,
                List.of("fabrikam.partner.onmschina.cn", SeedData.tenantId(BJYUNCHUANG)), List.of(), TUESDAY);

        assertEquals(new SandboxIncidents.Reach(List.of("fabrikam.partner.onmschina.cn", SeedData.tenantId(BJYUNCHUANG)),
                List.of(), 3), reach);
        Answer fabrikam = issueIn(FABRIKAM, id);
        assertEquals(200, fabrikam.status(), fabrikam.body()::toString);
        assertEquals(200, issueIn(BJYUNCHUANG, id).status());
        Answer contoso = issueIn(CONTOSO, id);
        assertEquals("2026-11-30T08:00:00Z", fabrikam.body().get("lastModifiedDateTime").asText(),
                "a spread changes who lists the issue, not the issue");
        assertEquals(1, fabrikam.body().get("posts").size(), "no post for a spread");
        assertEquals(withoutContext(before.body()), withoutContext(contoso.body()), "unchanged where it was");
        assertEquals(withoutContext(contoso.body()), withoutContext(fabrikam.body()), "the same issue in every tenant");
    }

    @Test
    void aRecedeRemovesItFromThatTenantOnly() throws Exception {
        String id = startFor("contoso.partner.onmschina.cn", "fabrikam.partner.onmschina.cn");
        assertEquals(200, issueIn(FABRIKAM, id).status());

        SandboxIncidents.Reach reach = SandboxIncidents.update(file, id, null, null, null, false, List.of(),
                List.of("FABRIKAM.partner.onmschina.cn"), TUESDAY);

        assertEquals(new SandboxIncidents.Reach(List.of(), List.of("FABRIKAM.partner.onmschina.cn"), 1), reach);
        assertEquals(404, issueIn(FABRIKAM, id).status(), "receded");
        Answer contoso = issueIn(CONTOSO, id);
        assertEquals(200, contoso.status());
        assertEquals("2026-11-30T08:00:00Z", contoso.body().get("lastModifiedDateTime").asText());
        assertEquals(1, contoso.body().get("posts").size());
    }

    @Test
    void addingOneHitAlreadyOrRemovingOneNotHitChangesNothing() throws Exception {
        String id = startFor("contoso.partner.onmschina.cn");
        String before = Files.readString(file);

        SandboxIncidents.Reach reach = SandboxIncidents.update(file, id, null, null, null, false,
                List.of(SeedData.tenantId(CONTOSO)), List.of("fabrikam.partner.onmschina.cn"), TUESDAY);

        assertEquals(new SandboxIncidents.Reach(List.of(), List.of(), 1), reach);
        assertEquals(Json.mapper().readTree(before).path("incidents"), Json.mapper().readTree(Files.readString(file))
                .path("incidents"));
    }

    @Test
    void aSpreadWithAStatusIsAnUpdateToo() throws Exception {
        String id = startFor("contoso.partner.onmschina.cn");

        SandboxIncidents.update(file, id, "ServiceDegradation", null, null, false,
                List.of("fabrikam.partner.onmschina.cn"), List.of(), TUESDAY);

        Answer fabrikam = issueIn(FABRIKAM, id);
        assertEquals("2026-12-01T08:00:00Z", fabrikam.body().get("lastModifiedDateTime").asText());
        assertEquals(2, fabrikam.body().get("posts").size());
        assertEquals("ServiceDegradation", fabrikam.body().get("status").asText());
    }

    @Test
    void aSpreadOrRecedeThatCannotBeIsRefusedWithTheFix() {
        String everyone = SandboxIncidents.start(file, "Exchange", "Mail is delayed", "Incident", "Investigating",
                null, List.of(), null, MONDAY);
        String some = startFor("contoso.partner.onmschina.cn");

        IllegalArgumentException all = assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.update(
                file, everyone, null, null, null, false, List.of("fabrikam.partner.onmschina.cn"), List.of(), TUESDAY));
        assertTrue(all.getMessage().startsWith(everyone
                + " hits every tenant with Exchange Online (it was started without --customer)")
                && all.getMessage().contains("pcx sandbox incident start --customer"), all.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.update(file, everyone, null, null, null,
                false, List.of(), List.of("contoso.partner.onmschina.cn"), TUESDAY));

        IllegalArgumentException last = assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.update(
                file, some, null, null, null, false, List.of(), List.of("contoso.partner.onmschina.cn"), TUESDAY));
        assertTrue(last.getMessage().contains("would leave " + some + " hitting no customer")
                && last.getMessage().endsWith("pcx sandbox incident resolve " + some), last.getMessage());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.update(
                file, some, null, null, null, false, List.of("nope.example.cn"), List.of(), TUESDAY));
        assertEquals("the sandbox has no customer 'nope.example.cn' (give a tenant id or a domain, e.g. "
                + "contoso.partner.onmschina.cn)", unknown.getMessage(), "as start says it");

        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.update(
                file, some, null, null, null, false, List.of("fabrikam.partner.onmschina.cn"),
                List.of(SeedData.tenantId(FABRIKAM)), TUESDAY));
        assertTrue(both.getMessage().contains("both name"), both.getMessage());

        String intune = SandboxIncidents.start(file, "Intune", "Enrolment fails", "Incident", "Investigating", null,
                List.of("contoso.partner.onmschina.cn"), null, MONDAY);
        IllegalArgumentException lacks = assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.update(
                file, intune, null, null, null, false, List.of("fabrikam.partner.onmschina.cn"), List.of(), TUESDAY));
        assertTrue(lacks.getMessage().contains("has no Microsoft Intune"), lacks.getMessage());

        SandboxIncidents.update(file, some, null, null, null, true, MONDAY);
        IllegalArgumentException resolved = assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.update(
                file, some, null, null, null, false, List.of("fabrikam.partner.onmschina.cn"), List.of(), TUESDAY));
        assertTrue(resolved.getMessage().startsWith(some + " is resolved"), resolved.getMessage());

        NoSuchElementException missing = assertThrows(NoSuchElementException.class, () -> SandboxIncidents.update(
                file, "ZZ1", null, null, null, false, List.of("fabrikam.partner.onmschina.cn"), List.of(), TUESDAY));
        assertTrue(missing.getMessage().startsWith("no issue ZZ1 was started"), missing.getMessage());
        assertTrue(!read().contains(SeedData.tenantId(FABRIKAM)), "no refused spread was kept");
    }

    @Test
    void aStartForACustomerWithoutTheServiceIsRefusedAndKeepsNothing() {
        String before = read();

        IllegalArgumentException lacks = assertThrows(IllegalArgumentException.class, () -> SandboxIncidents.start(
                file, "Intune", "Enrolment fails", "Incident", "Investigating", null,
                List.of("contoso.partner.onmschina.cn", "fabrikam.partner.onmschina.cn"), null, MONDAY));

        assertEquals("the sandbox customer 'fabrikam.partner.onmschina.cn' has no Microsoft Intune, so Graph would "
                + "not list the issue there; name a customer with Microsoft Intune", lacks.getMessage());
        assertEquals(before, read(), "no issue was started");
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode withoutContext(JsonNode issue) {
        var copy = issue.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("@odata.context");
        return copy;
    }
}
