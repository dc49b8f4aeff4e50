package dev.pcx.cli.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.pcx.testing.Fixtures.customer;
import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static dev.pcx.testing.Fixtures.tenant;
import static dev.pcx.testing.GraphFixtures.aadError;
import static dev.pcx.testing.GraphFixtures.graphError;
import static dev.pcx.testing.GraphFixtures.service;
import static dev.pcx.testing.GraphFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pcx customers access} against a MockWebServer standing in for Azure AD, Partner Center and
 * Microsoft Graph: the exact requests, the probes stopping at the first that decides (counted), each
 * verdict, GDAP read once on global and never in 21Vianet.
 */
class CustomersAccessTest extends MockServerTest {
    private static final String PARTNER = "4d9a8c1e-0000-4000-8000-00000000aaaa";
    private static final String CLIENT = "0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b";
    private static final String CUSTOMER = tenant(42);
    private static final Clock DEC_3 = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void person() {
        pcx.env("PCX_ACCESS_TOKEN", "").env("PCX_AUTHORITY", server.url("/").toString())
                .env("PCX_GRAPH_ENDPOINT", server.url("/").toString())
                .env("PCX_TENANT_ID", PARTNER).env("PCX_CLIENT_ID", CLIENT)
                .env("PCX_REFRESH_TOKEN", "partner-rt").env("PCX_CLIENT_SECRET", "app-secret")
                .clock(DEC_3);
    }

    private static ObjectNode full(boolean delegated) {
        ObjectNode c = customer(CUSTOMER, "Contoso Ltd", "contoso.example");
        c.put("allowDelegatedAccess", delegated);
        return c;
    }

    private JsonNode one(Pcx.Result r) throws Exception {
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals(1, out.size(), r::toString);
        return out.get(0);
    }

    private List<String> targets(int n) throws Exception {
        List<String> t = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = take();
            t.add(r.getMethod() + " " + r.getTarget());
        }
        return t;
    }

    @Test
    void notConsentedStopsAtTheTokenAndNamesTheAdminConsentUrlOfTheCloud() throws Exception {
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(full(true)));
        queue.enqueue(aadError("invalid_grant", 65001, "The user or administrator has not consented to use the application."));

        Pcx.Result r = pcx.run("customers", "access", "-c", CUSTOMER, "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("POST /" + PARTNER + "/oauth2/v2.0/token", "GET /v1/customers/" + CUSTOMER,
                "POST /" + CUSTOMER + "/oauth2/v2.0/token"), targets(3), "no Graph read after the refusal");
        JsonNode a = one(r);
        assertEquals("needs-consent", a.get("verdict").asText());
        assertEquals("missing", a.get("consent").asText());
        assertTrue(a.get("cause").asText().endsWith("(AADSTS65001)"), a.toString());
        assertEquals("'pcx customers consent -c " + CUSTOMER + "', or the customer's admin grants it: " + server.url("/")
                + CUSTOMER + "/adminconsent?client_id=" + CLIENT, a.get("fix").asText());
        assertTrue(a.get("allowDelegatedAccess").asBoolean());
        assertFalse(a.has("gdap"), "21Vianet: no GDAP read");
        assertTrue(r.err().contains("GDAP relationships: Microsoft Graph has no API for them in 21Vianet"), r.err());

        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(full(true)));
        queue.enqueue(aadError("invalid_grant", 65001, "not consented"));
        Pcx.Result gate = pcx.run("customers", "access", "-c", CUSTOMER, "--fail-on", "any", "-o", "tsv");
        assertEquals(7, gate.exit(), gate::toString);
        assertTrue(gate.err().contains("pcx: access gate (any): 1 customer"), gate.err());
        targets(3);
    }

    @Test
    void aTokenWithoutARoleIsPartialAfterOneGraphRead() throws Exception {
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(full(true)));
        queue.enqueue(token("graph-42", null));
        queue.enqueue(json(403, graphError("Forbidden", "Access denied", "r-1")));

        Pcx.Result r = pcx.run("customers", "access", "-c", CUSTOMER, "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        List<String> calls = targets(4);
        assertEquals("GET /v1.0/admin/serviceAnnouncement/healthOverviews", calls.get(3));
        JsonNode a = one(r);
        assertEquals("partial", a.get("verdict").asText());
        assertEquals("granted", a.get("consent").asText());
        assertEquals("missing", a.get("role").asText());
        assertTrue(a.get("fix").asText().contains("Service Support Administrator or Global Reader"), a.toString());
    }

    @Test
    void aCustomerPartnerCenterNoLongerKnowsIsLostAfterOneCall() throws Exception {
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        queue.enqueue(json(404, fault(20003, "Customer not found")));

        Pcx.Result r = pcx.run("customers", "access", "-o", "json", "--fail-on", "lost");

        assertEquals(7, r.exit(), r::toString);
        assertEquals("GET /v1/customers/" + CUSTOMER, targets(3).get(2), "no sign-in in its tenant after that");

        queue.enqueue(token("pc-token", null));
        queue.enqueue(json(404, fault(20003, "Customer not found")));
        Pcx.Result named = pcx.run("customers", "access", "-c", CUSTOMER);
        assertEquals(4, named.exit(), "a tenant id given with -c that Partner Center does not know is not found: " + named);
        targets(2);
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        queue.enqueue(json(404, fault(20003, "Customer not found")));
        r = pcx.run("customers", "access", "-o", "json", "--fail-on", "lost");
        targets(3);
        JsonNode a = one(r);
        assertEquals("lost", a.get("verdict").asText());
        assertTrue(a.get("fix").asText().contains("pcx customers invite"), a.toString());
    }

    @Test
    void conditionalAccessIsBlockedAndAnUnknownCodeIsUnknownWithExit5() throws Exception {
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(full(true)));
        queue.enqueue(aadError("interaction_required", 53003, "Access has been blocked by Conditional Access policies."));
        Pcx.Result blocked = pcx.run("customers", "access", "-c", CUSTOMER, "-o", "json");
        assertEquals(0, blocked.exit(), blocked::toString);
        assertEquals("blocked", one(blocked).get("verdict").asText());
        targets(3);

        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(full(true)));
        queue.enqueue(aadError("invalid_request", 12345, "Something new."));
        Pcx.Result unknown = pcx.run("customers", "access", "-c", CUSTOMER, "-o", "json", "--fail-on", "lost");
        assertEquals(5, unknown.exit(), unknown::toString);
        assertEquals("unknown", one(unknown).get("verdict").asText());
        assertTrue(unknown.err().contains("pcx: 1 customer could not be probed"), unknown.err());
        targets(3);
    }

    @Test
    void onGlobalTheGdapRelationshipsAreReadOnceInThePartnerTenantAndAnEndingOneIsExpiring() throws Exception {
        pcx.env("PCX_CLOUD", "global");
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        queue.enqueue(token("graph-partner", null));
        ObjectNode rels = Json.mapper().createObjectNode();
        var v = rels.putArray("value");
        ObjectNode active = v.addObject();
        active.put("id", "rel-1");
        active.put("displayName", "Contoso admin");
        active.put("duration", "P730D");
        active.putObject("customer").put("tenantId", CUSTOMER.toUpperCase()).put("displayName", "Contoso Ltd");
        active.put("status", "active");
        active.put("autoExtendDuration", "PT0S");
        active.put("endDateTime", "2026-12-13T11:24:42.3148266Z");
        ObjectNode old = v.addObject();
        old.put("id", "rel-0");
        old.put("displayName", "Contoso old");
        old.putObject("customer").put("tenantId", CUSTOMER).put("displayName", "Contoso Ltd");
        old.put("status", "expired");
        old.put("endDateTime", "2025-02-10T11:24:42Z");
        queue.enqueue(ok(rels));
        queue.enqueue(ok(full(true)));
        queue.enqueue(token("graph-42", null));
        queue.enqueue(ok(service("Exchange", "Exchange Online", "ServiceOperational", null)));

        Pcx.Result r = pcx.run("customers", "access", "-o", "json", "--parallel", "1", "--fail-on", "expiring");

        assertEquals(7, r.exit(), r::toString);
        List<String> calls = targets(7);
        assertEquals("GET /v1.0/tenantRelationships/delegatedAdminRelationships", calls.get(3));
        RecordedRequest none = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(none == null, "nothing more");
        JsonNode a = one(r);
        assertEquals("ok", a.get("verdict").asText());
        assertTrue(a.get("expiring").asBoolean());
        assertEquals("2026-12-13T11:24:42.314826600Z", a.get("gdapEnd").asText());
        assertEquals(2, a.get("gdap").size(), "the customer's relationships as Graph sent them");
        assertEquals("Contoso admin", a.get("gdap").get(0).get("displayName").asText());
        assertTrue(a.get("cause").asText().contains("ends 2026-12-13 and does not extend itself"), a.toString());
        assertFalse(r.err().contains("21Vianet"), r.err());
    }
}
