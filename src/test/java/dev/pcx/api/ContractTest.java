package dev.pcx.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client reads payloads shaped as Microsoft documents and records them (the project's own
 * fixtures under {@code src/test/resources/contract/}), through the real command line: the sandbox
 * is strict about what pcx sends, and these keep pcx honest about what it must read.
 */
class ContractTest extends MockServerTest {
    private static final String CUSTOMER = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private static String fixture(String name) throws IOException {
        try (InputStream in = ContractTest.class.getResourceAsStream("/contract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aPascalCaseSubscriptionWithOddDatesReadsWhole() throws Exception {
        server.enqueue(json(200, fixture("subscription-pascalcase.json")));
        Pcx.Result r = pcx.run("services", "show", "-c", CUSTOMER, "5B0D7E21-3C44-4F8A-9A61-2D7C9E0B1A55", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode s = Json.mapper().readTree(r.out());
        assertEquals("华东 E1", s.path("friendlyName").asText());
        assertEquals("suspended", s.path("status").asText());
        assertEquals(12, s.path("quantity").asInt());
        assertEquals("/v1/offers/7D2C1A9E-44B3-4E52-8C0F-6A1B2C3D4E5F", s.path("links").path("offer").path("uri").asText(),
                "links read whatever their casing: " + s);
        server.enqueue(json(200, fixture("subscription-pascalcase.json")));
        Pcx.Result table = pcx.run("services", "show", "-c", CUSTOMER, "5B0D7E21-3C44-4F8A-9A61-2D7C9E0B1A55");
        assertEquals(0, table.exit(), table::toString);
        assertTrue(table.out().contains("Commitment end:   none") && table.out().contains("12 Licenses"), table.out());
    }

    @Test
    void ordinalAndUnknownEnumsAreReadAndKept() throws Exception {
        server.enqueue(json(200, fixture("subscriptions-ordinal-enums.json")));
        Pcx.Result r = pcx.run("services", "list", "-c", CUSTOMER, "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode list = Json.mapper().readTree(r.out());
        assertEquals(2, list.size(), "totalCount 37 does not stop or stretch the listing");
        assertEquals("suspended", list.get(0).path("status").asText(), "status 2 is suspended");
        assertEquals("monthly", list.get(0).path("billingCycle").asText());
        assertEquals("lockedByMicrosoft", list.get(1).path("status").asText(), "an unknown status is kept as sent");
    }

    @Test
    void anApiFaultWithAnEntityAndAThrottleBodyOfAnotherShape() throws Exception {
        server.enqueue(json(200, fixture("subscription-pascalcase.json")));
        server.enqueue(json(400, fixture("fault-license-quota.json")).newBuilder().addHeader("MS-RequestId", "req-77").build());
        Pcx.Result refused = pcx.run("services", "activate", "-c", CUSTOMER, "5B0D7E21-3C44-4F8A-9A61-2D7C9E0B1A55");
        assertEquals(5, refused.exit(), refused::toString);
        assertTrue(refused.err().contains("You've used every licence") && refused.err().contains("(code 60012)")
                && refused.err().contains("req-77"), refused.err());

        // a wait longer than --timeout is not taken: one request, no retry
        server.enqueue(json(429, fixture("throttled-429.json")).newBuilder().addHeader("Retry-After", "42").build());
        Pcx.Result throttled = pcx.run("customers", "list", "--timeout", "5s");
        assertEquals(6, throttled.exit(), throttled::toString);
        assertTrue(throttled.err().contains("asks to wait 42 s") && throttled.err().contains("Rate limit is exceeded"),
                throttled.err());
    }
}
