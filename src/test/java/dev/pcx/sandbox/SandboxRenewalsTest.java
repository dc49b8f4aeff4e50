package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MovableClock;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.SignInException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the renewal desk reads from the sandbox (partner-center-api.md §10), driven with
 * hand-written requests: the subscriptions' term fields relative to the sandbox's clock, get-by-id's
 * {@code refundableQuantity}, and Graph's {@code subscribedSkus} in each customer's tenant.
 */
class SandboxRenewalsTest {
    private static final String GRAPH = "https://microsoftgraph.chinacloudapi.cn/.default";
    private static final String PARTNER_CENTER = "https://partner.partnercenterapi.microsoftonline.cn/.default";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private static final String CONTOSO = SeedData.tenantId(0);
    /** Every field of a subscribedSku, as Graph spells them. */
    private static final Set<String> SKU_FIELDS = Set.of("accountName", "accountId", "appliesTo", "capabilityStatus",
            "consumedUnits", "id", "prepaidUnits", "servicePlans", "skuId", "skuPartNumber", "subscriptionIds");
    private static final Set<String> LEGACY_ABSENT = Set.of("productType", "termDuration", "renewalTermDuration",
            "cancellationAllowedUntilDate", "refundOptions", "refundableQuantity");

    private final OkHttpClient http = new OkHttpClient();
    private final MovableClock clock = new MovableClock(NOW);
    private SandboxServer sandbox;
    private AadClient aad;

    private void start(int customers) {
        sandbox = SandboxServer.start(SandboxServer.Config.of(customers).withClock(clock));
        aad = new AadClient(http, HttpUrl.get(sandbox.baseUrl()), d -> { }, clock);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String partnerCenter() {
        return aad.clientSecret(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID, SandboxIdentity.CLIENT_SECRET,
                PARTNER_CENTER).accessToken();
    }

    private String graph(int customer) {
        return aad.refresh(SeedData.tenantId(customer), SandboxIdentity.CLIENT_ID, sandbox.personRefreshToken(),
                SandboxIdentity.CLIENT_SECRET, GRAPH).accessToken();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(String target, String token) throws Exception {
        return call(new Request.Builder().url(sandbox.baseUrl() + target).header("Authorization", "Bearer " + token)
                .build());
    }

    private Answer patch(String target, String token, JsonNode body, String etag) throws Exception {
        return call(new Request.Builder().url(sandbox.baseUrl() + target).header("Authorization", "Bearer " + token)
                .header("If-Match", etag)
                .patch(RequestBody.create(body.toString(), MediaType.get("application/json; charset=utf-8"))).build());
    }

    private Answer call(Request request) throws Exception {
        try (Response r = http.newCall(request).execute()) {
            String text = r.body().string();
            return new Answer(r.code(), text.isEmpty() ? null : Json.mapper().readTree(text));
        }
    }

    private static String subscriptions(int customer) {
        return "/v1/customers/" + SeedData.tenantId(customer) + "/subscriptions";
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText();
    }

    @Test
    void contosoShowsEveryDecisionOfTheRenewalDeskRelativeToTheClock() throws Exception {
        start(30);
        Answer list = get(subscriptions(0), partnerCenter());
        assertEquals(200, list.status(), list.body()::toString);
        JsonNode items = list.body().get("items");
        assertEquals(6, items.size(), items::toString);
        List<String> names = new ArrayList<>();
        items.forEach(s -> names.add(text(s, "friendlyName")));
        assertEquals(List.of("HQ Office 365 E3", "Sales Azure plan", "R&D Microsoft 365 E5",
                "Shanghai office Exchange Online Archiving for Exchange Online", "Sales Microsoft Teams Essentials",
                "Sales Microsoft 365 Business Basic"), names);
        items.forEach(s -> assertFalse(s.has("refundableQuantity"), "the list does not carry it: " + s));

        JsonNode office = items.get(0);
        assertEquals("1346F405-8F6A-3FC1-860F-1F80652BE1AA", text(office, "id"));
        assertEquals(List.of("active", "5", "false", "2027-02-16T00:00:00", "2026-02-17T00:00:00Z"), List.of(
                text(office, "status"), text(office, "quantity"), text(office, "autoRenewEnabled"),
                text(office, "commitmentEndDate"), text(office, "effectiveStartDate")));
        for (String absent : LEGACY_ABSENT) {
            assertFalse(office.has(absent), "legacy: no " + absent + " (absent, not null): " + office);
        }
        JsonNode azure = items.get(1);
        assertEquals("9999-12-14T00:00:00Z", text(azure, "commitmentEndDate"));
        assertFalse(azure.has("termDuration") || azure.has("cancellationAllowedUntilDate"), azure::toString);

        // an annual term ending within 30 days with auto-renew on: it renews on 2026-12-22
        JsonNode e5 = items.get(2);
        assertEquals(List.of("OnlineServicesNCE", "P1Y", "P1Y", "annual", "true", "27"), List.of(
                e5.at("/productType/id").asText(), text(e5, "termDuration"), text(e5, "renewalTermDuration"),
                text(e5, "billingCycle"), text(e5, "autoRenewEnabled"), text(e5, "quantity")));
        assertEquals(List.of("2025-12-22T00:00:00Z", "2026-12-21T00:00:00Z", "2026-12-21T23:59:59Z",
                "2025-12-29T00:00:00Z", "2024-12-22T08:00:15.0966728Z"), List.of(text(e5, "effectiveStartDate"),
                text(e5, "commitmentEndDate"), text(e5, "commitmentEndDateTime"), text(e5, "cancellationAllowedUntilDate"),
                text(e5, "creationDate")), "renewed a year ago at midnight; its window closed a year ago");
        assertEquals("[{\"type\":\"Full\",\"expiresAt\":\"2025-12-29T00:00:00Z\"}]", e5.get("refundOptions").toString());

        // a P1M bought two days ago: its cancellation window is open until 2026-12-08
        JsonNode teams = items.get(4);
        assertEquals(List.of("P1M", "P1M", "monthly", "true", "2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z",
                "2026-12-08T08:00:15.0966728Z"), List.of(text(teams, "termDuration"), text(teams, "renewalTermDuration"),
                text(teams, "billingCycle"), text(teams, "autoRenewEnabled"), text(teams, "effectiveStartDate"),
                text(teams, "commitmentEndDate"), text(teams, "cancellationAllowedUntilDate")));
        assertFalse(teams.has("commitmentEndDateTime"), "not every subscription has the newer field");

        // a term ending within 30 days with auto-renew off: it lapses after 2026-12-28
        JsonNode basic = items.get(5);
        assertEquals(List.of("P1Y", "", "monthly", "false", "2025-12-29T00:00:00Z", "2026-12-28T00:00:00Z",
                "2026-01-05T08:00:15.0966728Z"), List.of(text(basic, "termDuration"), text(basic, "renewalTermDuration"),
                text(basic, "billingCycle"), text(basic, "autoRenewEnabled"), text(basic, "effectiveStartDate"),
                text(basic, "commitmentEndDate"), text(basic, "cancellationAllowedUntilDate")));
    }

    @Test
    void everyCustomersTermsAreConsistentAndMixed() throws Exception {
        start(60);
        String token = partnerCenter();
        Map<String, Integer> terms = new HashMap<>();
        Set<String> cycles = new HashSet<>();
        Set<Boolean> renew = new HashSet<>();
        int open = 0;
        int closed = 0;
        int empty = 0;
        for (int c = 0; c < 60; c++) {
            for (JsonNode s : get(subscriptions(c), token).body().get("items")) {
                boolean usage = text(s, "billingType").equals("usage");
                if (usage) {
                    assertEquals("9999-12-14T00:00:00Z", text(s, "commitmentEndDate"));
                    continue;
                }
                LocalDate end = LocalDate.parse(text(s, "commitmentEndDate").substring(0, 10));
                if (!s.has("productType")) {
                    for (String absent : LEGACY_ABSENT) {
                        assertFalse(s.has(absent), s::toString);
                    }
                    assertTrue(!end.isBefore(TODAY) && end.isBefore(TODAY.plusYears(1)), s::toString);
                    continue;
                }
                String term = text(s, "termDuration");
                terms.merge(term, 1, Integer::sum);
                cycles.add(term + " " + text(s, "billingCycle"));
                renew.add(s.get("autoRenewEnabled").asBoolean());
                empty += text(s, "renewalTermDuration").isEmpty() ? 1 : 0;
                LocalDate start = LocalDate.parse(text(s, "effectiveStartDate").substring(0, 10));
                assertEquals(start.plus(Period.parse(term)).minusDays(1), end, "end = start + term - 1 day: " + s);
                String until = text(s, "cancellationAllowedUntilDate");
                assertEquals(start.plusDays(7).toString(), until.substring(0, 10), s::toString);
                assertEquals(until, s.at("/refundOptions/0/expiresAt").asText());
                assertEquals("Full", s.at("/refundOptions/0/type").asText());
                if (text(s, "status").equals("expired")) {
                    assertTrue(end.isBefore(TODAY) && !s.get("autoRenewEnabled").asBoolean(), s::toString);
                } else {
                    assertFalse(end.isBefore(TODAY), s::toString);
                    assertTrue(end.isBefore(TODAY.plus(Period.parse(term))), s::toString);
                }
                if (LocalDate.parse(until.substring(0, 10)).isBefore(TODAY)) {
                    closed++;
                } else {
                    open++;
                }
                if (term.equals("P1M")) {
                    assertEquals("monthly", text(s, "billingCycle"));
                }
            }
        }
        assertTrue(terms.get("P1Y") > terms.get("P1M") && terms.get("P1Y") > terms.get("P3Y") && terms.get("P1M") > 0
                && terms.get("P3Y") > 0, terms::toString);
        assertTrue(cycles.containsAll(List.of("P1Y monthly", "P1Y annual", "P3Y triennial")), cycles::toString);
        assertEquals(Set.of(true, false), renew);
        assertTrue(open > 0 && closed > 2 * open, open + " open, " + closed + " closed");
        assertTrue(empty > 0, "some renewalTermDuration are \"\", as in Microsoft's samples");
    }

    @Test
    void refundableQuantityComesWithGetByIdOnlyAndBoundsADecrease() throws Exception {
        start(30);
        String token = partnerCenter();
        String teams = subscriptions(0) + "/" + SeedSubscriptions.id(0, 4);
        JsonNode open = get(teams, token).body();
        assertEquals("{\"totalQuantity\":49,\"details\":[{\"quantity\":49,\"allowedUntilDateTime\":"
                + "\"2026-12-08T08:00:15.0966728Z\"}]}", open.get("refundableQuantity").toString());
        List<String> fields = new ArrayList<>();
        open.fieldNames().forEachRemaining(fields::add);
        assertEquals(fields.indexOf("publisherName") + 1, fields.indexOf("refundableQuantity"),
                "where Microsoft's sample has it: " + fields);
        JsonNode batch = get(subscriptions(0) + "/" + SeedSubscriptions.id(0, 5), token).body();
        assertEquals(10, batch.at("/refundableQuantity/totalQuantity").asInt());
        assertEquals(10, batch.at("/refundableQuantity/details/0/quantity").asInt());
        assertTrue(batch.at("/refundableQuantity/details/0/allowedUntilDateTime").asText().startsWith("2026-12-07T"),
                "seats added mid-term three days ago: " + batch);
        String e5 = subscriptions(0) + "/" + SeedSubscriptions.id(0, 2);
        JsonNode closed = get(e5, token).body();
        assertEquals("{\"totalQuantity\":0,\"details\":[]}", closed.get("refundableQuantity").toString());
        assertFalse(get(subscriptions(0) + "/" + SeedSubscriptions.id(0, 0), token).body().has("refundableQuantity"),
                "legacy subscriptions have none");

        // the whole resource as read, refundableQuantity included, goes back with the one change
        ObjectNode fewer = open.<ObjectNode>deepCopy().put("quantity", 40);
        Answer removed = patch(teams, token, fewer, open.at("/attributes/etag").asText());
        assertEquals(200, removed.status(), removed.body()::toString);
        assertEquals(40, get(teams, token).body().at("/refundableQuantity/totalQuantity").asInt());
        Answer refused = patch(e5, token, closed.<ObjectNode>deepCopy().put("quantity", 26), closed.at("/attributes/etag").asText());
        assertEquals(400, refused.status());
        assertEquals(800090, refused.body().get("code").asInt());
        assertTrue(text(refused.body(), "description").startsWith("Quantity decrease is not allowed")
                && text(refused.body(), "description").contains("(0 of 27 may be removed now)"), refused.body()::toString);
    }

    @Test
    void termsDoNotMoveWhileTheSandboxRunsButFollowItsDateWhenItStarts() throws Exception {
        start(10);
        String before = get(subscriptions(0), partnerCenter()).body().toString();
        clock.offset = Duration.ofDays(10).plusHours(13);
        assertEquals(before, get(subscriptions(0), partnerCenter()).body().toString(), "the date is taken once");
        sandbox.close();
        start(10);
        JsonNode later = get(subscriptions(0), partnerCenter()).body().get("items").get(2);
        assertEquals("2026-12-31T00:00:00Z", text(later, "commitmentEndDate"), "18 days after the new date");
    }

    @Test
    void aChangeKeptFromAnotherDayKeepsItsQuantityAndTakesTodaysTerm() throws Exception {
        start(10);
        String e5 = subscriptions(0) + "/" + SeedSubscriptions.id(0, 2);
        ObjectNode saved = get(e5, partnerCenter()).body().deepCopy();
        saved.remove("refundableQuantity");
        saved.put("quantity", 40).put("commitmentEndDate", "2026-01-10T00:00:00Z")
                .put("cancellationAllowedUntilDate", "2025-01-18T00:00:00Z");
        sandbox.close();
        clock.offset = Duration.ofDays(30);
        sandbox = SandboxServer.start(SandboxServer.Config.of(10).withClock(clock).withState(
                SandboxState.fresh(10, 3600, 0, List.of()).withSubscriptions(Map.of("0/2", saved))));
        aad = new AadClient(http, HttpUrl.get(sandbox.baseUrl()), d -> { }, clock);
        JsonNode now = get(e5, partnerCenter()).body();
        assertEquals(40, now.get("quantity").asInt());
        assertEquals("2027-01-20T00:00:00Z", text(now, "commitmentEndDate"), "18 days after 2027-01-02");
        assertEquals("2026-01-28T00:00:00Z", text(now, "cancellationAllowedUntilDate"));
    }

    @Test
    void subscribedSkusAreGraphsWithTheirSeatsAndIdsAsGraphWritesThem() throws Exception {
        start(30);
        JsonNode pc = get(subscriptions(0), partnerCenter()).body().get("items");
        Answer a = get("/v1.0/subscribedSkus", graph(0));
        assertEquals(200, a.status(), a.body()::toString);
        List<String> top = new ArrayList<>();
        a.body().fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("@odata.context", "value"), top);
        assertEquals(sandbox.baseUrl() + "/v1.0/$metadata#subscribedSkus", text(a.body(), "@odata.context"));
        Map<String, JsonNode> skus = new HashMap<>();
        List<String> parts = new ArrayList<>();
        for (JsonNode sku : a.body().get("value")) {
            Set<String> fields = new HashSet<>();
            sku.fieldNames().forEachRemaining(fields::add);
            assertEquals(SKU_FIELDS, fields, sku::toString);
            assertEquals(Set.of("enabled", "suspended", "warning", "lockedOut"),
                    new HashSet<>(List.of(fieldNames(sku.get("prepaidUnits")))));
            assertEquals(CONTOSO + "_" + text(sku, "skuId"), text(sku, "id"));
            assertEquals("User", text(sku, "appliesTo"));
            assertEquals("Contoso Ltd", text(sku, "accountName"));
            assertTrue(sku.at("/servicePlans/0/servicePlanName").isTextual() && sku.at("/servicePlans/0/servicePlanId")
                    .isTextual() && sku.at("/servicePlans/0/provisioningStatus").isTextual(), sku::toString);
            parts.add(text(sku, "skuPartNumber"));
            skus.put(text(sku, "skuPartNumber"), sku);
        }
        assertEquals(List.of("ENTERPRISEPACK", "SPE_E5", "EXCHANGEARCHIVE_ADDON", "TEAMS_ESSENTIALS",
                "O365_BUSINESS_ESSENTIALS", "POWER_BI_PRO"), parts, "one SKU per licence, none for the Azure plan");

        // the legacy subscription's id: upper case in Partner Center, lower case in Graph
        JsonNode office = skus.get("ENTERPRISEPACK");
        String graphId = office.at("/subscriptionIds/0").asText();
        assertNotEquals(text(pc.get(0), "id"), graphId);
        assertTrue(text(pc.get(0), "id").equalsIgnoreCase(graphId));
        assertEquals(5, office.at("/prepaidUnits/enabled").asInt());
        assertTrue(office.get("consumedUnits").asInt() < 5, office::toString);
        assertEquals(text(pc.get(2), "id"), skus.get("SPE_E5").at("/subscriptionIds/0").asText(), "same case");
        assertEquals(27, skus.get("SPE_E5").get("consumedUnits").asInt(), "every seat of the E5 is used");
        assertEquals(27, skus.get("SPE_E5").at("/prepaidUnits/enabled").asInt());
        JsonNode basic = skus.get("O365_BUSINESS_ESSENTIALS");
        assertTrue(basic.get("consumedUnits").asInt() > basic.at("/prepaidUnits/enabled").asInt(),
                "consumed above prepaid: " + basic);
        assertEquals("Enabled", text(basic, "capabilityStatus"));

        // bought elsewhere: its subscription matches none of Partner Center's
        String elsewhere = skus.get("POWER_BI_PRO").at("/subscriptionIds/0").asText();
        for (JsonNode s : pc) {
            assertFalse(text(s, "id").equalsIgnoreCase(elsewhere), elsewhere);
        }

        Answer one = get("/v1.0/subscribedSkus/" + text(office, "id"), graph(0));
        assertEquals(200, one.status(), one.body()::toString);
        assertEquals(sandbox.baseUrl() + "/v1.0/$metadata#subscribedSkus/$entity", text(one.body(), "@odata.context"));
        assertEquals("ENTERPRISEPACK", text(one.body(), "skuPartNumber"));
        assertEquals(404, get("/v1.0/subscribedSkus/" + CONTOSO + "_00000000-0000-0000-0000-000000000000", graph(0))
                .status());
    }

    private static String[] fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.toArray(String[]::new);
    }

    @Test
    void aSuspendedSubscriptionsSkuIsSuspendedAndTwoOfOneOfferShareOne() throws Exception {
        start(30);
        String token = partnerCenter();
        boolean suspended = false;
        boolean shared = false;
        for (int c = 1; c < 30 && !(suspended && shared); c++) {
            if (SeedHealth.access(c) != SeedHealth.Access.OK) {
                continue;
            }
            Map<String, List<JsonNode>> byOffer = new HashMap<>();
            for (JsonNode s : get(subscriptions(c), token).body().get("items")) {
                if (!text(s, "billingType").equals("usage") && !text(s, "status").equals("deleted")) {
                    byOffer.computeIfAbsent(text(s, "offerId"), k -> new ArrayList<>()).add(s);
                }
            }
            JsonNode value = get("/v1.0/subscribedSkus", graph(c)).body().get("value");
            for (List<JsonNode> subs : byOffer.values()) {
                JsonNode sku = null;
                for (JsonNode k : value) {
                    if (k.at("/subscriptionIds/0").asText().equalsIgnoreCase(text(subs.get(0), "id"))) {
                        sku = k;
                    }
                }
                assertNotNull(sku, "a SKU for " + subs.get(0));
                assertEquals(subs.size(), sku.get("subscriptionIds").size(), sku::toString);
                if (subs.size() == 2) {
                    shared = true;
                    assertTrue(text(subs.get(1), "id").equalsIgnoreCase(sku.at("/subscriptionIds/1").asText()));
                }
                if (subs.size() == 1 && text(subs.get(0), "status").equals("suspended")) {
                    suspended = true;
                    assertEquals("Suspended", text(sku, "capabilityStatus"));
                    assertEquals(0, sku.at("/prepaidUnits/enabled").asInt());
                    assertEquals(subs.get(0).get("quantity").asInt(), sku.at("/prepaidUnits/suspended").asInt());
                }
            }
        }
        assertTrue(suspended && shared, "the first customers have both");
    }

    @Test
    void aChangedQuantityIsGraphsPrepaidAndItsConsumptionStays() throws Exception {
        start(30);
        String token = partnerCenter();
        String office = subscriptions(0) + "/" + SeedSubscriptions.id(0, 0);
        JsonNode before = get("/v1.0/subscribedSkus?$select=skuPartNumber,consumedUnits,prepaidUnits", graph(0)).body();
        JsonNode read = get(office, token).body();
        Answer changed = patch(office, token, read.<ObjectNode>deepCopy().put("quantity", 25), read.at("/attributes/etag").asText());
        assertEquals(200, changed.status(), changed.body()::toString);
        JsonNode after = get("/v1.0/subscribedSkus?$select=skuPartNumber,consumedUnits,prepaidUnits", graph(0)).body();
        assertEquals(5, before.at("/value/0/prepaidUnits/enabled").asInt());
        assertEquals(25, after.at("/value/0/prepaidUnits/enabled").asInt());
        assertEquals(before.at("/value/0/consumedUnits"), after.at("/value/0/consumedUnits"), "buying seats assigns none");
    }

    @Test
    void onlySelectIsTakenAndAFilterIsRefusedAsGraphRefusesIt() throws Exception {
        start(30);
        String token = graph(0);
        Answer selected = get("/v1.0/subscribedSkus?$select=skuPartNumber,CONSUMEDUNITS,prepaidUnits", token);
        assertEquals(200, selected.status(), selected.body()::toString);
        assertEquals(sandbox.baseUrl() + "/v1.0/$metadata#subscribedSkus(skuPartNumber,consumedUnits,prepaidUnits)",
                text(selected.body(), "@odata.context"));
        for (JsonNode sku : selected.body().get("value")) {
            assertEquals(List.of("consumedUnits", "id", "prepaidUnits", "skuPartNumber"), List.of(fieldNames(sku)),
                    "the selected fields and the id, in Graph's casing");
        }
        Answer filter = get("/v1.0/subscribedSkus?$filter=skuPartNumber%20eq%20'SPE_E5'", token);
        assertEquals(400, filter.status());
        assertEquals("Request_UnsupportedQuery", filter.body().at("/error/code").asText());
        assertEquals("Filtered searches against this resource are not supported.",
                filter.body().at("/error/message").asText());
        assertTrue(filter.body().at("/error/innerError/request-id").isTextual(), filter.body()::toString);
        Answer top = get("/v1.0/subscribedSkus?$top=1", token);
        assertEquals(400, top.status());
        assertEquals("BadRequest", top.body().at("/error/code").asText());
        Answer unknown = get("/v1.0/subscribedSkus?$select=seats", token);
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().at("/error/message").asText().contains("'seats'"), unknown.body()::toString);
    }

    @Test
    void aTenantWithoutConsentRelationshipOrRoleIsRefusedAsForServiceHealth() throws Exception {
        start(30);
        assertEquals(List.of(65001L), assertThrows(SignInException.class, () -> graph(5)).codes(),
                "the application was never consented in customer 5's tenant");
        assertEquals(List.of(50020L), assertThrows(SignInException.class, () -> graph(7)).codes(),
                "no delegated-admin relationship with customer 7");
        Answer noRole = get("/v1.0/subscribedSkus", graph(9));
        assertEquals(403, noRole.status());
        assertEquals("Forbidden", noRole.body().at("/error/code").asText());
        assertTrue(noRole.body().at("/error/message").asText().contains("licences"), noRole.body()::toString);
        Answer partnerCenterToken = get("/v1.0/subscribedSkus", partnerCenter());
        assertEquals(401, partnerCenterToken.status(), "a Partner Center token is no Graph token");
    }

    @Test
    void theTenThousandthCustomerIsServedLikeTheFirst() throws Exception {
        start(10_000);
        int last = 9_999;
        JsonNode subs = get(subscriptions(last), partnerCenter()).body().get("items");
        assertEquals(SeedSubscriptions.count(last), subs.size());
        Answer skus = get("/v1.0/subscribedSkus", graph(last));
        assertEquals(200, skus.status(), skus.body()::toString);
        assertEquals(SeedData.named(last).name(), skus.body().at("/value/0/accountName").asText());
        assertTrue(skus.body().at("/value/0/id").asText().startsWith(SeedData.tenantId(last).toLowerCase(Locale.ROOT)));
    }
}
