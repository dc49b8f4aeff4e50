package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Partner Center channel of tickets against a MockWebServer: the exact requests, and what pcx makes of the answers. */
class TicketsCommandTest extends MockServerTest {
    private static final String CUSTOMER = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String SR = "616122292874576";
    private static final String PATH = "/v1/customers/" + CUSTOMER + "/servicerequests";
    /** One request where the REST reference documents it (partner-center-api.md §6). */
    private static final String ONE = "/v1/servicerequests/" + SR;

    private Pcx.Result run(String... args) {
        return pcx.env("PCX_CLOUD", "global").run(args);
    }

    /** A request as the service sends it: severity and status as integers. */
    private static ObjectNode request(int status, String... notes) {
        ObjectNode sr = Json.mapper().createObjectNode();
        sr.put("title", "Mailbox full");
        sr.put("description", "It is full.\npcx-key: ci-9");
        sr.put("severity", 2);
        sr.put("id", SR);
        sr.put("status", status);
        sr.putObject("organization").put("id", CUSTOMER).put("name", "Contoso Ltd");
        sr.put("createdDate", "2026-11-10T08:30:00Z");
        sr.put("lastClosedDate", "0001-01-01T00:00:00");
        var list = sr.putArray("notes");
        for (String n : notes) {
            list.addObject().put("createdByName", "A").put("createdDate", "2026-11-11T00:00:00").put("text", n);
        }
        sr.putObject("attributes").put("objectType", "ServiceRequest");
        return sr;
    }

    @Test
    void listReadsTheCustomersRequestsAndReadsIntegerEnums() throws Exception {
        server.enqueue(ok(page(List.of(request(1), request(2)), null, null)));
        Pcx.Result r = run("tickets", "list", "-c", CUSTOMER, "--status", "open", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        RecordedRequest get = take();
        assertEquals("GET", get.getMethod());
        assertEquals(PATH, get.getTarget());
        assertEquals("Bearer " + TOKEN, get.getHeaders().get("Authorization"));
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals(1, out.size());
        assertEquals("open", out.get(0).get("status").asText());
        assertEquals("moderate", out.get(0).get("severity").asText());
        assertEquals(SR, out.get(0).get("id").asText());
        assertEquals("0001-01-01T00:00:00", out.get(0).get("lastClosedDate").asText(), "fields as the API sent them");
    }

    @Test
    void listByKeyFindsTheFiledRequestThatCarriesIt() {
        server.enqueue(ok(page(List.of(request(1)), null, null)));
        Pcx.Result r = run("tickets", "list", "-c", CUSTOMER, "--key", "ci-9", "-o", "tsv");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith(SR + "\tpartner-center\topen\t\tmoderate\tMailbox full\tContoso Ltd\tci-9\t"), r.out());
    }

    @Test
    void showGetsOneRequest() throws Exception {
        server.enqueue(ok(request(3, "first")));
        Pcx.Result r = run("tickets", "show", SR, "-c", CUSTOMER);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(ONE, take().getTarget(), "the documented route");
        assertTrue(r.out().contains("Status:        attention_needed"), r.out());
        assertTrue(r.out().contains("first"), r.out());
    }

    @Test
    void noteSendsNewNoteOnceAndReadsTheRequestAfterA204() throws Exception {
        server.enqueue(ok(request(1)));
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(ok(request(1, "Customer confirms")));
        Pcx.Result r = run("tickets", "note", SR, "-c", CUSTOMER, "Customer confirms", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("GET", take().getMethod());
        RecordedRequest patch = take();
        assertEquals("PATCH", patch.getMethod());
        assertEquals(ONE, patch.getTarget(), "the documented route");
        assertTrue(patch.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals(Json.mapper().readTree("{\"NewNote\":{\"Text\":\"Customer confirms\"}}"),
                Json.mapper().readTree(patch.getBody().utf8()));
        assertEquals("GET", take().getMethod());
        assertEquals("Customer confirms", Json.mapper().readTree(r.out()).get("notes").get(0).get("text").asText());
        assertEquals("added a note to service request " + SR + "\n", r.err());
    }

    @Test
    void aNoteWhoseAnswerIsLostIsReadBackNeverSentTwice() throws Exception {
        server.enqueue(ok(request(1)));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok(request(1, "Customer confirms")));
        Pcx.Result r = run("tickets", "note", SR, "-c", CUSTOMER, "Customer confirms");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("the answer to the note was lost; the request shows it added"), r.err());
        assertEquals(3, server.getRequestCount());
        assertEquals("PATCH", List.of(take(), take()).get(1).getMethod());
        assertEquals("GET", take().getMethod());
    }

    @Test
    void aLostNoteThatDoesNotShowIsExit6WithTheCheck() {
        server.enqueue(ok(request(1)));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok(request(1)));
        Pcx.Result r = run("tickets", "note", SR, "-c", CUSTOMER, "Customer confirms");
        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("it was not added (or not yet)"), r.err());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void closeSendsStatusClosed() throws Exception {
        server.enqueue(ok(request(1)));
        server.enqueue(ok(request(2)));
        Pcx.Result r = run("tickets", "close", SR, "-c", CUSTOMER, "-o", "json", "--jq", ".status");
        assertEquals(0, r.exit(), r::toString);
        take();
        RecordedRequest patch = take();
        assertEquals("PATCH", patch.getMethod());
        assertEquals(Json.mapper().readTree("{\"Status\":\"closed\"}"), Json.mapper().readTree(patch.getBody().utf8()));
        assertEquals("closed\n", r.out());
    }

    @Test
    void closingAClosedRequestSendsNothingAndIsExit0() throws Exception {
        server.enqueue(ok(request(2)));
        Pcx.Result r = run("tickets", "close", SR, "-c", CUSTOMER);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("is already closed; unchanged"), r.err());
        assertEquals("GET", take().getMethod(), "read once: what it read is what it shows");
        assertNull(server.takeRequest(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void aRefusedCloseIsPartnerCentersWithWhereToCloseIt() {
        server.enqueue(ok(request(1)));
        server.enqueue(json(400, fault(2007, "Status cannot be changed")));
        Pcx.Result r = run("tickets", "close", SR, "-c", CUSTOMER);
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: Partner Center refused to close request " + SR + " (400: Status cannot be "
                + "changed)"), r.err());
        assertTrue(r.err().contains("close it in Partner Center (Support requests → Customer requests)"), r.err());
    }

    @Test
    void on21VianetThereIsNoServiceRequestApiAndNothingIsSent() {
        Pcx.Result r = pcx.env("PCX_CLOUD", "china").run("tickets", "show", SR, "-c", CUSTOMER);
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: Partner Center operated by 21Vianet has no service-request API"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aNumericIdNeedsTheCustomer() {
        Pcx.Result r = run("tickets", "note", SR, "text");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("add -c CUSTOMER"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    /** Issue 19 item 10: the SDK's customer route only where the documented one answers 404. */
    @Test
    void theCustomersRouteIsAFallbackOnlyWhereTheDocumentedOneAnswers404() throws Exception {
        server.enqueue(json(404, fault(404, "Not found")));
        server.enqueue(ok(request(1)));
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(ok(request(1, "called back")));
        Pcx.Result r = run("tickets", "note", SR, "-c", CUSTOMER, "called back");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(ONE, take().getTarget());
        assertEquals(PATH + "/" + SR, take().getTarget(), "then the customer's route");
        RecordedRequest patch = take();
        assertEquals("PATCH", patch.getMethod());
        assertEquals(PATH + "/" + SR, patch.getTarget(), "and no second 404 for the same request");
        assertEquals(PATH + "/" + SR, take().getTarget());
    }

    /** The documented route answers for any of the partner's customers: the request itself says whose it is. */
    @Test
    void anotherCustomersRequestIsNotFoundAndNothingIsChanged() {
        ObjectNode other = request(1);
        other.putObject("organization").put("id", "11111111-2222-4333-8444-555555555555").put("name", "Fabrikam");
        server.enqueue(ok(other));
        Pcx.Result r = run("tickets", "close", SR, "-c", CUSTOMER);
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("service request " + SR + " is not the customer's (it belongs to Fabrikam, "), r.err());
        assertEquals(1, server.getRequestCount(), "no PATCH");
    }
}
