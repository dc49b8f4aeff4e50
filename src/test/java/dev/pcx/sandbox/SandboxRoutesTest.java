package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.auth.AadClient;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's route table as a client meets it, driven with hand-written requests (never pcx's
 * own encoders): each service's 404 and 405 in its own error body, the checks that come before
 * them, and the customers filter and links exactly as partner-center-api.md §1.2 and §2.2 (and
 * Microsoft's sample in conformance/customers-filter-by-company-name.json) spell them.
 */
class SandboxRoutesTest {
    /** {"Field":"Domain","Value":"cont","Operator":"starts_with"}, encoded as Microsoft's sample encodes it. */
    private static final String DOMAIN_CONT =
            "%7B%22Field%22%3A%22Domain%22%2C%22Value%22%3A%22cont%22%2C%22Operator%22%3A%22starts_with%22%7D";
    /** {"Field":"CompanyName","Value":"Contoso 中","Operator":"starts_with"}: a space is %20, 中 its UTF-8 bytes. */
    private static final String NAME_CONTOSO_ZHONG = "%7B%22Field%22%3A%22CompanyName%22%2C%22Value%22%3A%22"
            + "Contoso%20%E4%B8%AD%22%2C%22Operator%22%3A%22starts_with%22%7D";
    /** {"Field":"CompanyName","Value":"北京","Operator":"starts_with"}. */
    private static final String NAME_BEIJING = "%7B%22Field%22%3A%22CompanyName%22%2C%22Value%22%3A%22"
            + "%E5%8C%97%E4%BA%AC%22%2C%22Operator%22%3A%22starts_with%22%7D";

    private final OkHttpClient http = new OkHttpClient();
    private SandboxServer sandbox;
    private String partnerCenter;

    private record Answer(int status, JsonNode body) {
        String text(String pointer) {
            return body.at(pointer).asText();
        }
    }

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxServer.Config.of(300));
        partnerCenter = "Bearer " + aad().clientSecret(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID,
                SandboxIdentity.CLIENT_SECRET, "https://partner.partnercenterapi.microsoftonline.cn/.default")
                .accessToken();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private AadClient aad() {
        return new AadClient(http, HttpUrl.get(sandbox.baseUrl()), d -> { }, Clock.systemUTC());
    }

    /** A person's token for {@code resource} issued in {@code tenant}. */
    private String token(String tenant, String resource) {
        return "Bearer " + aad().refresh(tenant, SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(),
                SandboxIdentity.CLIENT_SECRET, resource + "/.default").accessToken();
    }

    private Answer call(String method, String target, String authorization, String... headers) throws Exception {
        Request.Builder b = new Request.Builder().url(sandbox.baseUrl() + target)
                .method(method, Set.of("GET", "HEAD", "DELETE").contains(method) ? null
                        : RequestBody.create(new byte[0]));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try (Response r = http.newCall(b.build()).execute()) {
            String text = r.body().string();
            return new Answer(r.code(), text.isEmpty() ? null : Json.mapper().readTree(text));
        }
    }

    @Test
    void aFilterAsTheContractWritesItIsReadAndWrittenBackInTheSameBytes() throws Exception {
        Answer byDomain = call("GET", "/v1/customers?size=10&filter=" + DOMAIN_CONT, partnerCenter);
        assertEquals(200, byDomain.status(), byDomain.body()::toString);
        assertEquals("contoso.partner.onmschina.cn", byDomain.text("/items/0/companyProfile/domain"));
        byDomain.body().get("items").forEach(c -> assertTrue(
                c.at("/companyProfile/domain").asText().startsWith("cont"), c::toString));
        assertEquals("/customers?size=10&filter=" + DOMAIN_CONT, byDomain.text("/links/self/uri"));

        Answer byName = call("GET", "/v1/customers?size=10&filter=" + NAME_CONTOSO_ZHONG, partnerCenter);
        assertEquals(1, byName.body().get("items").size(), byName.body()::toString);
        assertEquals("Contoso 中国", byName.text("/items/0/companyProfile/companyName"));
        assertEquals("/customers?size=10&filter=" + NAME_CONTOSO_ZHONG, byName.text("/links/self/uri"));
    }

    @Test
    void theNextLinkIsTheContractsAndItsTokenKeepsTheFilter() throws Exception {
        Answer first = call("GET", "/v1/customers?size=2&filter=" + NAME_BEIJING, partnerCenter);
        JsonNode next = first.body().at("/links/next");
        assertEquals("/customers?size=2&seekOperation=Next", next.path("uri").asText());
        assertEquals("GET", next.path("method").asText());
        assertEquals("MS-ContinuationToken", next.at("/headers/0/key").asText());
        String token = next.at("/headers/0/value").asText();
        assertTrue(token.startsWith("+"), "a token with a '+', as real ones have, sent as it is: " + token);

        Answer second = call("GET", "/v1" + next.path("uri").asText(), partnerCenter, "MS-ContinuationToken", token);
        assertEquals(200, second.status(), second.body()::toString);
        assertEquals("/customers?size=2&filter=" + NAME_BEIJING, second.text("/links/self/uri"));
        second.body().get("items").forEach(c -> assertTrue(
                c.at("/companyProfile/companyName").asText().startsWith("北京"), c::toString));
        assertFalse(second.text("/items/0/id").equals(first.text("/items/0/id")), "the second page goes on");
    }

    @Test
    void aFilterTheServiceWouldRefuseIsRefused() throws Exception {
        String equalsOperator = DOMAIN_CONT.replace("starts_with", "equals");
        Answer refused = call("GET", "/v1/customers?size=10&filter=" + equalsOperator, partnerCenter);
        assertEquals(400, refused.status());
        assertEquals("The filter needs Field, Value and the Operator starts_with", refused.text("/description"));
        assertEquals(400, call("GET", "/v1/customers?filter=%7B%22Field%22", partnerCenter).status());
    }

    @Test
    void partnerCenterAnswersNoRouteAndAMethodItDoesNotTakeWithApiFaults() throws Exception {
        Answer post = call("POST", "/v1/customers", partnerCenter);
        assertEquals(405, post.status());
        assertEquals("The method POST is not supported here", post.text("/description"));
        assertEquals("PartnerFD", post.text("/source"));
        Answer none = call("GET", "/v1/nothing", partnerCenter);
        assertEquals(404, none.status());
        assertEquals("No route for GET /v1/nothing", none.text("/description"));
        assertEquals(401, call("GET", "/v1/nothing", null).status(), "the token is checked before the route");
    }

    @Test
    void aCustomerAndASubscriptionAreLookedUpBeforeTheMethod() throws Exception {
        Answer customer = call("DELETE", "/v1/customers/" + SeedData.tenantId(999) + "/subscriptions/x", partnerCenter);
        assertEquals(404, customer.status());
        assertEquals("600008", customer.text("/code"));
        Answer subscription = call("DELETE", "/v1/customers/" + SeedData.tenantId(0) + "/subscriptions/x", partnerCenter);
        assertEquals("800002", subscription.text("/code"));
        String known = "/v1/customers/" + SeedData.tenantId(0) + "/subscriptions/" + SeedSubscriptions.id(0, 0);
        assertEquals(405, call("DELETE", known, partnerCenter).status());
        assertEquals(405, call("HEAD", known, partnerCenter).status(),
                "a path the subscription routes take is not handed on to the customers' routes after them");
        Answer retired = call("POST", "/v1/customers/" + SeedData.tenantId(0) + "/servicerequests",
                token(SandboxIdentity.TENANT_ID, "https://partner.partnercenterapi.microsoftonline.cn"));
        assertEquals(404, retired.status());
        assertTrue(retired.text("/description").contains("retired"), retired.body()::toString);
    }

    @Test
    void graphAnswersInGraphsErrorBody() throws Exception {
        String graph = token(SandboxIdentity.TENANT_ID, "https://microsoftgraph.chinacloudapi.cn");
        Answer none = call("GET", "/v1.0/me", graph);
        assertEquals(404, none.status());
        assertEquals("Resource not found for the segment '/v1.0/me'.", none.text("/error/message"));
        Answer segment = call("GET", "/v1.0/admin/serviceAnnouncement/messages", graph);
        assertEquals("Resource not found for the segment 'messages'.", segment.text("/error/message"));
        Answer empty = call("GET", "/v1.0/admin/serviceAnnouncement//", graph);
        assertEquals(404, empty.status(), "no segment is a 404, not a failure");
        Answer post = call("POST", "/v1.0/admin/serviceAnnouncement/issues", graph);
        assertEquals(405, post.status());
        assertEquals("Request_BadRequest", post.text("/error/code"));
    }

    @Test
    void armAnswersInArmsErrorBody() throws Exception {
        String arm = token(SeedData.tenantId(0), "https://management.azure.com");
        String v = "?api-version=" + SupportRoutes.API_VERSION;
        Answer post = call("POST", "/providers/Microsoft.Support/services" + v, arm);
        assertEquals(405, post.status());
        assertEquals("MethodNotAllowed", post.text("/error/code"));
        Answer none = call("GET", "/providers/Microsoft.Support/nothing" + v, arm);
        assertEquals(404, none.status());
        assertEquals("No route for GET /providers/Microsoft.Support/nothing", none.text("/error/message"));
        Answer checkName = call("GET", "/subscriptions/" + SeedSupport.subscription(0, 0)
                + "/providers/Microsoft.Support/checkNameAvailability" + v, arm, "x-ms-authorization-auxiliary",
                token(SandboxIdentity.TENANT_ID, "https://management.azure.com"));
        assertEquals(404, checkName.status(), "the name check is a POST; a GET finds no route");
    }

    @Test
    void signInPathsAnswerNoRouteForAnyOtherMethod() throws Exception {
        Answer get = call("GET", "/sandbox/devicecodes/ABC/approve", null);
        assertEquals(404, get.status());
        assertEquals("No route for GET /sandbox/devicecodes/ABC/approve", get.text("/description"));
        assertEquals(404, call("POST", "/Sandbox/devicecodes/ABC/approve", null).status(), "spelled in lower case");
        Answer token = call("GET", "/" + SandboxIdentity.TENANT_ID + "/oauth2/v2.0/token", null);
        assertEquals(405, token.status());
        assertEquals("invalid_request", token.text("/error"));
    }
}
