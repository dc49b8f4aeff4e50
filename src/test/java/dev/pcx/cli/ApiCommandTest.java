package dev.pcx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.pcx.testing.Fixtures.customer;
import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static dev.pcx.testing.Fixtures.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcx api}: raw calls, signed in, with the contract's path rule, methods, bodies, paging and refusals. */
class ApiCommandTest extends MockServerTest {

    @Test
    void aGetFollowsTheV1RuleAndPrintsTheBodyAsSent() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso Ltd", "contoso.cn")), null, null)));
        server.enqueue(ok(page(List.of(), null, null)));
        Pcx.Result r = pcx.run("api", "customers?size=2");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, r.out().lines().count(), "compact when piped: " + r.out());
        assertEquals("Contoso Ltd", Json.mapper().readTree(r.out()).path("items").get(0).path("companyProfile")
                .path("companyName").asText());
        RecordedRequest first = take();
        assertEquals("/v1/customers?size=2", first.getTarget());
        assertEquals("Bearer " + TOKEN, first.getHeaders().get("Authorization"));
        assertTrue(first.getHeaders().get("MS-RequestId") != null && first.getHeaders().get("MS-CorrelationId") != null);
        assertEquals(0, pcx.run("api", "/v1/customers?size=2").exit());
        assertEquals("/v1/customers?size=2", take().getTarget(), "an explicit /v1 is not doubled");
    }

    @Test
    void fieldsAreAQueryForGetAndABodyOtherwiseAndInputIsSentAsItIs(@TempDir Path dir) throws Exception {
        server.enqueue(ok(page(List.of(), null, null)));
        server.enqueue(ok(Json.mapper().createObjectNode().put("id", "1")));
        server.enqueue(new MockResponse.Builder().code(204).build());
        assertEquals(0, pcx.run("api", "customers", "-f", "size=5", "-f", "filter={\"Field\":\"Domain\"}").exit());
        assertEquals("/v1/customers?size=5&filter=%7B%22Field%22%3A%22Domain%22%7D", take().getTarget());
        Pcx.Result patch = pcx.run("api", "-X", "patch", "servicerequests/616122292874576", "-f", "Status=closed",
                "-H", "MS-PartnerCenter-Application: desk-script");
        assertEquals(0, patch.exit(), patch::toString);
        RecordedRequest p = take();
        assertEquals("PATCH", p.getMethod());
        assertEquals("{\"Status\":\"closed\"}", p.getBody().utf8());
        assertEquals("desk-script", p.getHeaders().get("MS-PartnerCenter-Application"));
        Path body = Files.writeString(dir.resolve("note.json"), "{\"NewNote\":{\"Text\":\"called the customer\"}}");
        Pcx.Result note = pcx.run("api", "-X", "PATCH", "servicerequests/616122292874576", "--input", body.toString());
        assertEquals(0, note.exit(), note::toString);
        assertEquals("", note.out(), "a 204 prints nothing");
        assertEquals("{\"NewNote\":{\"Text\":\"called the customer\"}}", take().getBody().utf8());
    }

    @Test
    void paginateFollowsNextLinksWithTheirHeaders() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), "/customers?seekOperation=Next", "tok+/=")));
        server.enqueue(ok(page(List.of(customer(tenant(2), "B", "b.cn")), null, null)));
        Pcx.Result r = pcx.run("api", "customers", "--paginate", "-o", "jsonl", "--jq", ".companyProfile.companyName");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("A\nB\n", r.out());
        take();
        RecordedRequest next = take();
        assertEquals("/v1/customers?seekOperation=Next", next.getTarget());
        assertEquals("tok+/=", next.getHeaders().get("MS-ContinuationToken"));
    }

    @Test
    void exitCodesFollowTheStatus() {
        server.enqueue(json(404, fault(404, "Customer not found")));
        Pcx.Result r = pcx.run("api", "customers/" + tenant(9));
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: not found: Customer not found"), r.err());
    }

    @Test
    void refusedBeforeAnyCall() {
        Pcx.Result other = pcx.run("api", "https://evil.example.com/v1/customers");
        assertEquals(2, other.exit(), other::toString);
        assertTrue(other.err().contains("sends your token only to the endpoint"), other.err());
        assertEquals(2, pcx.run("api", "-X", "TRACE", "customers").exit());
        assertEquals(2, pcx.run("api", "customers", "-H", "Authorization: Bearer mine").exit());
        assertEquals(2, pcx.run("api", "customers", "-H", "no colon").exit());
        assertTrue(pcx.run("api", "customers", "-H", "X-Locale: zh-CN").err().contains("(use --locale)"));
        assertEquals(2, pcx.run("api", "-X", "POST", "customers", "--paginate").exit());
        assertEquals(2, pcx.run("api", "customers/../servicerequests").exit());
        assertEquals(0, server.getRequestCount(), "nothing was sent");
    }

    @Test
    void aFullUrlOnTheSameHostIsAPath() throws Exception {
        server.enqueue(ok(page(List.of(), null, null)));
        assertEquals(0, pcx.run("api", server.url("/v1/customers?size=1").toString()).exit());
        assertEquals("/v1/customers?size=1", take().getTarget());
    }

    @Test
    void graphOnTheSandboxReadsThePartnersTenantWithPaging(@TempDir Path config) throws Exception {
        Pcx.Result r = new Pcx().env("PCX_CONFIG_DIR", config.toString())
                .run("--sandbox", "api", "--graph", "/v1.0/admin/serviceAnnouncement/issues", "--paginate", "-o", "jsonl");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().lines().count() > 5, "more than one Graph page: " + r.out());
        JsonNode first = Json.mapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertTrue(first.has("id") && first.has("isResolved"), first.toString());
        Pcx.Result one = new Pcx().env("PCX_CONFIG_DIR", config.toString())
                .run("--sandbox", "api", "--graph", "/v1.0/admin/serviceAnnouncement/healthOverviews");
        assertEquals(0, one.exit(), one::toString);
        assertNull(Json.mapper().readTree(one.out()).get("items"));
        assertTrue(Json.mapper().readTree(one.out()).has("value"), one.out());
    }

    @Test
    void rowsFormatsPrintTheRecordsOfAGetAsRowsOrAreRefused() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso Ltd", "contoso.cn")), null, null)));
        Pcx.Result csv = pcx.run("api", "customers", "-o", "csv");
        assertEquals(0, csv.exit(), csv::toString);
        List<String> lines = csv.out().lines().toList();
        assertEquals(2, lines.size(), csv.out());
        assertTrue(lines.get(0).startsWith("id,"), "one column per field of the items: " + lines.get(0));
        assertTrue(lines.get(1).startsWith(tenant(1) + ",") && lines.get(1).contains("Contoso Ltd"), lines.get(1));

        server.enqueue(ok(page(List.of(customer(tenant(1), "A", "a.cn")), "/customers?seekOperation=Next", "t")));
        server.enqueue(ok(page(List.of(customer(tenant(2), "B", "b.cn")), null, null)));
        Pcx.Result tsv = pcx.run("api", "customers", "--paginate", "-o", "tsv");
        assertEquals(0, tsv.exit(), tsv::toString);
        assertEquals(2, tsv.out().lines().count(), "a row per item of every page (TSV has no header): " + tsv.out());
        assertTrue(tsv.out().contains("\tA\t") || tsv.out().contains("\"companyName\":\"A\""), tsv.out());

        server.enqueue(ok(Json.mapper().createArrayNode().add("a").add("b")));
        Pcx.Result strings = pcx.run("api", "customers", "-o", "table");
        assertEquals(2, strings.exit(), strings::toString);
        assertEquals("pcx: -o table needs an object or a list of objects, and this answer is a list of strings: use "
                + "-o json or -o jsonl (or --jq)\n", strings.err());
        assertEquals("", strings.out(), "no JSON in place of the table");

        int before = server.getRequestCount();
        Pcx.Result post = pcx.run("api", "-X", "POST", "customers", "-f", "a=b", "-o", "csv");
        assertEquals(2, post.exit(), post::toString);
        assertEquals(before, server.getRequestCount(), "refused before anything is sent");
    }
}
