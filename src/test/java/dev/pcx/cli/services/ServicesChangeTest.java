package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes against a stand-in Partner Center: the exact requests sent, and what is not sent. */
class ServicesChangeTest extends MockServerTest {
    private static final String CUSTOMER = tenant(1);
    private static final String SUB = "6e7aa601-629e-461b-8933-0898c3cc3c7c";
    private static final String PATH = "/v1/customers/" + CUSTOMER + "/subscriptions/" + SUB;

    /** A subscription as the service sends it, with things pcx does not model that must survive a PATCH. */
    static ObjectNode subscription(String status, int quantity, String etag) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("id", SUB);
        s.put("offerId", "CFQ7TTC0LH18:0001:CFQ7TTC0K971");
        s.put("offerName", "Microsoft 365 Business Basic");
        s.put("friendlyName", "总部 商业基础版");
        s.put("quantity", quantity);
        s.put("status", status);
        s.put("autoRenewEnabled", false);
        s.put("creationDate", "2015-11-25T06: 41: 12Z");
        s.put("billingCycle", 1);
        s.putObject("futureField").put("kept", true);
        s.putObject("attributes").put("etag", etag).put("objectType", "Subscription");
        return s;
    }

    private Pcx.Result run(String... args) {
        return pcx.run(args);
    }

    @Test
    void suspendSendsTheWholeResourceAsReadWithOnlyTheStatusChangedAndIfMatch() throws Exception {
        ObjectNode read = subscription("active", 10, "etag-1");
        server.enqueue(ok(read));
        server.enqueue(ok(subscription("suspended", 10, "etag-2")));

        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB, "--yes", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("GET", take().getMethod());
        RecordedRequest patch = take();
        assertEquals("PATCH", patch.getMethod());
        assertEquals(PATH, patch.getTarget());
        assertEquals("etag-1", patch.getHeaders().get("If-Match"));
        assertTrue(patch.getHeaders().get("Content-Type").startsWith("application/json"));
        ObjectNode expected = read.deepCopy();
        expected.put("status", "suspended");
        assertEquals(expected, Json.mapper().readTree(patch.getBody().utf8()), "the body as read, one field changed");
        JsonNode out = Json.mapper().readTree(r.out()).get(0);
        assertEquals("applied", out.get("result").asText());
        assertEquals("status", out.get("changes").get(0).get("field").asText());
        assertEquals("active", out.get("changes").get(0).get("from").asText());
        assertEquals("suspended", out.get("changes").get(0).get("to").asText());
    }

    @Test
    void aPascalCaseBodyKeepsItsCasing() throws Exception {
        String pascal = "{\"Id\":\"" + SUB + "\",\"Status\":\"active\",\"Quantity\":3,"
                + "\"Attributes\":{\"Etag\":\"e\",\"ObjectType\":\"Subscription\"}}";
        server.enqueue(ok(pascal));
        server.enqueue(ok(subscription("suspended", 3, "e2")));

        assertEquals(0, run("services", "suspend", "-c", CUSTOMER, SUB, "--yes").exit());

        take();
        JsonNode sent = Json.mapper().readTree(take().getBody().utf8());
        assertEquals("suspended", sent.get("Status").asText());
        assertEquals(null, sent.get("status"), "no second, camelCase status");
    }

    @Test
    void alreadyInTheWantedStateIsUnchangedAndNoPatchIsSent() {
        server.enqueue(ok(subscription("suspended", 10, "e")));

        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB, "--yes", "-o", "tsv");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(SUB + "\t总部 商业基础版\tsuspend\tunchanged\t\t\n", r.out());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void dryRunShowsTheDiffAndSendsNothing() {
        server.enqueue(ok(subscription("active", 10, "e")));

        Pcx.Result r = run("services", "set", "-c", CUSTOMER, SUB, "--quantity", "12", "--dry-run");

        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("would apply (quantity: 10 → 12)"), r.out());
        assertEquals(1, server.getRequestCount(), "only the read");
    }

    @Test
    void suspendingWithoutATerminalNeedsYesAndSendsNothing() {
        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB);

        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("add --yes"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void onATerminalSuspendingAsksAndNoMeansNothingChanged() {
        Pcx.Result r = pcx.tty(true, true, true).stdin("n\n").run("services", "suspend", "-c", CUSTOMER, SUB);

        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("Suspend 1 subscription of " + CUSTOMER + ": " + SUB + "? [y/N]"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anAcceptedChangeIsWatchedAtItsLocationUntilItShows() throws Exception {
        server.enqueue(ok(subscription("active", 10, "e")));
        server.enqueue(new MockResponse.Builder().code(202)
                .addHeader("Location", "/customers/" + CUSTOMER + "/subscriptions/" + SUB).addHeader("Retry-After", "3").build());
        server.enqueue(ok(subscription("active", 10, "e")));
        server.enqueue(ok(subscription("suspended", 10, "e2")));

        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB, "--yes");

        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("applied (status: active → suspended)"), r.out());
        take();
        take();
        assertEquals(PATH, take().getTarget(), "the Location, with /v1 added");
        assertEquals(PATH, take().getTarget());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(4500)), pcx.sleeps, "Retry-After, then backing off");
    }

    /** Issue 19 item 2, for subscriptions: after a 202, a poll pcx cannot use is an unknown outcome, never "refused". */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"html", "elsewhere"})
    void aPollPcxCannotUseAfterAnAcceptedChangeIsUnknownNeverRefused(String fault) {
        server.enqueue(ok(subscription("active", 10, "e")));
        server.enqueue(new MockResponse.Builder().code(202).addHeader("Location", fault.equals("html")
                ? "/customers/" + CUSTOMER + "/subscriptions/" + SUB
                : "https://elsewhere.example/v1/customers/" + CUSTOMER + "/subscriptions/" + SUB).build());
        if (fault.equals("html")) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                    .body("<html><body>Sign in</body></html>").build());
        }

        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB, "--yes");

        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("Partner Center accepted the change to " + SUB + ", then its progress could not be "
                + "read") && r.err().contains("check with: pcx services show -c " + CUSTOMER + " " + SUB), r.err());
    }

    @Test
    void aRetryAfterOfZeroStillPausesAndBacksOff() {
        server.enqueue(ok(subscription("active", 10, "e")));
        server.enqueue(new MockResponse.Builder().code(202)
                .addHeader("Location", "/customers/" + CUSTOMER + "/subscriptions/" + SUB).addHeader("Retry-After", "0").build());
        for (int i = 0; i < 4; i++) {
            server.enqueue(ok(subscription("active", 10, "e")));
        }
        server.enqueue(ok(subscription("suspended", 10, "e2")));

        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB, "--yes");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofMillis(2250),
                Duration.ofMillis(3375), Duration.ofNanos(5_062_500_000L)), pcx.sleeps);
        assertEquals(7, server.getRequestCount());
    }

    @Test
    void aDoneChangeWithAnEmptyBodyIsReadAgainNotWatched() {
        server.enqueue(ok(subscription("active", 10, "e")));
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(ok(subscription("suspended", 10, "e2")));

        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB, "--yes");

        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("applied (status: active → suspended)"), r.out());
        assertEquals(List.of(), pcx.sleeps, "a 200 is not a 202: nothing to wait for");
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void anAcceptedChangeThatNeverShowsGivesUpAtTheWaitWithExit6() {
        server.enqueue(ok(subscription("active", 10, "e")));
        server.enqueue(new MockResponse.Builder().code(202).addHeader("Retry-After", "40").build());

        Pcx.Result r = run("services", "suspend", "-c", CUSTOMER, SUB, "--yes", "--wait", "30s");

        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.out().contains("failed: Partner Center accepted the change"), r.out());
        assertTrue(r.out().contains("pcx services show -c " + CUSTOMER + " " + SUB), r.out());
    }

    @Test
    void aConcurrentChangeIsReadAgainAndReportedNeverOverwritten() throws Exception {
        server.enqueue(ok(subscription("active", 10, "etag-1")));
        server.enqueue(json(412, fault(412, "Precondition failed")));
        server.enqueue(ok(subscription("active", 15, "etag-2")));

        Pcx.Result r = run("services", "set", "-c", CUSTOMER, SUB, "--auto-renew", "on", "-o", "json");

        assertEquals(5, r.exit(), r::toString);
        String error = Json.mapper().readTree(r.out()).get(0).get("error").asText();
        assertTrue(error.contains("changed while pcx was changing it (412); nothing was overwritten"), error);
        assertTrue(error.contains("quantity 15"), "it says what the subscription is now: " + error);
        assertEquals(3, server.getRequestCount(), "read, one PATCH, read again; no second PATCH");
    }

    @Test
    void aBusinessRuleRefusalShowsTheServicesReasonAndCode() {
        server.enqueue(ok(subscription("active", 10, "e")));
        server.enqueue(json(400, fault(800090, "Quantity decrease is not allowed outside the 72 hour window")));

        Pcx.Result r = run("services", "set", "-c", CUSTOMER, SUB, "--quantity", "5");

        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.out().contains("failed: Partner Center refused the request (400): Quantity decrease is not allowed "
                + "outside the 72 hour window (code 800090)"), r.out());
    }

    @Test
    void setSendsEachFieldInItsOwnPatchOfTheFreshlyReadSubscription() throws Exception {
        server.enqueue(ok(subscription("active", 10, "e1")));
        ObjectNode renamed = subscription("active", 10, "e2");
        renamed.put("friendlyName", "Sales");
        server.enqueue(ok(renamed));
        server.enqueue(ok(renamed));
        server.enqueue(ok(subscription("active", 20, "e3")));

        Pcx.Result r = run("services", "set", "-c", CUSTOMER, SUB, "--quantity", "20", "--name", "Sales");

        assertEquals(0, r.exit(), r::toString);
        take();
        RecordedRequest first = take();
        assertEquals("Sales", Json.mapper().readTree(first.getBody().utf8()).get("friendlyName").asText());
        assertEquals(10, Json.mapper().readTree(first.getBody().utf8()).get("quantity").asInt());
        take();
        RecordedRequest second = take();
        assertEquals("e2", second.getHeaders().get("If-Match"), "the second change carries the new etag");
        assertEquals(20, Json.mapper().readTree(second.getBody().utf8()).get("quantity").asInt());
    }

    @Test
    void badValuesAreUsageErrorsBeforeAnyCall() {
        assertEquals(2, run("services", "set", "-c", CUSTOMER, SUB, "--quantity", "0").exit());
        assertEquals(2, run("services", "set", "-c", CUSTOMER, SUB, "--auto-renew", "maybe").exit());
        assertEquals(2, run("services", "set", "-c", CUSTOMER, SUB).exit());
        assertEquals(2, run("services", "suspend", "-c", CUSTOMER, SUB, "--yes", "--parallel", "0").exit());
        assertEquals(0, server.getRequestCount());
    }
}
