package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static dev.pcx.testing.Fixtures.customer;
import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.tenant;
import static dev.pcx.testing.GraphFixtures.aadError;
import static dev.pcx.testing.GraphFixtures.page;
import static dev.pcx.testing.GraphFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pcx services renewals} against a MockWebServer standing in for Azure AD, Partner Center and
 * Microsoft Graph, on 2026-12-03: the exact requests to both services, the lines, the plan, the exit codes.
 */
class ServicesRenewalsTest extends MockServerTest {
    private static final String PARTNER = "4d9a8c1e-0000-4000-8000-00000000aaaa";
    private static final String CLIENT = "0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b";
    private static final String CUSTOMER = tenant(42);
    private static final Clock DEC_3 = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

    // the subscriptions, by what they need
    private static final String RENEWS = "a1000000-0000-4000-8000-000000000001";
    private static final String LAPSES = "B2000000-0000-4000-8000-000000000002"; // legacy: upper case
    private static final String ROLLOVER = "c3000000-0000-4000-8000-000000000003";
    private static final String CANCELLABLE = "d4000000-0000-4000-8000-000000000004";
    private static final String LATER = "e5000000-0000-4000-8000-000000000005";
    private static final String AZURE = "f6000000-0000-4000-8000-000000000006";
    private static final String UNUSED = "a7000000-0000-4000-8000-000000000007";

    @TempDir
    Path dir;

    @BeforeEach
    void person() {
        pcx.env("PCX_ACCESS_TOKEN", "").env("PCX_AUTHORITY", server.url("/").toString())
                .env("PCX_GRAPH_ENDPOINT", server.url("/").toString())
                .env("PCX_TENANT_ID", PARTNER).env("PCX_CLIENT_ID", CLIENT)
                .env("PCX_REFRESH_TOKEN", "partner-rt").env("PCX_CLIENT_SECRET", "app-secret")
                .clock(DEC_3);
    }

    private static ObjectNode sub(String id, String name, boolean nce, String term, String ends, boolean autoRenew,
                                  String cancelUntil, int quantity) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("id", id);
        s.put("offerId", nce ? "CFQ7TTC0LF8Q:0001:CFQ7TTC0K5DM" : "796B6B5F-613C-4E24-A17C-EBA730D49C02");
        s.put("offerName", name);
        s.put("friendlyName", "HQ " + name);
        if (nce) {
            s.putObject("productType").put("id", "OnlineServicesNCE").put("displayName", "OnlineServicesNCE");
            s.put("termDuration", term);
            s.put("renewalTermDuration", "");
        }
        s.put("quantity", quantity);
        s.put("unitType", "Licenses");
        s.put("commitmentEndDate", ends);
        if (cancelUntil != null) {
            s.put("cancellationAllowedUntilDate", cancelUntil);
        }
        s.put("status", 1); // an ordinal, as the service sometimes sends: active
        s.put("autoRenewEnabled", autoRenew);
        s.put("billingCycle", term != null && term.equals("P1M") ? "monthly" : "annual");
        s.putObject("attributes").put("etag", "e-" + id.substring(0, 2)).put("objectType", "Subscription");
        return s;
    }

    private static ObjectNode sku(String part, int enabled, int consumed, String... ids) {
        ObjectNode k = Json.mapper().createObjectNode();
        k.put("accountName", "Contoso");
        k.put("accountId", "acc-1");
        k.put("appliesTo", "User");
        k.put("capabilityStatus", "Enabled");
        k.put("consumedUnits", consumed);
        k.put("id", CUSTOMER + "_" + part);
        k.putObject("prepaidUnits").put("enabled", enabled).put("lockedOut", 0).put("suspended", 0).put("warning", 0);
        k.putArray("servicePlans");
        k.put("skuId", "c7df2760-2c81-4ef7-b578-5b5392b571df");
        k.put("skuPartNumber", part);
        ArrayNode a = k.putArray("subscriptionIds");
        for (String id : ids) {
            a.add(id);
        }
        return k;
    }

    private static ObjectNode subscriptions() {
        ObjectNode page = Json.mapper().createObjectNode();
        page.put("totalCount", 7);
        ArrayNode items = page.putArray("items");
        items.add(sub(RENEWS, "Microsoft 365 E5", true, "P1Y", "2026-12-23T00:00:00", true, "2025-12-31T00:00:00Z", 25));
        items.add(sub(LAPSES, "Office 365 E3", false, null, "2026-12-10T00:00:00", false, null, 10));
        items.add(sub(ROLLOVER, "Teams Essentials", true, "P1M", "2026-12-15T00:00:00", true, null, 5));
        items.add(sub(CANCELLABLE, "Microsoft 365 Business Basic", true, "P1Y", "2027-11-29T00:00:00", true,
                "2026-12-07T00:00:00Z", 20));
        items.add(sub(LATER, "Exchange Online (Plan 1)", true, "P1Y", "2027-06-01T00:00:00", true, null, 7));
        ObjectNode azure = sub(AZURE, "Azure plan", false, null, "9999-12-14T00:00:00Z", false, null, 1);
        azure.put("unitType", "Usage-based");
        items.add(azure);
        items.add(sub(UNUSED, "Power BI Pro", true, "P1Y", "2026-12-20T00:00:00", true, null, 3));
        page.putObject("attributes").put("objectType", "Collection");
        return page;
    }

    private static ObjectNode skus() {
        return page("subscribedSkus", List.of(
                sku("SPE_E5", 25, 13, RENEWS),
                sku("ENTERPRISEPACK", 10, 4, LAPSES.toLowerCase()), // Graph writes the id in lower case
                sku("TEAMS_ESSENTIALS", 5, 5, ROLLOVER),
                sku("O365_BUSINESS_ESSENTIALS", 20, 8, CANCELLABLE),
                sku("POWER_BI_PRO", 3, 0, UNUSED),
                sku("FLOW_FREE", 10000, 12, "99999999-9999-4999-8999-999999999999")), null);
    }

    private static ObjectNode byId(String id, int refundable, String until) {
        ObjectNode s = sub(id, "x", true, "P1Y", "2027-11-29T00:00:00", true, null, 20);
        ObjectNode q = s.putObject("refundableQuantity");
        q.put("totalQuantity", refundable);
        ArrayNode d = q.putArray("details");
        if (refundable > 0) {
            d.addObject().put("quantity", refundable).put("allowedUntilDateTime", until);
        }
        return s;
    }

    /** The answers for one customer read whole, in the order pcx asks. */
    private void customerReadWhole() {
        queue.enqueue(token("pc-token", null));                      // Partner Center, in your partner tenant
        queue.enqueue(ok(customer(CUSTOMER, "Contoso Ltd", "contoso.example")));
        queue.enqueue(ok(subscriptions()));
        queue.enqueue(token("graph-token-42", null));                // Graph, in the customer's tenant
        queue.enqueue(ok(skus()));
        queue.enqueue(ok(byId(RENEWS, 0, null)));                    // get-by-id: new commerce with free seats
        queue.enqueue(ok(byId(CANCELLABLE, 20, "2026-12-07T00:00:00Z")));
        queue.enqueue(ok(byId(UNUSED, 0, null)));
    }

    private List<String> ids(JsonNode lines) {
        List<String> ids = new ArrayList<>();
        lines.forEach(l -> ids.add(l.path("subscription").path("id").asText(l.path("subscribedSku").path("skuPartNumber")
                .asText(l.path("decision").asText()))));
        return ids;
    }

    @Test
    void oneCustomerReadsTermsFromPartnerCenterAndSeatsFromGraphInItsTenantAndGetsByIdOnlyWhereSeatsMightGo()
            throws Exception {
        customerReadWhole();

        Pcx.Result r = pcx.run("services", "renewals", "-c", CUSTOMER, "--all", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("/" + PARTNER + "/oauth2/v2.0/token", take().getTarget());
        RecordedRequest read = take();
        assertEquals("GET /v1/customers/" + CUSTOMER, read.getMethod() + " " + read.getTarget());
        RecordedRequest list = take();
        assertEquals("GET /v1/customers/" + CUSTOMER + "/subscriptions", list.getMethod() + " " + list.getTarget());
        assertEquals("Bearer pc-token", list.getHeaders().get("Authorization"));
        RecordedRequest signIn = take();
        assertEquals("/" + CUSTOMER + "/oauth2/v2.0/token", signIn.getTarget());
        assertTrue(signIn.getBody().utf8().contains("scope=https%3A%2F%2Fmicrosoftgraph.chinacloudapi.cn%2F.default"),
                signIn.getBody().utf8());
        RecordedRequest seats = take();
        assertEquals("GET /v1.0/subscribedSkus", seats.getMethod() + " " + seats.getTarget());
        assertEquals("Bearer graph-token-42", seats.getHeaders().get("Authorization"));
        assertNull(seats.getHeaders().get("MS-Contract-Version"));
        for (String id : List.of(RENEWS, CANCELLABLE, UNUSED)) {
            assertEquals("/v1/customers/" + CUSTOMER + "/subscriptions/" + id, take().getTarget());
        }

        JsonNode lines = Json.mapper().readTree(r.out());
        assertEquals(List.of(LAPSES, ROLLOVER, UNUSED, RENEWS, LATER, CANCELLABLE, AZURE, "FLOW_FREE"), ids(lines),
                "soonest first; lines without a date last");
        JsonNode renews = lines.get(3);
        assertEquals(20, renews.get("daysLeft").asInt());
        assertEquals("renews", renews.get("decision").asText());
        assertEquals("renews 2026-12-24 for P1Y; 12 of 25 seats unassigned; seats can be removed in the 7 days after "
                + "it renews on 2026-12-24", renews.get("reason").asText());
        assertEquals(13, renews.get("seatsAssigned").asInt());
        assertEquals(12, renews.get("seatsFree").asInt());
        assertEquals("subscriptionId", renews.get("matchedBy").asText());
        assertEquals("Contoso Ltd", renews.get("companyName").asText());
        assertEquals("P1Y", renews.get("subscription").get("termDuration").asText(), "Partner Center's names, as sent");
        assertEquals("active", renews.get("subscription").get("status").asText());
        assertEquals(25, renews.get("subscribedSku").get("prepaidUnits").get("enabled").asInt(), "Graph's names, as sent");
        assertFalse(renews.has("proposal"));

        JsonNode lapses = lines.get(0);
        assertEquals("lapses", lapses.get("decision").asText());
        assertEquals("subscriptionId", lapses.get("matchedBy").asText(), "ids compared whatever their case");
        assertEquals("lapses after 2026-12-10: auto-renew is off and 4 seats are in use", lapses.get("reason").asText());
        assertFalse(lines.get(1).has("decision"), "a monthly rollover, fully used, is no decision");
        JsonNode cancellable = lines.get(5);
        assertEquals("cancellable", cancellable.get("decision").asText());
        assertEquals("cancellable until 2026-12-07; 20 seats can be removed until 2026-12-07; 12 of 20 seats unassigned",
                cancellable.get("reason").asText());
        assertFalse(lines.get(6).has("daysLeft"), "9999 is no end");
        JsonNode free = lines.get(7);
        assertEquals("none", free.get("matchedBy").asText(), "a SKU no subscription matches is a line of its own");
        assertFalse(free.has("subscription"));
        assertEquals(9988, free.get("seatsFree").asInt());
    }

    @Test
    void theWindowTheDecisionsAndAPlanForServicesApply() throws Exception {
        customerReadWhole();
        Path plan = dir.resolve("plan.jsonl");

        Pcx.Result r = pcx.run("services", "renewals", "-c", CUSTOMER, "--decisions-only", "--plan", plan.toString(),
                "-o", "tsv", "--fail-on", "decision");

        assertEquals(7, r.exit(), r::toString);
        assertTrue(r.err().contains("pcx: renewal gate: 4 lines need a decision"), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals(List.of("lapses", "renews", "renews", "cancellable"),
                rows.stream().map(l -> l.split("\t")[12]).toList(), "the rollover is no decision: " + r.out());
        assertEquals("Contoso Ltd\tHQ Office 365 E3\tOffice 365 E3\t\tannual\t2026-12-10\t7\tfalse\t\t10\t4\t6\tlapses\t"
                + "lapses after 2026-12-10: auto-renew is off and 4 seats are in use\t" + LAPSES + "\t" + CUSTOMER, rows.get(0));
        assertEquals("""
                {"customer":"%s","subscription":"%s","action":"auto-renew","value":"off","comment":"no seat is assigned, and it renews 2026-12-21 for another P1Y"}
                {"customer":"%s","subscription":"%s","action":"quantity","value":8,"comment":"remove 12 unassigned seats while they can be removed (until 2026-12-07); 8 assigned"}
                """.formatted(CUSTOMER, UNUSED, CUSTOMER, CANCELLABLE), Files.readString(plan));
        assertTrue(r.err().contains("wrote 2 proposed fixes to " + plan), r.err());
        for (int i = 0; i < 8; i++) {
            take();
        }

        BatchFile.Parsed parsed = BatchFile.parse(Files.readString(plan));
        assertEquals(List.of(), parsed.problems(), "services apply reads the plan as it is (the comment is ignored)");
        assertEquals(2, parsed.fixes().size());
    }

    @Test
    void aTenantWhoseSeatsCannotBeReadKeepsItsTermsAndIsNamedWithWhyAndTheGateStillWins() throws Exception {
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(customer(CUSTOMER, "Contoso Ltd", "contoso.example")));
        queue.enqueue(ok(subscriptions()));
        queue.enqueue(aadError("invalid_grant", 50020, "User account from identity provider does not exist in tenant."));

        Pcx.Result r = pcx.run("services", "renewals", "-c", CUSTOMER, "-o", "jsonl");

        assertEquals(5, r.exit(), r::toString);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().lines().toList()) {
            lines.add(Json.mapper().readTree(l));
        }
        JsonNode unknown = lines.get(lines.size() - 1);
        assertEquals("unknown", unknown.get("decision").asText());
        assertTrue(unknown.get("reason").asText().startsWith("seat use unknown: "), unknown.toString());
        assertTrue(unknown.get("reason").asText().contains("Contoso Ltd"), unknown.toString());
        JsonNode renews = lines.stream().filter(l -> RENEWS.equals(l.path("subscription").path("id").asText()))
                .findFirst().orElseThrow();
        assertEquals("renews", renews.get("decision").asText(), "the term is known without Graph");
        assertFalse(renews.has("seatsFree"));
        assertFalse(renews.has("matchedBy"), "not 'none': the seats were never read");
        assertTrue(renews.get("reason").asText().endsWith("seat use unknown"), renews.toString());
        assertTrue(r.err().contains("pcx: 1 customer could not be read whole"), r.err());
        for (int i = 0; i < 4; i++) {
            take();
        }

        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(customer(CUSTOMER, "Contoso Ltd", "contoso.example")));
        queue.enqueue(ok(subscriptions()));
        queue.enqueue(aadError("invalid_grant", 50020, "User account from identity provider does not exist in tenant."));
        Pcx.Result gate = pcx.run("services", "renewals", "-c", CUSTOMER, "-o", "jsonl", "--fail-on", "decision");
        assertEquals(7, gate.exit(), "a known decision wins over an unreadable customer: " + gate);
        assertTrue(gate.out().contains("\"decision\":\"unknown\""), "and the unreadable one is still named");
    }

    @Test
    void everyCustomerIsReadAndOneWhoseSubscriptionsAreRefusedIsALineWithWhy() throws Exception {
        ObjectNode customers = Json.mapper().createObjectNode();
        ArrayNode items = customers.putArray("items");
        items.add(customer(tenant(7), "Fabrikam", "fabrikam.example"));
        customers.put("totalCount", 1);
        customers.putObject("attributes").put("objectType", "Collection");
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(customers));
        queue.enqueue(json(403, fault(20002, "No commerce relationship with the customer")));

        Pcx.Result r = pcx.run("services", "renewals", "-o", "jsonl", "--parallel", "1");

        assertEquals(5, r.exit(), r::toString);
        assertEquals("/" + PARTNER + "/oauth2/v2.0/token", take().getTarget());
        assertEquals("/v1/customers?size=500", take().getTarget());
        assertEquals("/v1/customers/" + tenant(7) + "/subscriptions", take().getTarget());
        JsonNode line = Json.mapper().readTree(r.out());
        assertEquals("unknown", line.get("decision").asText());
        assertEquals("Fabrikam", line.get("companyName").asText());
        assertTrue(line.get("reason").asText().contains("No commerce relationship"), line.toString());
        assertTrue(r.err().contains("1 customer: 1 line, 0 need a decision, 1 could not be read"), r.err());
    }

    @Test
    void badInputIsAUsageErrorBeforeAnyCall() {
        for (String[] args : List.of(new String[] {"--within", "soon"}, new String[] {"--fail-on", "incident"},
                new String[] {"--parallel", "0"}, new String[] {"--plan", dir.toString()})) {
            List<String> line = new ArrayList<>(List.of("services", "renewals"));
            line.addAll(List.of(args));
            Pcx.Result r = pcx.run(line.toArray(String[]::new));
            assertEquals(2, r.exit(), r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
        }
    }

    @Test
    void servicesListWithUsageAddsTheSeatsGraphCountsWhereItsIdsNameTheSubscription() throws Exception {
        queue.enqueue(token("graph-token-42", null));
        queue.enqueue(ok(skus()));
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(subscriptions()));

        Pcx.Result r = pcx.run("services", "list", "-c", CUSTOMER, "--usage", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("/" + CUSTOMER + "/oauth2/v2.0/token", take().getTarget());
        assertEquals("/v1.0/subscribedSkus", take().getTarget());
        assertEquals("/" + PARTNER + "/oauth2/v2.0/token", take().getTarget());
        assertEquals("/v1/customers/" + CUSTOMER + "/subscriptions", take().getTarget());
        JsonNode list = Json.mapper().readTree(r.out());
        assertEquals(7, list.size());
        JsonNode e3 = list.get(1);
        assertEquals(LAPSES, e3.get("id").asText(), "Partner Center's fields, as the plain list has them");
        assertEquals(4, e3.get("seatsAssigned").asInt());
        assertEquals(6, e3.get("seatsFree").asInt());
        assertEquals("subscriptionId", e3.get("matchedBy").asText());
        JsonNode later = list.get(4);
        assertEquals(LATER, later.get("id").asText());
        assertEquals("none", later.get("matchedBy").asText());
        assertFalse(later.has("seatsFree"), "no SKU names it: no seats by guess");

        queue.enqueue(token("graph-token-42", null));
        queue.enqueue(ok(skus()));
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(subscriptions()));
        Pcx.Result table = pcx.width(200).tty(false, true, false).run("services", "list", "-c", CUSTOMER, "--usage");
        assertEquals(0, table.exit(), table::toString);
        String header = table.out().lines().findFirst().orElseThrow().replaceAll("\u001B\\[[0-9;]*m", "");
        assertTrue(header.matches("FRIENDLY NAME +OFFER +QTY +ASSIGNED +FREE +STATUS .*"), header);
        assertTrue(table.out().contains("HQ Office 365 E3"), table.out());
        for (int i = 0; i < 4; i++) {
            take();
        }
    }

    @Test
    void withoutAPersonsSignInTheTermsAreStillReadAndTheSeatsSaidOnceToBeUnread() throws Exception {
        pcx.env("PCX_ACCESS_TOKEN", TOKEN).env("PCX_REFRESH_TOKEN", "");
        queue.enqueue(ok(customer(CUSTOMER, "Contoso Ltd", "contoso.example")));
        queue.enqueue(ok(subscriptions()));

        Pcx.Result r = pcx.run("services", "renewals", "-c", CUSTOMER, "-o", "jsonl");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("GET /v1/customers/" + CUSTOMER, take().getMethod() + " /v1/customers/" + CUSTOMER);
        assertEquals("/v1/customers/" + CUSTOMER + "/subscriptions", take().getTarget());
        assertTrue(r.err().startsWith("seats are not read: "), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("seats are not read")).count());
        JsonNode renews = Json.mapper().readTree(r.out().lines().filter(l -> l.contains(RENEWS)).findFirst().orElseThrow());
        assertEquals("renews", renews.get("decision").asText(), "the term decides without Graph");
        assertFalse(renews.has("matchedBy"), "seats never read: not 'none'");
        assertFalse(r.out().contains("\"unknown\""), "no customer is unreadable for it: " + r.out());
    }
}
