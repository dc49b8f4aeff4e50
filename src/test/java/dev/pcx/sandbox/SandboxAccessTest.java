package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.Cloud;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reaching a customer's tenant looks like on the sandbox (partner-center-api.md §2, §5.2,
 * §11), driven with hand-written requests and checked against hand-written answers: the customer
 * record's relationship fields, each sign-in code a customer's token endpoint answers, Graph's 403
 * without a role, the application consents that change what the token endpoint answers, the
 * reseller relationship request link, the GDAP relationships on global, and 21Vianet's 404s.
 */
class SandboxAccessTest {
    /** The sandbox's date: 2026-12-03, 10:00 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private static final String GRAPH = "https://graph.microsoft.com/.default";
    private static final String CUSTOMER_0 = "88aaa55a-9641-30b4-b800-f1ab218d6505";
    private static final String CUSTOMER_2 = "1ee0b67e-c486-3ca8-a21a-8f6fc73cb428";
    private static final String CUSTOMER_5 = "db246c88-bbd5-3522-9eae-481b2cd36b0a";
    private static final String CUSTOMER_7 = "6c6e29e3-443e-3920-b4a8-ca6237ef60d5";
    private static final String CUSTOMER_9 = "d9b2c066-5511-3b2a-b273-11381aa1403e";
    private static final String CUSTOMER_10 = "d456b01b-300e-3d57-b05d-41302640691a";
    private static final String CUSTOMER_18 = "b57bc921-115d-3f08-9665-8462c92106f6";
    private static final MediaType JSON = MediaType.get("application/json");
    /** A grant as CIPP sends it (PascalCase): Microsoft Graph, the permissions service health and seats need. */
    private static final String GRAPH_CONSENT = """
            {"ApplicationId":"0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b","DisplayName":"pcx sandbox",\
            "ApplicationGrants":[{"EnterpriseApplicationId":"00000003-0000-0000-c000-000000000000",\
            "Scope":"ServiceHealth.Read.All,Organization.Read.All"}]}""";

    private final OkHttpClient http = new OkHttpClient();
    private SandboxServer sandbox;

    @TempDir
    Path dir;

    private record Answer(int status, JsonNode body) {
        String text(String pointer) {
            return body.at(pointer).asText();
        }
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void start(int customers, Cloud cloud) {
        sandbox = SandboxServer.start(SandboxServer.Config.of(customers).withClock(CLOCK).withCloud(cloud));
    }

    private AadClient aad() {
        return new AadClient(http, HttpUrl.get(sandbox.baseUrl()), d -> { }, CLOCK);
    }

    /** The partner's person's Partner Center token (app+user). */
    private String person() {
        return "Bearer " + aad().refresh(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(),
                SandboxIdentity.CLIENT_SECRET, "https://partner.partnercenterapi.microsoftonline.cn/user_impersonation")
                .accessToken();
    }

    /** The application's own Partner Center token (app-only). */
    private String app() {
        return "Bearer " + aad().clientSecret(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID,
                SandboxIdentity.CLIENT_SECRET, "https://partner.partnercenterapi.microsoftonline.cn/.default").accessToken();
    }

    /** The partner's person's Graph token in the partner's own tenant. */
    private String partnerGraph() {
        return "Bearer " + aad().refresh(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID,
                sandbox.personRefreshToken(), SandboxIdentity.CLIENT_SECRET, GRAPH).accessToken();
    }

    /** {@code POST /{tenant}/oauth2/v2.0/token}, the refresh-token grant a desk makes at a customer's tenant. */
    private Answer token(String tenant, String scope) throws Exception {
        RequestBody form = new FormBody.Builder()
                .add("grant_type", "refresh_token")
                .add("client_id", SandboxIdentity.CLIENT_ID)
                .add("client_secret", SandboxIdentity.CLIENT_SECRET)
                .add("refresh_token", sandbox.personRefreshToken())
                .add("scope", scope)
                .build();
        return send(new Request.Builder().url(sandbox.baseUrl() + "/" + tenant + "/oauth2/v2.0/token").post(form));
    }

    private Answer call(String method, String target, String authorization, String json) throws Exception {
        Request.Builder b = new Request.Builder().url(target.startsWith("http") ? target : sandbox.baseUrl() + target)
                .method(method, json == null ? null : RequestBody.create(json, JSON));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    private Answer send(Request.Builder b) throws Exception {
        try (Response r = http.newCall(b.build()).execute()) {
            String text = r.body().string();
            return new Answer(r.code(), text.isEmpty() ? null : Json.mapper().readTree(text));
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Azure AD's refusal as §11.4 shows it: the code in error_codes and at the head of the description, and its ids. */
    private void assertRefused(Answer a, String error, long code) {
        assertEquals(400, a.status(), a.body()::toString);
        JsonNode b = a.body();
        assertEquals(error, b.path("error").asText(), b::toString);
        assertEquals(json("[" + code + "]"), b.path("error_codes"));
        String description = b.path("error_description").asText();
        assertTrue(description.startsWith("AADSTS" + code + ": "), description);
        assertTrue(description.contains("\r\nTrace ID: " + b.path("trace_id").asText() + "\r\nCorrelation ID: "
                + b.path("correlation_id").asText() + "\r\nTimestamp: "), description);
        assertTrue(b.path("correlation_id").asText().matches("[0-9a-f-]{36}"), b::toString);
        assertEquals("2026-12-03T10:00:00Z", b.path("timestamp").asText());
        assertEquals(sandbox.baseUrl() + "/error?code=" + code, b.path("error_uri").asText());
    }

    // ---- 1. the customer record

    @Test
    void theCustomerRecordSaysTheRelationshipAndWhetherDelegatedAccessIsAllowed() throws Exception {
        start(30, null);
        String auth = person();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(CUSTOMER_0, "reseller true");
        expected.put(CUSTOMER_7, "reseller false");
        expected.put(SeedData.tenantId(13), "advisor true");
        expected.put(CUSTOMER_18, "none false");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Answer a = call("GET", "/v1/customers/" + e.getKey(), auth, null);
            assertEquals(200, a.status(), a.body()::toString);
            assertEquals(e.getValue(), a.text("/relationshipToPartner") + " " + a.body().path("allowDelegatedAccess"),
                    e.getKey());
        }
        Answer list = call("GET", "/v1/customers?size=20", auth, null);
        assertEquals("none", list.text("/items/18/relationshipToPartner"));
        assertFalse(list.body().at("/items/18").has("allowDelegatedAccess"), "get-by-id only (§2.1)");
    }

    // ---- 2. the customer's token endpoint

    @Test
    void eachCustomersTokenEndpointAnswersItsOwnSignInCode() throws Exception {
        start(30, null);
        assertRefused(token(CUSTOMER_5, GRAPH), "invalid_grant", 65001);
        assertRefused(token(CUSTOMER_7, GRAPH), "invalid_grant", 50020);
        assertRefused(token(CUSTOMER_10, GRAPH), "unauthorized_client", 700016);
        assertRefused(token(SeedData.tenantId(11), GRAPH), "invalid_grant", 50076);
        assertRefused(token(SeedData.tenantId(12), GRAPH), "invalid_grant", 90099);
        assertRefused(token(SeedData.tenantId(14), GRAPH), "invalid_grant", 53003);
        assertRefused(token(SeedData.tenantId(15), GRAPH), "invalid_grant", 50079);
        assertRefused(token(CUSTOMER_18, GRAPH), "invalid_grant", 50020);
        Answer fiveArm = token(CUSTOMER_5, "https://management.azure.com/.default");
        assertRefused(fiveArm, "invalid_grant", 65001);
        assertTrue(token(CUSTOMER_7, GRAPH).text("/error_description").startsWith("AADSTS50020: User account '"
                + SandboxIdentity.USER + "' from identity provider"));
        assertTrue(token(CUSTOMER_10, GRAPH).text("/error_description").startsWith("AADSTS700016: Application with "
                + "identifier '" + SandboxIdentity.CLIENT_ID + "' was not found in the directory 'Wingtip Toys'."));
        for (int granted : new int[] {0, 1, 2, 3, 4, 6, 8, 9, 13}) {
            Answer a = token(SeedData.tenantId(granted), GRAPH);
            assertEquals(200, a.status(), granted + ": " + a.body());
            assertEquals("Bearer", a.text("/token_type"));
            assertFalse(a.text("/access_token").isEmpty());
        }
        Answer link = call("GET", "/error?code=65001", null, null);
        assertEquals(200, link.status(), "the error_uri answers");
    }

    // ---- 3. a token, but no role that reads service health

    @Test
    void aGrantedTokenWithoutARoleIsGraphs403NamingTheRolesThatWould() throws Exception {
        start(30, null);
        Answer t = token(CUSTOMER_9, GRAPH);
        assertEquals(200, t.status(), t.body()::toString);
        Answer health = call("GET", "/v1.0/admin/serviceAnnouncement/healthOverviews", "Bearer " + t.text("/access_token"),
                null);
        assertEquals(403, health.status());
        assertEquals("Forbidden", health.text("/error/code"));
        assertEquals("Access denied: the signed-in user holds no admin role in this tenant that may read service health "
                + "(for example Service Support Administrator or Global Reader).", health.text("/error/message"));
        assertTrue(health.body().at("/error/innerError").has("request-id"), health.body()::toString);
    }

    // ---- 4. application consent

    @Test
    void aConsentGrantedThroughPartnerCenterLetsTheNextTokenRequestThrough() throws Exception {
        start(30, null);
        String auth = person();
        assertRefused(token(CUSTOMER_5, GRAPH), "invalid_grant", 65001);

        Answer created = call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", auth, GRAPH_CONSENT);
        assertEquals(201, created.status(), created.body()::toString);
        assertEquals(json("""
                {"applicationId":"0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b","displayName":"pcx sandbox",
                 "applicationGrants":[{"enterpriseApplicationId":"00000003-0000-0000-c000-000000000000",
                                       "scope":"ServiceHealth.Read.All,Organization.Read.All"}]}"""), created.body());

        Answer graph = token(CUSTOMER_5, GRAPH);
        assertEquals(200, graph.status(), graph.body()::toString);
        assertRefused(token(CUSTOMER_5, "https://management.azure.com/.default"), "invalid_grant", 65001);

        Answer again = call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", auth, GRAPH_CONSENT);
        assertEquals(409, again.status());
        assertEquals(json("""
                {"code":409,"description":"Permission entry already exists.","data":[],"source":"PartnerFD"}"""),
                again.body());

        Answer deleted = call("DELETE", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents/"
                + SandboxIdentity.CLIENT_ID, auth, null);
        assertEquals(201, deleted.status());
        assertNull(deleted.body());
        assertRefused(token(CUSTOMER_5, GRAPH), "invalid_grant", 65001);
        Answer gone = call("DELETE", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents/"
                + SandboxIdentity.CLIENT_ID, auth, null);
        assertEquals(404, gone.status());
        assertEquals(404, gone.body().path("code").asInt());
    }

    @Test
    void aConsentPutsAnUnknownOrUnauthorizedApplicationInTheTenantAndAReGrantIsDeleteThenPost() throws Exception {
        start(30, null);
        String auth = person();
        assertRefused(token(CUSTOMER_10, GRAPH), "unauthorized_client", 700016);
        assertEquals(201, call("POST", "/v1/customers/" + CUSTOMER_10 + "/applicationconsents", auth, GRAPH_CONSENT)
                .status());
        assertEquals(200, token(CUSTOMER_10, GRAPH).status());
        String twelve = SeedData.tenantId(12);
        assertRefused(token(twelve, GRAPH), "invalid_grant", 90099);
        assertEquals(201, call("POST", "/v1/customers/" + twelve + "/applicationconsents", auth, GRAPH_CONSENT).status());
        assertEquals(200, token(twelve, GRAPH).status());

        // Contoso's seeded consent grants Graph and ARM: a re-grant of Graph only takes ARM away
        assertEquals(409, call("POST", "/v1/customers/" + CUSTOMER_0 + "/applicationconsents", auth, GRAPH_CONSENT)
                .status(), "it exists already");
        assertEquals(200, token(CUSTOMER_0, "https://management.azure.com/.default").status());
        assertEquals(201, call("DELETE", "/v1/customers/" + CUSTOMER_0 + "/applicationconsents/"
                + SandboxIdentity.CLIENT_ID.toUpperCase(Locale.ROOT), auth, null).status());
        assertEquals(201, call("POST", "/v1/customers/" + CUSTOMER_0 + "/applicationconsents", auth, GRAPH_CONSENT)
                .status());
        assertEquals(200, token(CUSTOMER_0, GRAPH).status());
        assertRefused(token(CUSTOMER_0, "https://management.azure.com/.default"), "invalid_grant", 65001);
    }

    @Test
    void theConsentRouteRefusesWhatTheServiceRefuses() throws Exception {
        start(30, null);
        String auth = person();
        Answer refused = call("POST", "/v1/customers/" + CUSTOMER_7 + "/applicationconsents", auth, GRAPH_CONSENT);
        assertEquals(403, refused.status(), "no delegated admin in customer 7's tenant");
        assertEquals(json("""
                {"code":403,"description":"The partner has no delegated administration privileges in the tenant of \
                customer 6c6e29e3-443e-3920-b4a8-ca6237ef60d5: the customer's administrator must consent to the \
                application.","data":[],"source":"PartnerFD"}"""), refused.body());
        assertEquals(403, call("DELETE", "/v1/customers/" + CUSTOMER_18 + "/applicationconsents/"
                + SandboxIdentity.CLIENT_ID, auth, null).status());

        Answer appOnly = call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", app(), GRAPH_CONSENT);
        assertEquals(403, appOnly.status());
        assertEquals(900103, appOnly.body().path("code").asInt(), "app+user, as every Microsoft sample");

        Answer unknown = call("POST", "/v1/customers/00000000-0000-4000-8000-000000000000/applicationconsents", auth,
                GRAPH_CONSENT);
        assertEquals(404, unknown.status());
        assertEquals(600008, unknown.body().path("code").asInt());

        Answer noGrants = call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", auth,
                "{\"applicationId\":\"0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b\",\"applicationGrants\":[]}");
        assertEquals(400, noGrants.status());
        Answer noScope = call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", auth,
                "{\"applicationId\":\"0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b\",\"applicationGrants\":"
                        + "[{\"enterpriseApplicationId\":\"00000003-0000-0000-c000-000000000000\"}]}");
        assertEquals(400, noScope.status());
        assertEquals(405, call("GET", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", auth, null).status(),
                "the contract has no list route");
        assertEquals(401, call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", null, GRAPH_CONSENT)
                .status());
        assertRefused(token(CUSTOMER_5, GRAPH), "invalid_grant", 65001);
    }

    @Test
    void aConsentIsKeptInTheStateFileForTheNextRunAndForAServerStartedWithoutIt() throws Exception {
        Path file = dir.resolve("state.json");
        SandboxState state = SandboxState.fresh(30, 3600, 0, List.of());
        state.save(file);
        sandbox = SandboxServer.start(SandboxServer.Config.of(30).withState(state).withClock(CLOCK).savingTo(file));
        assertEquals(201, call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", person(), GRAPH_CONSENT)
                .status());
        sandbox.close();
        assertTrue(SandboxState.load(file).consents().containsKey("5"), "kept by customer index");

        sandbox = SandboxServer.start(SandboxServer.Config.of(30).withState(SandboxState.load(file)).withClock(CLOCK)
                .savingTo(file));
        assertEquals(200, token(CUSTOMER_5, GRAPH).status(), "the next run sees it");
        sandbox.close();

        // as pcx sandbox serve starts one: the settings of the file, without its saved documents
        SandboxState bare = SandboxState.load(file);
        bare = new SandboxState(bare.customers(), bare.key(), bare.tokenLifetimeSeconds(), bare.approveAfterSeconds(),
                bare.certificates(), bare.subscriptions(), null, bare.serviceRequests(), bare.supportTickets());
        sandbox = SandboxServer.start(SandboxServer.Config.of(30).withState(bare).withClock(CLOCK).savingTo(file));
        assertEquals(200, token(CUSTOMER_5, GRAPH).status(), "read from the file all the same");
        assertEquals(201, call("DELETE", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents/"
                + SandboxIdentity.CLIENT_ID, person(), null).status());
        assertRefused(token(CUSTOMER_5, GRAPH), "invalid_grant", 65001);
    }

    // ---- 5. the reseller relationship request link

    @Test
    void theRelationshipRequestLinkIsTheServicesForAPersonOnly() throws Exception {
        start(30, null);
        Answer link = call("GET", "/v1/customers/relationshiprequests", person(), null);
        assertEquals(200, link.status(), link.body()::toString);
        assertEquals(json("""
                {"url":"https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship\
                &partnerId=4d9a8c1e-7b2f-4e3a-9c5d-6f1e2a3b4c5d&msppId=0&DAP=false#/BillingAccounts/partner-invitation",
                 "attributes":{"objectType":"RelationshipRequest"}}"""), link.body());
        Answer appOnly = call("GET", "/v1/customers/relationshiprequests", app(), null);
        assertEquals(403, appOnly.status());
        assertEquals(900103, appOnly.body().path("code").asInt());
        assertEquals(405, call("POST", "/v1/customers/relationshiprequests", person(), "{}").status());
    }

    // ---- 6. GDAP relationships, global only

    @Test
    void gdapRelationshipsAreReadPerCustomerInThePartnersTenant() throws Exception {
        start(30, null);
        String auth = partnerGraph();
        String base = "/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=customer/tenantId%20eq%20'";

        Answer contoso = call("GET", base + CUSTOMER_0 + "'", auth, null);
        assertEquals(200, contoso.status(), contoso.body()::toString);
        assertEquals(json("""
                {"@odata.context":"%s/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships",
                 "value":[{"@odata.type":"#microsoft.graph.delegatedAdminRelationship",
                   "@odata.etag":"W/\\"6da00000\\"",
                   "id":"9f63d2f1-2df5-3270-9715-9d7ed418d290-321a09fa-b013-3bae-b876-a6a52b7bd5db",
                   "displayName":"Contoso Ltd admin relationship","duration":"P730D",
                   "customer":{"tenantId":"88aaa55a-9641-30b4-b800-f1ab218d6505","displayName":"Contoso Ltd"},
                   "accessDetails":{"unifiedRoles":[{"roleDefinitionId":"f2ef992c-3afb-46b9-b7cf-a126ee74c451"},
                     {"roleDefinitionId":"f023fd81-a637-4b56-95fd-791ac0226033"},
                     {"roleDefinitionId":"158c047a-c907-4556-b7ef-446551a6b5f7"},
                     {"roleDefinitionId":"88d8e3e3-8f55-4a1e-953a-9b9898b8876b"}]},
                   "status":"active","autoExtendDuration":"P180D",
                   "createdDateTime":"2026-08-25T10:00:00Z","lastModifiedDateTime":"2026-08-25T12:00:00Z",
                   "activatedDateTime":"2026-08-25T12:00:00Z","endDateTime":"2028-08-24T12:00:00Z"}]}"""
                .formatted(sandbox.baseUrl())), contoso.body());

        Answer fabrikam = call("GET", base + CUSTOMER_2 + "'", auth, null);
        JsonNode expiring = fabrikam.body().at("/value/0");
        assertEquals("active PT0S P180D 2026-06-16T12:00:00Z 2026-12-13T12:00:00Z", expiring.path("status").asText()
                + " " + expiring.path("autoExtendDuration").asText() + " " + expiring.path("duration").asText() + " "
                + expiring.path("activatedDateTime").asText() + " " + expiring.path("endDateTime").asText(),
                "ends 10 days after the sandbox's date, not extended");

        JsonNode expired = call("GET", base + CUSTOMER_7 + "'", auth, null).body().at("/value/0");
        assertEquals("expired PT0S 2025-11-13T12:00:00Z 2026-11-13T12:00:00Z 2026-11-13T12:00:00Z",
                expired.path("status").asText() + " " + expired.path("autoExtendDuration").asText() + " "
                        + expired.path("activatedDateTime").asText() + " " + expired.path("endDateTime").asText() + " "
                        + expired.path("lastModifiedDateTime").asText());

        JsonNode missingRole = call("GET", base + CUSTOMER_9 + "'", auth, null).body().at("/value/0");
        assertEquals("active", missingRole.path("status").asText());
        assertEquals(json("""
                {"unifiedRoles":[{"roleDefinitionId":"966707d0-3269-4727-9be2-8c3a10f19b9d"},
                                 {"roleDefinitionId":"95e79109-95c0-4d8e-aee3-d01accf2d47b"}]}"""),
                missingRole.path("accessDetails"), "neither Global Reader nor Service Support Administrator");

        JsonNode three = call("GET", base + SeedData.tenantId(3) + "'", auth, null).body().path("value");
        assertEquals("terminated active", three.get(0).path("status").asText() + " " + three.get(1).path("status").asText());
        JsonNode one = call("GET", base + SeedData.tenantId(1) + "'", auth, null).body().at("/value/0");
        assertEquals("#microsoft.graph.resellerDelegatedAdminRelationship", one.path("@odata.type").asText());
        assertEquals("false fa5ee607-d08b-3c25-828e-73bcab3a5b6e", one.path("isPartnerConsentPending").asText() + " "
                + one.path("indirectProviderTenantId").asText());
        for (int none : new int[] {4, 13, 18}) {
            Answer a = call("GET", base + SeedData.tenantId(none) + "'", auth, null);
            assertEquals(json("[]"), a.body().path("value"), "customer " + none + " has none");
        }
        assertEquals(json("[]"), call("GET", base + "00000000-0000-4000-8000-000000000000'", auth, null).body()
                .path("value"));
    }

    @Test
    void gdapRelationshipsPageWithAnAbsoluteNextLinkAndRefuseWhatGraphRefuses() throws Exception {
        start(16, null);
        String auth = partnerGraph();
        List<String> customers = new ArrayList<>();
        String next = "/v1.0/tenantRelationships/delegatedAdminRelationships?$top=4&$select=customer,status";
        int pages = 0;
        while (next != null) {
            Answer a = call("GET", next, auth, null);
            assertEquals(200, a.status(), a.body()::toString);
            a.body().path("value").forEach(r -> {
                assertFalse(r.has("endDateTime"), "$select: " + r);
                customers.add(r.at("/customer/displayName").asText() + " " + r.path("status").asText());
            });
            next = a.body().has("@odata.nextLink") ? a.body().path("@odata.nextLink").asText() : null;
            assertTrue(next == null || next.startsWith(sandbox.baseUrl() + "/v1.0/tenantRelationships/"
                    + "delegatedAdminRelationships?$top=4&$select=customer,status&$skiptoken="), next);
            pages++;
        }
        // one each for 0-2, 5-11 and 14; two for 3 and 15 (an older terminated one first); none for 4, 12, 13
        assertEquals(15, customers.size(), customers.toString());
        assertEquals(4, pages);
        assertEquals(List.of("Contoso Ltd active", "北京云创科技有限公司 active", "Fabrikam Inc active",
                "上海星辰信息技术有限公司 terminated", "上海星辰信息技术有限公司 active"), customers.subList(0, 5));
        assertTrue(customers.contains("杭州远景数据有限公司 expired"), customers.toString());

        Answer counted = call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships?$count=true"
                + "&$orderby=endDateTime%20desc&$top=1", auth, null);
        assertEquals(15, counted.body().path("@odata.count").asInt(), counted.body()::toString);
        assertEquals("Contoso Ltd", counted.text("/value/0/customer/displayName"),
                "the latest end: Contoso's, activated 100 days ago for 730 days");

        Answer top = call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships?$top=301", auth, null);
        assertEquals(400, top.status());
        assertEquals("BadRequest", top.text("/error/code"));
        assertEquals(400, call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships?$filter=status%20eq%20"
                + "'active'", auth, null).status(), "the sandbox filters by customer/tenantId only");
        assertEquals(400, call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships?$skip=2", auth, null)
                .status());
        assertEquals(400, call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships?$skiptoken=xyz", auth,
                null).status());

        Answer customerToken = call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships",
                "Bearer " + token(CUSTOMER_0, GRAPH).text("/access_token"), null);
        assertEquals(403, customerToken.status(), "read in the partner's tenant");
        assertEquals(401, call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships", person(), null).status(),
                "a Partner Center token is no Graph token");
    }

    // ---- 21Vianet

    @Test
    void on21VianetConsentsAndGdapAre404sAndTheLinkIsStillServed() throws Exception {
        start(30, Cloud.CHINA);
        String auth = person();
        Answer post = call("POST", "/v1/customers/" + CUSTOMER_5 + "/applicationconsents", auth, GRAPH_CONSENT);
        assertEquals(404, post.status());
        assertEquals("PartnerFD", post.text("/source"));
        assertEquals(404, call("DELETE", "/v1/customers/" + CUSTOMER_0 + "/applicationconsents/"
                + SandboxIdentity.CLIENT_ID, auth, null).status());
        assertRefused(token(CUSTOMER_5, "https://microsoftgraph.chinacloudapi.cn/.default"), "invalid_grant", 65001);

        Answer gdap = call("GET", "/v1.0/tenantRelationships/delegatedAdminRelationships", partnerGraph(), null);
        assertEquals(404, gdap.status());
        assertEquals("UnknownError", gdap.text("/error/code"));

        Answer link = call("GET", "/v1/customers/relationshiprequests", auth, null);
        assertEquals(200, link.status());
        assertTrue(link.text("/url").startsWith("https://portal.partner.microsoftonline.cn/Adminportal/Home?"
                + "invType=ResellerRelationship&partnerId=" + SandboxIdentity.TENANT_ID), link.text("/url"));
    }
}
