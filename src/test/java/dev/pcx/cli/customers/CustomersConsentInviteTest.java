package dev.pcx.cli.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pcx.testing.Fixtures.customer;
import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static dev.pcx.testing.Fixtures.tenant;
import static dev.pcx.testing.GraphFixtures.service;
import static dev.pcx.testing.GraphFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcx customers consent} and {@code invite} against a MockWebServer: the exact calls, idempotence, hand-off. */
class CustomersConsentInviteTest extends MockServerTest {
    private static final String PARTNER = "4d9a8c1e-0000-4000-8000-00000000aaaa";
    private static final String CLIENT = "0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b";
    private static final String CUSTOMER = tenant(42);
    private static final String GRANT = "{\"applicationId\":\"" + CLIENT + "\",\"applicationGrants\":[{\"enterpriseApplicationId\":"
            + "\"00000003-0000-0000-c000-000000000000\",\"scope\":\"ServiceHealth.Read.All,Organization.Read.All,"
            + "LicenseAssignment.Read.All\"}],\"displayName\":\"pcx\"}";

    @BeforeEach
    void person() {
        pcx.env("PCX_ACCESS_TOKEN", "").env("PCX_AUTHORITY", server.url("/").toString())
                .env("PCX_GRAPH_ENDPOINT", server.url("/").toString())
                .env("PCX_TENANT_ID", PARTNER).env("PCX_CLIENT_ID", CLIENT)
                .env("PCX_REFRESH_TOKEN", "partner-rt").env("PCX_CLIENT_SECRET", "app-secret");
    }

    /** The customer -c names, read (a tenant id Partner Center does not know is exit 4). */
    private void named() throws Exception {
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(customer(CUSTOMER, "Contoso Ltd", "contoso.example")));
    }

    private void read() throws Exception {
        take();
        assertEquals("/v1/customers/" + CUSTOMER, take().getTarget());
    }

    private RecordedRequest grantSent() throws Exception {
        RecordedRequest r = take();
        assertEquals("POST /v1/customers/" + CUSTOMER + "/applicationconsents", r.getMethod() + " " + r.getTarget());
        assertEquals(Json.mapper().readTree(GRANT), Json.mapper().readTree(r.getBody().utf8()));
        return r;
    }

    @Test
    void aGrantIsThePermissionsPcxUsesForTheApplicationItSignsInWith() throws Exception {
        named();
        queue.enqueue(json(201, Json.mapper().readTree(GRANT)));

        Pcx.Result r = pcx.run("customers", "consent", "-c", CUSTOMER, "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        read();
        RecordedRequest grant = grantSent();
        assertEquals("Bearer pc-token", grant.getHeaders().get("Authorization"));
        JsonNode line = Json.mapper().readTree(r.out()).get(0);
        assertEquals("granted", line.get("result").asText());
    }

    @Test
    void aGrantWhoseAnswerWasLostIsSentAgainAndOneThatExistsIsSuccess() throws Exception {
        named();
        queue.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        queue.enqueue(json(409, fault(409, "Permission entry already exists.")));

        Pcx.Result r = pcx.run("customers", "consent", "-c", CUSTOMER, "-o", "tsv");

        assertEquals(0, r.exit(), r::toString);
        read();
        grantSent();
        grantSent();
        assertTrue(r.out().contains("\talready granted\t"), r.out());
    }

    @Test
    void resetRemovesTheConsentThenGrantsItAgainWhole() throws Exception {
        named();
        queue.enqueue(json(404, fault(600008, "not found")));
        queue.enqueue(json(201, Json.mapper().readTree(GRANT)));

        Pcx.Result r = pcx.run("customers", "consent", "-c", CUSTOMER, "--reset", "-o", "tsv");

        assertEquals(0, r.exit(), r::toString);
        read();
        RecordedRequest remove = take();
        assertEquals("DELETE /v1/customers/" + CUSTOMER + "/applicationconsents/" + CLIENT,
                remove.getMethod() + " " + remove.getTarget());
        grantSent();
    }

    @Test
    void aRefusedGrantIsHandedToTheCustomersAdminWithTheConsentUrlAndExit8() throws Exception {
        named();
        queue.enqueue(json(403, fault(403, "Forbidden")));

        Pcx.Result r = pcx.run("customers", "consent", "-c", CUSTOMER, "-o", "json");

        assertEquals(8, r.exit(), r::toString);
        read();
        grantSent();
        JsonNode line = Json.mapper().readTree(r.out()).get(0);
        assertEquals("handed off", line.get("result").asText());
        assertTrue(line.get("detail").asText().endsWith(server.url("/") + CUSTOMER + "/adminconsent?client_id=" + CLIENT),
                line.toString());
        assertTrue(r.err().contains("pcx: some consent must be granted by the customer's admin"), r.err());
    }

    @Test
    void oneCustomerOrAllAndNothingIsSentOnADryRun() throws Exception {
        assertEquals(2, pcx.run("customers", "consent").exit());
        assertEquals(2, pcx.run("customers", "consent", "-c", CUSTOMER, "--all").exit());
        named();
        Pcx.Result dry = pcx.run("customers", "consent", "-c", CUSTOMER, "--reset", "--dry-run", "-o", "tsv");
        read();
        assertEquals(0, dry.exit(), dry::toString);
        assertTrue(dry.out().contains("\twould send\tDELETE /v1/customers/" + CUSTOMER + "/applicationconsents/" + CLIENT
                + "; POST /v1/customers/" + CUSTOMER + "/applicationconsents " + GRANT + "\t"), dry.out());
    }

    private static ObjectNode link() {
        ObjectNode l = Json.mapper().createObjectNode();
        l.put("url", "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=p&msppId=0&DAP=false"
                + "#/BillingAccounts/partner-invitation");
        l.putObject("attributes").put("objectType", "RelationshipRequest");
        return l;
    }

    @Test
    void inviteGivesTheLinkAsReturnedAndWaitProbesTheCustomerWhoAccepts() throws Exception {
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(link()));
        Pcx.Result r = pcx.run("customers", "invite");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(link().get("url").asText() + "\n", r.out(), "never rewritten");
        take();
        assertEquals("/v1/customers/relationshiprequests", take().getTarget());

        String other = tenant(7);
        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        queue.enqueue(ok(link()));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example"),
                customer(other, "Fabrikam", "fabrikam.example")), null, null)));
        queue.enqueue(ok(customer(other, "Fabrikam", "fabrikam.example")));
        queue.enqueue(token("graph-7", null));
        queue.enqueue(ok(service("Exchange", "Exchange Online", "ServiceOperational", null)));
        Pcx.Result waited = pcx.run("customers", "invite", "--wait", "--interval", "30s", "-o", "tsv");
        assertEquals(0, waited.exit(), waited::toString);
        assertTrue(waited.err().contains("new customer: Fabrikam; access: ok"), waited.err());
        assertTrue(waited.out().contains("Fabrikam\t"), waited.out());
        for (int i = 0; i < 8; i++) {
            take();
        }

        queue.enqueue(token("pc-token", null));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        queue.enqueue(ok(link()));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        queue.enqueue(ok(page(List.of(customer(CUSTOMER, "Contoso Ltd", "contoso.example")), null, null)));
        Pcx.Result none = pcx.run("customers", "invite", "--wait", "2m", "--interval", "1m");
        assertEquals(6, none.exit(), none::toString);
        assertTrue(none.err().contains("pcx: no new customer in 2m"), none.err());
        for (int i = 0; i < 5; i++) {
            take();
        }
    }
}
