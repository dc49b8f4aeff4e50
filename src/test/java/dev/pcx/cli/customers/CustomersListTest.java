package dev.pcx.cli.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.pcx.testing.Fixtures.customer;
import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static dev.pcx.testing.Fixtures.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomersListTest extends MockServerTest {
    @Test
    void listsCustomersInAPlainTableWithTheContractHeaders() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso Ltd", "contoso.partner.onmschina.cn"),
                customer(tenant(2), "北京云创科技有限公司", "bjyc.partner.onmschina.cn")), null, null)));

        Pcx.Result r = pcx.run("customers", "list");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("""
                COMPANY NAME          DOMAIN                        TENANT ID                             RELATIONSHIP
                Contoso Ltd           contoso.partner.onmschina.cn  00000000-0000-4000-8000-000000000001  reseller
                北京云创科技有限公司  bjyc.partner.onmschina.cn     00000000-0000-4000-8000-000000000002  reseller
                """, r.out());
        assertEquals("", r.err());
        RecordedRequest req = take();
        assertEquals("GET", req.getMethod());
        assertEquals("/v1/customers?size=100", req.getTarget());
        assertEquals("Bearer " + TOKEN, req.getHeaders().get("Authorization"));
        assertEquals("application/json", req.getHeaders().get("Accept"));
        assertEquals("v1", req.getHeaders().get("MS-Contract-Version"));
        assertEquals("en-US", req.getHeaders().get("X-Locale"));
        assertTrue(req.getHeaders().get("User-Agent").startsWith("pcx/"), req.getHeaders().get("User-Agent"));
        assertTrue(req.getHeaders().get("MS-RequestId").matches("[0-9a-f-]{36}"));
        assertTrue(req.getHeaders().get("MS-CorrelationId").matches("[0-9a-f-]{36}"));
    }

    @Test
    void nameFilterIsSentAsUrlEncodedJsonWithPascalCaseKeys() throws Exception {
        server.enqueue(ok(page(List.of(), null, null)));

        Pcx.Result r = pcx.run("customers", "list", "--name", "北京", "--limit", "20", "--locale", "zh-CN");

        assertEquals(0, r.exit(), r::toString);
        RecordedRequest req = take();
        assertEquals("/v1/customers?size=20&filter=%7B%22Field%22%3A%22CompanyName%22%2C%22Value%22%3A%22"
                + "%E5%8C%97%E4%BA%AC%22%2C%22Operator%22%3A%22starts_with%22%7D", req.getTarget());
        assertEquals("{\"Field\":\"CompanyName\",\"Value\":\"北京\",\"Operator\":\"starts_with\"}",
                req.getUrl().queryParameter("filter"));
        assertEquals("zh-CN", req.getHeaders().get("X-Locale"));
    }

    @Test
    void domainFilterUsesTheDomainField() throws Exception {
        server.enqueue(ok(page(List.of(), null, null)));

        assertEquals(0, pcx.run("customers", "list", "--domain", "contoso").exit());

        assertEquals("{\"Field\":\"Domain\",\"Value\":\"contoso\",\"Operator\":\"starts_with\"}",
                take().getUrl().queryParameter("filter"));
    }

    @Test
    void allFollowsNextLinksWithTheirHeadersAndTheV1Rule() throws Exception {
        String token2 = "a+b/c==,d";
        String token3 = "Zm9v+YmFy/YmF6==";
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn"), customer(tenant(2), "B", "b.cn")),
                "/customers?size=100&seekOperation=Next", token2)));
        server.enqueue(ok(page(List.of(customer(tenant(3), "C", "c.cn")),
                "/V1/customers?size=100&seekOperation=Next", token3)));
        server.enqueue(ok(page(List.of(customer(tenant(4), "D", "d.cn")), null, null)));

        Pcx.Result r = pcx.run("customers", "list", "--all", "-o", "tsv");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(4, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("A\ta.cn\t" + tenant(1) + "\treseller\n"), r.out());
        RecordedRequest first = take();
        RecordedRequest second = take();
        RecordedRequest third = take();
        assertEquals("/v1/customers?size=100", first.getTarget());
        assertEquals(null, first.getHeaders().get("MS-ContinuationToken"));
        assertEquals("/v1/customers?size=100&seekOperation=Next", second.getTarget());
        assertEquals(token2, second.getHeaders().get("MS-ContinuationToken"));
        assertEquals("/V1/customers?size=100&seekOperation=Next", third.getTarget());
        assertEquals(token3, third.getHeaders().get("MS-ContinuationToken"));
        // one correlation id for the invocation, a new request id for every logical call
        assertEquals(first.getHeaders().get("MS-CorrelationId"), third.getHeaders().get("MS-CorrelationId"));
        assertNotEquals(first.getHeaders().get("MS-RequestId"), second.getHeaders().get("MS-RequestId"));
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void limitStopsFetchingAndSaysSoOnATerminal() throws Exception {
        List<ObjectNode> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(customer(tenant(i), "C" + i, "c" + i + ".cn"));
        }
        server.enqueue(ok(page(hundred, "/customers?seekOperation=Next", "t1")));
        server.enqueue(ok(page(hundred, "/customers?seekOperation=Next", "t2")));

        Pcx.Result r = pcx.tty(true, true, true).run("customers", "list", "--limit", "150", "-o", "jsonl");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(150, r.out().lines().count());
        assertEquals(2, server.getRequestCount());
        assertTrue(r.err().contains("showed the first 150 customers"), r.err());
    }

    @Test
    void aRepeatedNextLinkStopsTheWalkInsteadOfLooping() {
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), "/customers?seekOperation=Next", "same")));
        server.enqueue(ok(page(List.of(customer(tenant(2), "B", "b.cn")), "/customers?seekOperation=Next", "same")));

        Pcx.Result r = pcx.run("customers", "list", "--all", "-o", "jsonl");

        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("same next-page link again"), r.err());
        assertEquals(2, server.getRequestCount(), "the second page repeats the first page's next link");
        assertEquals(2, r.out().lines().count(), "what was read before the loop was detected is still printed");
    }

    @Test
    void throttledCallWaitsRetryAfterAndReusesTheRequestId() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
                .body("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 3 seconds.\"}").build());
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));

        Pcx.Result r = pcx.run("customers", "list", "-o", "jsonl");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, pcx.sleeps.size(), "one wait: " + pcx.sleeps);
        Duration waited = pcx.sleeps.get(0);
        assertTrue(waited.compareTo(Duration.ofMillis(2900)) > 0 && waited.compareTo(Duration.ofSeconds(3)) <= 0,
                "until Retry-After has passed since the 429: " + waited);
        assertTrue(r.err().contains("429"), "a wait of 2 s or more is announced: " + r.err());
        String first = take().getHeaders().get("MS-RequestId");
        assertEquals(first, take().getHeaders().get("MS-RequestId"), "a retry is the same logical call");
    }

    @Test
    void serviceUnavailableIsRetriedWithBackoff() {
        server.enqueue(json(503, fault(503, "busy")));
        server.enqueue(json(503, fault(503, "busy")));
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));

        Pcx.Result r = pcx.run("customers", "list", "-o", "csv");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(2, pcx.sleeps.size());
        assertTrue(pcx.sleeps.get(1).compareTo(Duration.ofMillis(400)) >= 0, pcx.sleeps.toString());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aThrottleLongerThanTheTimeoutGivesUpWithExit6() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "57")
                .body("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 57 seconds.\"}").build());

        Pcx.Result r = pcx.run("customers", "list", "--timeout", "10s");

        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("asks to wait 57 s"), r.err());
        assertTrue(r.err().contains("Rate limit is exceeded"), r.err());
        assertEquals(List.of(), pcx.sleeps);
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    }

    @Test
    void anHtmlBadGatewayFromAProxyIsSummarisedAfterRetries() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                    .body("<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>").build());
        }

        Pcx.Result r = pcx.run("customers", "list");

        assertEquals(6, r.exit(), r::toString);
        assertEquals(5, server.getRequestCount());
        assertTrue(r.err().contains("non-JSON body (text/html): 502 Bad Gateway"), r.err());
        assertFalse(r.err().contains("<html>"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));

        Pcx.Result r = pcx.run("customers", "list", "-o", "jsonl");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, r.out().lines().count());
        assertEquals(1, pcx.sleeps.size());
    }

    @Test
    void apiFaultOn400IsExit5WithDescriptionAndCode() {
        server.enqueue(json(400, fault(600061, "The filter isn&#39;t valid for this partner")));

        Pcx.Result r = pcx.run("customers", "list", "--name", "x");

        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("The filter isn't valid for this partner (code 600061)"), r.err());
        assertTrue(r.err().contains("request id "), r.err());
    }

    @Test
    void anEmptyErrorBodyFallsBackToTheStatusLine() {
        server.enqueue(new MockResponse.Builder().code(409).build());

        Pcx.Result r = pcx.run("customers", "list");

        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("(409): 409 Client Error"), r.err());
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));
        }
        assertTrue(pcx.tty(false, true, false).run("customers", "list").out().contains("\u001b[1m"));
        assertFalse(pcx.tty(false, false, false).run("customers", "list").out().contains("\u001b"));
        assertFalse(pcx.tty(false, true, false).env("NO_COLOR", "1").run("customers", "list").out().contains("\u001b"));
    }

    @Test
    void aMalformedBodyIsExit5NotACrash() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"totalCount\": 1, \"items\": [ {\"id\": ").build());

        Pcx.Result r = pcx.run("customers", "list");

        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: Partner Center sent a body pcx cannot read"), r.err());
        assertFalse(r.err().contains("\tat "));
    }

    @Test
    void rejectedTokenIsExit3() {
        server.enqueue(new MockResponse.Builder().code(401)
                .addHeader("WWW-Authenticate", "OAuth realm=urn:cpsvc:cpid:x").build());

        Pcx.Result r = pcx.run("customers", "list");

        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("rejected the access token"), r.err());
        // issue 20 item 11: a token given as is names the variable, and what to do about it
        assertTrue(r.err().contains("the token in PCX_ACCESS_TOKEN is used as it is and cannot be renewed")
                && r.err().contains("unset PCX_ACCESS_TOKEN"), r.err());
        assertEquals(1, r.err().lines().count(), r::toString);
    }

    @Test
    void noTokenIsExit3BeforeAnyCall() {
        Pcx.Result r = new Pcx().env("PCX_ENDPOINT", server.url("/").toString()).run("customers", "list");

        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("PCX_ACCESS_TOKEN"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anUnreachableEndpointIsExit6AfterBoundedRetries() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Pcx.Result r = new Pcx().env("PCX_ACCESS_TOKEN", TOKEN).run("--endpoint", "http://127.0.0.1:" + port,
                "customers", "list");

        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("cannot reach 127.0.0.1:" + port + ": connection refused"), r.err());
    }

    @Test
    void debugTracesRequestsAndResponsesWithoutTheToken() {
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));

        Pcx.Result r = pcx.run("--debug", "customers", "list");

        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("> GET " + server.url("/v1/customers?size=100")), r.err());
        assertTrue(r.err().contains("> Authorization: Bearer [redacted]"), r.err());
        assertTrue(r.err().matches("(?s).*< 200 OK \\(\\d+ ms, http/1.1\\).*"), r.err());
        assertFalse(r.err().contains(TOKEN), "the token never appears in a trace");
        assertFalse(r.out().contains("> GET"), "the trace stays off stdout");
    }

    @Test
    void jsonKeepsTheApiNamesNormalisesEnumsAndPassesUnknownFieldsThrough() throws Exception {
        String body = """
                {"TotalCount": 1, "Items": [{
                  "Id": "%s", "CompanyProfile": {"TenantId": "%s", "Domain": "x.cn", "CompanyName": "X"},
                  "RelationshipToPartner": "microsoftSupport", "futureField": {"a": 1}
                }], "Attributes": {"ObjectType": "Collection"}}""".formatted(tenant(9), tenant(9));
        server.enqueue(ok(body));

        Pcx.Result r = pcx.run("customers", "list", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        JsonNode out = Json.mapper().readTree(r.out());
        assertTrue(out.isArray());
        assertEquals(tenant(9), out.get(0).get("id").asText());
        assertEquals("X", out.get(0).get("companyProfile").get("companyName").asText());
        assertEquals("microsoft_support", out.get(0).get("relationshipToPartner").asText());
        assertEquals(1, out.get(0).get("futureField").get("a").asInt());
    }

    @Test
    void jqRunsOverTheJsonDocumentAndPrintsStringsRaw() {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso", "c.cn"), customer(tenant(2), "上海", "s.cn")),
                null, null)));

        Pcx.Result r = pcx.run("customers", "list", "--jq", ".[] | .companyProfile.companyName");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("Contoso\n上海\n", r.out());
    }

    @Test
    void jqWithJsonLinesRunsPerRecord() {
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn"), customer(tenant(2), "B", "b.cn")), null, null)));

        Pcx.Result r = pcx.run("customers", "list", "-o", "jsonl", "--jq", "{id, n: .companyProfile.companyName}");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("{\"id\":\"" + tenant(1) + "\",\"n\":\"A\"}\n{\"id\":\"" + tenant(2) + "\",\"n\":\"B\"}\n", r.out());
    }

    @Test
    void outputFormatComesFromTheEnvironment() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));

        Pcx.Result r = pcx.env("PCX_OUTPUT", "json").run("customers", "list");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, Json.mapper().readTree(r.out()).size());
    }

    @Test
    void jqOnTheCommandLineOutranksANonJsonFormatFromTheEnvironmentButNotFromTheCommandLine() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));
        Pcx csvJob = pcx.env("PCX_OUTPUT", "csv");

        Pcx.Result r = csvJob.run("customers", "list", "--jq", ".[0].companyProfile.companyName");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("A\n", r.out());

        Pcx.Result asked = csvJob.run("customers", "list", "-o", "csv", "--jq", ".[0].id");
        assertEquals(2, asked.exit(), asked::toString);
        assertTrue(asked.err().contains("--jq works on JSON"), asked.err());

        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), null, null)));
        Pcx.Result lines = pcx.env("PCX_OUTPUT", "jsonl").run("customers", "list", "--jq", ".id");
        assertEquals(0, lines.exit(), lines::toString);
        assertEquals(tenant(1) + "\n", lines.out(), "a JSON format from the environment is kept");
    }

    @Test
    void stopsFetchingWhenTheReaderOfStdoutHasGone() throws InterruptedException {
        // the walk may have asked for page 2 ahead of the reader (the README: one page ahead at
        // most), or not yet, when the reader goes; it never asks for page 3: that is not queued
        for (int i = 0; i < 2; i++) {
            server.enqueue(ok(page(List.of(customer(tenant(i), "A", "a.cn")), "/customers?seekOperation=Next", "t" + i)));
        }
        queue.mayLeaveUnused(1);
        java.io.OutputStream closedPipe = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        Pcx.Result r = pcx.stdout(closedPipe).run("customers", "list", "--all", "-o", "jsonl");

        assertEquals(0, r.exit(), r::toString);
        // once pcx has returned, the thread that fetches ahead is ending, and with it any request pcx could send
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("pcx-next-page")) {
                t.join(10_000);
                assertFalse(t.isAlive(), "the fetch-ahead thread is still running 10 s after pcx returned");
            }
        }
        int asked = server.getRequestCount();
        assertTrue(asked >= 1 && asked <= 2, "page 1, and page 2 at most, were asked for: " + asked);
    }
}
