package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.Cloud;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's Azure Support API: the two-token check, name conflicts, paging, and 21Vianet without it. */
class SandboxSupportTest {
    private static final String ARM = "https://management.azure.com/.default";
    private static final String V = "?api-version=2024-04-01";
    private final OkHttpClient http = new OkHttpClient();
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private SandboxServer start(Cloud cloud) {
        sandbox = SandboxServer.start(SandboxServer.Config.of(30).withCloud(cloud));
        return sandbox;
    }

    private String token(String tenant) {
        AadClient aad = new AadClient(http, HttpUrl.get(sandbox.baseUrl()), d -> { }, Clock.systemUTC());
        return aad.refresh(tenant, SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(), SandboxIdentity.CLIENT_SECRET,
                ARM).accessToken();
    }

    private record Answer(int status, JsonNode body, okhttp3.Headers headers) {
    }

    private Answer call(String method, String path, String customerToken, String partnerToken, String body)
            throws Exception {
        Request.Builder b = new Request.Builder().url(sandbox.baseUrl() + path)
                .method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")));
        if (customerToken != null) {
            b.header("Authorization", "Bearer " + customerToken);
        }
        if (partnerToken != null) {
            b.header("x-ms-authorization-auxiliary", "Bearer " + partnerToken);
        }
        try (Response r = http.newCall(b.build()).execute()) {
            String text = r.body().string();
            return new Answer(r.code(), text.isEmpty() ? null : Json.mapper().readTree(text), r.headers());
        }
    }

    private static String tickets(String sub) {
        return "/subscriptions/" + sub + "/providers/Microsoft.Support/supportTickets";
    }

    @Test
    void bothTokensFromTheRightTenantsOrTheDocumentedRefusals() throws Exception {
        start(null);
        String sub = SeedSupport.subscription(0, 0);
        String customer = token(SeedData.tenantId(0));
        String partner = token(SandboxIdentity.TENANT_ID);
        assertEquals(200, call("GET", tickets(sub) + V, customer, partner, null).status());
        Answer noAux = call("GET", tickets(sub) + V, customer, null, null);
        assertEquals(400, noAux.status());
        assertTrue(noAux.body().path("error").path("message").asText().startsWith("Your support plan type is CSP"));
        Answer swapped = call("GET", tickets(sub) + V, partner, customer, null);
        assertEquals(401, swapped.status());
        assertEquals("InvalidAuthenticationTokenTenant", swapped.body().path("error").path("code").asText());
        Answer auxFromCustomer = call("GET", tickets(sub) + V, customer, customer, null);
        assertEquals(401, auxFromCustomer.status());
        assertTrue(auxFromCustomer.body().path("error").path("message").asText().contains("auxiliary"));
        assertEquals(401, call("GET", tickets(sub) + V, null, partner, null).status());
        assertEquals(400, call("GET", tickets(sub), customer, partner, null).status(), "api-version is required");
        Answer indirect = call("GET", tickets(SeedSupport.subscription(2, 1)) + V, token(SeedData.tenantId(2)), partner,
                null);
        assertTrue(indirect.body().path("error").path("message").asText().startsWith("Your support plan type is CSP"));
    }

    @Test
    void aPutAnswers202WithBothMonitorsAndANameIsNotReused() throws Exception {
        start(Cloud.GLOBAL);
        String sub = SeedSupport.subscription(1, 0);
        String customer = token(SeedData.tenantId(1));
        String partner = token(SandboxIdentity.TENANT_ID);
        String service = "/providers/Microsoft.Support/services/" + SeedSupport.serviceName(3);
        String body = """
                {"properties": {"title": "t", "description": "d", "serviceId": "%s",
                 "problemClassificationId": "%s/problemClassifications/%s", "severity": "minimal",
                 "advancedDiagnosticConsent": "No", "contactDetails": {"firstName": "A", "lastName": "B",
                 "preferredContactMethod": "email", "primaryEmailAddress": "a@example.com",
                 "preferredTimeZone": "UTC", "country": "USA", "preferredSupportLanguage": "en-us"}}}"""
                .formatted(service, service, SeedSupport.problemName(3, 1));
        Answer put = call("PUT", tickets(sub) + "/t1" + V, customer, partner, body);
        assertEquals(202, put.status(), String.valueOf(put.body()));
        String async = put.headers().get("Azure-AsyncOperation");
        assertTrue(async.startsWith(sandbox.baseUrl() + "/providers/Microsoft.Support/operationsStatus/"), async);
        assertTrue(put.headers().get("Location").startsWith(sandbox.baseUrl() + "/subscriptions/" + sub), put.headers()
                .get("Location"));
        assertEquals("Succeeded", call("GET", async.substring(sandbox.baseUrl().length()), customer, partner, null)
                .body().path("status").asText());
        Answer again = call("PUT", tickets(sub) + "/t1" + V, customer, partner, body);
        assertEquals(409, again.status());
        Answer shown = call("GET", tickets(sub) + "/t1" + V, customer, partner, null);
        assertEquals("Open", shown.body().path("properties").path("status").asText());
        Answer missingField = call("PUT", tickets(sub) + "/t2" + V, customer, partner,
                body.replace("\"severity\": \"minimal\",", ""));
        assertEquals(400, missingField.status());
        assertTrue(missingField.body().path("error").path("message").asText().contains("severity"));
    }

    @Test
    void on21VianetTheProviderDoesNotExist() throws Exception {
        start(Cloud.CHINA);
        Answer services = call("GET", "/providers/Microsoft.Support/services" + V, "x", null, null);
        assertEquals(404, services.status());
        assertTrue(services.body().path("error").path("message").asText().contains("21Vianet"));
        assertEquals(404, call("PUT", tickets(SeedSupport.subscription(0, 0)) + "/t1" + V, "x", "y", "{}").status());
    }

    @Test
    void theStatusFilterIsTakenAsMicrosoftsExampleSpellsItAndAsTheFieldIsNamed() throws Exception {
        start(null);
        java.util.function.Function<String, Answer> list = query -> {
            try {
                return call("GET", tickets(SeedSupport.subscription(0, 0)) + V + query, token(SeedData.tenantId(0)),
                        token(SandboxIdentity.TENANT_ID), null);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        Answer all = list.apply("");
        for (String filter : new String[] {"status%20eq%20%27Open%27", "Status%20eq%20%27Open%27"}) {
            Answer open = list.apply("&$filter=" + filter);
            assertEquals(200, open.status(), filter);
            open.body().path("value").forEach(t -> assertEquals("open",
                    t.path("properties").path("status").asText().toLowerCase(java.util.Locale.ROOT), filter));
            assertTrue(open.body().path("value").size() <= all.body().path("value").size());
        }
    }
}
