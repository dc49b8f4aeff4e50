package dev.pcx.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.model.ApiFault;
import dev.pcx.api.model.HealthEnums;
import dev.pcx.api.model.ServiceHealth;
import dev.pcx.api.model.ServiceHealthIssue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pcx.testing.GraphFixtures.graphError;
import static dev.pcx.testing.GraphFixtures.issue;
import static dev.pcx.testing.GraphFixtures.page;
import static dev.pcx.testing.GraphFixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graph's service-health payloads, in the shapes of Microsoft's own, read without loss. */
class GraphPayloadTest {
    /** A Graph page as pcx reads it off the wire: its items and its next link. */
    private record Page<T>(List<T> value, String nextLink) {
    }

    private static <T> Page<T> read(JsonNode body, Class<T> type) throws Exception {
        JsonNode wire = Json.mapper().readTree(Json.mapper().writeValueAsBytes(body));
        var page = ODataPages.read(Service.GRAPH, new Answer(200, wire, okhttp3.Headers.of()), "@odata.nextLink", type);
        return new Page<>(page.items(), page.links().get("next").map(dev.pcx.api.model.Link::uri).orElse(null));
    }

    @Test
    void healthOverviewsWithExpandedIssuesReadAndWriteBackUnchanged() throws Exception {
        ObjectNode body = page("healthOverviews(issues())", List.of(
                service("Exchange", "Exchange Online", "ServiceOperational",
                        List.of(issue("EX226574", "Exchange Online", "Advisory", "ServiceRestored", true))),
                service("OrgLiveID", "Identity Service", "ServiceRestored", null)), null);
        ((ObjectNode) body.get("value").get(1)).put("someFutureField", "kept");

        Page<ServiceHealth> page = read(body, ServiceHealth.class);

        assertNull(page.nextLink());
        assertEquals(2, page.value().size());
        ServiceHealth exchange = page.value().get(0);
        ServiceHealthIssue issue = exchange.issues().get(0);
        assertTrue(issue.resolved(), "isResolved, not resolved");
        assertEquals("Advisory", issue.classification(), "kept as sent");
        assertEquals(2, issue.postsOrEmpty().size());
        assertEquals("Html", issue.postsOrEmpty().get(0).description().contentType());
        for (int i = 0; i < 2; i++) {
            assertEquals(body.get("value").get(i), Json.mapper().valueToTree(page.value().get(i)), "nothing lost");
        }
    }

    @Test
    void anIssuesPageKeepsItsAbsoluteNextLinkAndEveryField() throws Exception {
        ObjectNode body = page("admin/serviceAnnouncement/issues", List.of(
                issue("EX226792", "Exchange Online", "Incident", "ServiceRestored", true)),
                "https://microsoftgraph.chinacloudapi.cn/v1.0/admin/serviceAnnouncement/issues?$skip=100");

        Page<ServiceHealthIssue> page = read(body, ServiceHealthIssue.class);

        assertEquals("https://microsoftgraph.chinacloudapi.cn/v1.0/admin/serviceAnnouncement/issues?$skip=100",
                page.nextLink());
        ServiceHealthIssue issue = page.value().get(0);
        assertEquals("2026-11-14T18:20:24.767Z", issue.lastModifiedDateTime());
        assertEquals(java.time.Instant.parse("2026-11-14T18:20:24.767Z"), issue.lastModified());
        assertEquals("NotifyInApp", issue.details().get(0).get("name").asText());
        assertEquals(body.get("value").get(0), Json.mapper().valueToTree(issue));
    }

    @Test
    void enumValuesCompareWhateverTheirCasingAndUnknownOnesAreKeptAndRanked() {
        assertTrue(HealthEnums.same("ServiceOperational", "serviceOperational"));
        assertTrue(HealthEnums.operational("SERVICEOPERATIONAL".toLowerCase()));
        assertTrue(HealthEnums.statusRank("ServiceInterruption") < HealthEnums.statusRank("investigating"));
        int unknown = HealthEnums.statusRank("someNewStatus");
        assertTrue(unknown > HealthEnums.statusRank("investigating") && unknown < HealthEnums.statusRank("ServiceOperational"));
        assertEquals(2, HealthEnums.severity("Incident"));
        assertEquals(1, HealthEnums.severity("Advisory"));
        assertEquals(1, HealthEnums.severity("unknownFutureValue"), "a gate on advisories trips on what it does not know");
        assertNull(HealthEnums.classification("critical"));
    }

    @Test
    void graphsErrorBodyIsReadLikeAnApiFault() throws Exception {
        ApiFault fault = Json.mapper().treeToValue(graphError("Forbidden", "Access denied.", "9f1c-req"), ApiFault.class);
        assertEquals("Forbidden", fault.codeText());
        assertEquals("Access denied.", fault.text());
        assertEquals("9f1c-req", fault.graphRequestId());
        ApiFault partnerCenter = Json.mapper().readValue("{\"code\":600008,\"description\":\"d\"}", ApiFault.class);
        assertEquals("600008", partnerCenter.codeText());
        assertNull(partnerCenter.graphRequestId());
        assertFalse(Json.mapper().readValue("{\"error\":\"invalid_grant\"}", ApiFault.class).text() != null);
    }
}
