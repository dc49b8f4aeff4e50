package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.SignInException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's Graph and its customer-tenant tokens, as strict as the real service where it matters. */
class SandboxGraphTest {
    private static final String GRAPH = "https://microsoftgraph.chinacloudapi.cn/.default";
    private SandboxServer sandbox;
    private AadClient aad;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxServer.Config.of(30));
        aad = new AadClient(http, HttpUrl.get(sandbox.baseUrl()), d -> { }, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String graphToken(int customer) {
        return aad.refresh(SeedData.tenantId(customer), SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(),
                SandboxIdentity.CLIENT_SECRET, GRAPH).accessToken();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(String target, String token) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(target.startsWith("http") ? target
                : sandbox.baseUrl() + target).header("Authorization", "Bearer " + token).build()).execute()) {
            return new Answer(r.code(), Json.mapper().readTree(r.body().string()));
        }
    }

    @Test
    void issuesAreTheTenantsOwnInPagesWithAnAbsoluteNextLink() throws Exception {
        String token = aad.refresh(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(),
                SandboxIdentity.CLIENT_SECRET, GRAPH).accessToken(); // the partner's own tenant sees every issue
        List<String> ids = new ArrayList<>();
        String next = "/v1.0/admin/serviceAnnouncement/issues";
        int pages = 0;
        while (next != null) {
            Answer a = get(next, token);
            assertEquals(200, a.status(), a.body()::toString);
            a.body().get("value").forEach(i -> ids.add(i.get("id").asText()));
            next = a.body().has("@odata.nextLink") ? a.body().get("@odata.nextLink").asText() : null;
            assertTrue(next == null || next.startsWith(sandbox.baseUrl() + "/v1.0/"), next);
            pages++;
        }
        assertEquals(List.of(7, 2), List.of(ids.size(), pages), ids.toString());
        assertEquals(7, ids.stream().distinct().count());
        Answer active = get("/v1.0/admin/serviceAnnouncement/issues?$filter=isResolved%20eq%20false%20and%20"
                + "classification%20eq%20'incident'", graphToken(0));
        assertEquals(1, active.body().get("value").size(), active.body().toString());
        assertEquals("EX512345", active.body().get("value").get(0).get("id").asText());
        Answer fabrikam = get("/v1.0/admin/serviceAnnouncement/issues", graphToken(2));
        assertTrue(fabrikam.body().toString().contains("SP487654") && !fabrikam.body().toString().contains("EX512345"),
                "another tenant, other issues");
    }

    @Test
    void whatGraphRefusesTheSandboxRefusesInGraphsErrorShape() throws Exception {
        String token = graphToken(0);
        Answer badFilter = get("/v1.0/admin/serviceAnnouncement/issues?$filter=isResolved%20eq%20'false'", token);
        assertEquals(400, badFilter.status());
        assertEquals("BadRequest", badFilter.body().get("error").get("code").asText());
        assertTrue(badFilter.body().get("error").get("innerError").has("request-id"));
        assertEquals(400, get("/v1.0/admin/serviceAnnouncement/issues?$search=x", token).status());
        assertEquals(404, get("/v1.0/admin/serviceAnnouncement/issues/ZZ1", token).status());
        String partnerCenterToken = aad.refresh(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID,
                sandbox.personRefreshToken(), SandboxIdentity.CLIENT_SECRET,
                "https://partner.partnercenterapi.microsoftonline.cn/user_impersonation").accessToken();
        Answer wrongAudience = get("/v1.0/admin/serviceAnnouncement/healthOverviews", partnerCenterToken);
        assertEquals(401, wrongAudience.status());
        assertEquals("InvalidAuthenticationToken", wrongAudience.body().get("error").get("code").asText());
        Answer graphOnPartnerCenter = get("/v1/customers", token);
        assertEquals(401, graphOnPartnerCenter.status(), "a Graph token is no Partner Center token");
    }

    @Test
    void aCustomersTenantIssuesGraphTokensOnlyAndSaysWhatIsMissing() {
        SignInException resource = assertThrows(SignInException.class, () -> aad.refresh(SeedData.tenantId(0),
                SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(), SandboxIdentity.CLIENT_SECRET,
                "https://partner.partnercenterapi.microsoftonline.cn/.default"));
        assertEquals(List.of(500011L), resource.codes());
        assertEquals(List.of(65001L), assertThrows(SignInException.class, () -> graphToken(5)).codes());
        assertEquals(List.of(50020L), assertThrows(SignInException.class, () -> graphToken(7)).codes());
        SignInException unknown = assertThrows(SignInException.class, () -> aad.refresh(
                "00000000-0000-4000-8000-000000000000", SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(),
                SandboxIdentity.CLIENT_SECRET, GRAPH));
        assertEquals(List.of(90002L), unknown.codes());
        String rt = sandbox.personRefreshToken();
        aad.refresh(SeedData.tenantId(0), SandboxIdentity.CLIENT_ID, rt, SandboxIdentity.CLIENT_SECRET, GRAPH);
        aad.refresh(SeedData.tenantId(1), SandboxIdentity.CLIENT_ID, rt, SandboxIdentity.CLIENT_SECRET, GRAPH);
    }
}
