package dev.pcx.notify;

import dev.pcx.api.Json;
import dev.pcx.api.model.ServiceHealthIssue;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event derivation as a table: what is known after poll N, poll N+1, the events. */
class IncidentChangesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final IncidentEvent.Customer A = new IncidentEvent.Customer("aaaa", "Adatum", "a.cn");
    private static final IncidentEvent.Customer B = new IncidentEvent.Customer("bbbb", "北京云创", "b.cn");
    private static final IncidentEvent.Customer C = new IncidentEvent.Customer("cccc", "Contoso", "c.cn");

    private static ServiceHealthIssue issue(String id, String cls, String status, String modified) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("service", "Exchange Online");
        m.put("classification", cls);
        m.put("status", status);
        m.put("title", "Mail is delayed");
        m.put("startDateTime", "2026-12-01T07:00:00Z");
        m.put("lastModifiedDateTime", modified);
        m.put("isResolved", false);
        return Json.mapper().convertValue(m, ServiceHealthIssue.class);
    }

    private static final ServiceHealthIssue EX1 = issue("EX1", "Incident", "Investigating", "2026-12-01T07:00:00Z");
    private static final ServiceHealthIssue EX1_DEGRADED = issue("EX1", "Incident", "ServiceDegradation", "2026-12-01T07:30:00Z");
    private static final ServiceHealthIssue EX1_POST = issue("EX1", "Incident", "investigating", "2026-12-01T07:45:00Z");
    private static final ServiceHealthIssue TM2 = issue("TM2", "Advisory", "Investigating", "2026-12-01T07:00:00Z");

    private static TenantLook hit(IncidentEvent.Customer c, ServiceHealthIssue... issues) {
        return TenantLook.read(c, List.of(issues));
    }

    private static TenantLook unread(IncidentEvent.Customer c) {
        return TenantLook.unknown(c, "throttled");
    }

    /** Polls in turn from nothing known; the events of the last, as "type id customers count". */
    private static List<String> lastEvents(List<List<TenantLook>> polls) {
        return run(polls, (id, c) -> null).get(polls.size() - 1);
    }

    private static List<List<String>> run(List<List<TenantLook>> polls,
                                          java.util.function.BiFunction<String, List<IncidentEvent.Customer>, ServiceHealthIssue> last) {
        Map<String, KnownIssue> known = new LinkedHashMap<>();
        List<List<String>> all = new ArrayList<>();
        Instant at = T0;
        for (List<TenantLook> poll : polls) {
            IncidentChanges.Derived d = IncidentChanges.derive(known, poll, i -> true, last, at);
            all.add(d.events().stream().map(e -> e.type() + " " + e.issue().id() + " "
                    + String.join(",", e.customers().stream().map(IncidentEvent.Customer::tenantId).toList())
                    + " " + e.customersCount() + " " + e.issue().status()).toList());
            known = d.known();
            at = at.plusSeconds(300);
        }
        return all;
    }

    @Test
    void theTable() {
        record Row(String what, List<List<TenantLook>> polls, List<String> events) {
        }
        List<Row> rows = List.of(
                new Row("an issue first seen is new, with every customer it hits",
                        List.of(List.of(hit(A), hit(B)), List.of(hit(A, EX1), hit(B, EX1), hit(C))),
                        List.of("new EX1 aaaa,bbbb 2 Investigating")),
                new Row("nothing changed: no event",
                        List.of(List.of(hit(A, EX1)), List.of(hit(A, EX1))), List.of()),
                new Row("a customer more: spread, with the added one only, and the count after",
                        List.of(List.of(hit(A, EX1), hit(B)), List.of(hit(A, EX1), hit(B, EX1))),
                        List.of("spread EX1 bbbb 2 Investigating")),
                new Row("a customer no longer hit: recede",
                        List.of(List.of(hit(A, EX1), hit(B, EX1)), List.of(hit(A, EX1), hit(B))),
                        List.of("recede EX1 bbbb 1 Investigating")),
                new Row("a customer that could not be read is not taken as clear",
                        List.of(List.of(hit(A, EX1), hit(B, EX1)), List.of(hit(A, EX1), unread(B))), List.of()),
                new Row("nor as newly hit when it comes back still hit",
                        List.of(List.of(hit(A, EX1), hit(B, EX1)), List.of(hit(A, EX1), unread(B)),
                                List.of(hit(A, EX1), hit(B, EX1))), List.of()),
                new Row("a status change is updated, with every customer hit",
                        List.of(List.of(hit(A, EX1), hit(B, EX1)), List.of(hit(A, EX1_DEGRADED), hit(B, EX1_DEGRADED))),
                        List.of("updated EX1 aaaa,bbbb 2 ServiceDegradation")),
                new Row("a new post (last-modified moved) is updated; a status in another casing alone is not",
                        List.of(List.of(hit(A, EX1)), List.of(hit(A, EX1_POST))),
                        List.of("updated EX1 aaaa 1 investigating")),
                new Row("tenants holding different versions: the latest is told",
                        List.of(List.of(hit(A, EX1), hit(B, EX1)), List.of(hit(A, EX1), hit(B, EX1_DEGRADED))),
                        List.of("updated EX1 aaaa,bbbb 2 ServiceDegradation")),
                new Row("updated and spread at once: both, update first",
                        List.of(List.of(hit(A, EX1), hit(B)), List.of(hit(A, EX1_DEGRADED), hit(B, EX1_DEGRADED))),
                        List.of("updated EX1 aaaa,bbbb 2 ServiceDegradation", "spread EX1 bbbb 2 ServiceDegradation")),
                new Row("listed nowhere any more: resolved, with the customers it last hit, count 0",
                        List.of(List.of(hit(A, EX1), hit(B, EX1)), List.of(hit(A), hit(B))),
                        List.of("resolved EX1 aaaa,bbbb 0 Investigating")),
                new Row("gone where it could be read, the others unread: recede, not resolved",
                        List.of(List.of(hit(A, EX1), hit(B, EX1)), List.of(hit(A), unread(B))),
                        List.of("recede EX1 aaaa 1 Investigating")),
                new Row("every customer it hit unread: nothing is known, nothing told",
                        List.of(List.of(hit(A, EX1)), List.of(unread(A))), List.of()),
                new Row("incidents are told before advisories",
                        List.of(List.of(hit(A)), List.of(hit(A, TM2, EX1))),
                        List.of("new EX1 aaaa 1 Investigating", "new TM2 aaaa 1 Investigating")));
        for (Row row : rows) {
            assertEquals(row.events(), lastEvents(row.polls()), row.what());
        }
    }

    @Test
    void anIssueListedAsResolvedIsNotNew() {
        Map<String, Object> m = Json.mapper().convertValue(EX1, Map.class);
        m.put("isResolved", true);
        ServiceHealthIssue done = Json.mapper().convertValue(m, ServiceHealthIssue.class);
        assertEquals(List.of(), lastEvents(List.of(List.of(hit(A)), List.of(hit(A, done)))));
    }

    @Test
    void aResolvedIssueIsToldInItsFinalStateWhenATenantItHitGivesIt() {
        ServiceHealthIssue restored = issue("EX1", "Incident", "ServiceRestored", "2026-12-01T09:00:00Z");
        List<String> asked = new ArrayList<>();
        List<List<String>> events = run(List.of(List.of(hit(A, EX1)), List.of(hit(A))), (id, hit) -> {
            asked.add(id + " " + hit.get(0).tenantId());
            return restored;
        });
        assertEquals(List.of("resolved EX1 aaaa 0 ServiceRestored"), events.get(1));
        assertEquals(List.of("EX1 aaaa"), asked);
    }

    @Test
    void keysAreStableForTheSameChangeAndNewForEachLaterOne() {
        Map<String, KnownIssue> known = IncidentChanges.derive(Map.of(), List.of(hit(A, EX1)), i -> true, (i, c) -> null, T0).known();
        List<TenantLook> spread = List.of(hit(A, EX1), hit(B, EX1));
        IncidentEvent once = IncidentChanges.derive(known, spread, i -> true, (i, c) -> null, T0).events().get(0);
        IncidentEvent again = IncidentChanges.derive(known, spread, i -> true, (i, c) -> null, T0.plusSeconds(9)).events().get(0);
        assertEquals(once.key(), again.key(), "two runs that see one change give it one key");
        assertTrue(once.key().startsWith("EX1/2/spread/"), once.key());

        // B recedes, then is hit again: the second spread is a new event, not the first one's key
        Map<String, KnownIssue> afterSpread = IncidentChanges.derive(known, spread, i -> true, (i, c) -> null, T0).known();
        Map<String, KnownIssue> afterRecede = IncidentChanges.derive(afterSpread, List.of(hit(A, EX1), hit(B)), i -> true,
                (i, c) -> null, T0).known();
        IncidentEvent back = IncidentChanges.derive(afterRecede, spread, i -> true, (i, c) -> null, T0).events().get(0);
        assertEquals("spread", back.type());
        assertNotEquals(once.key(), back.key());
    }

    @Test
    void issuesOutsideTheWatchsScopeAreCarriedOverUntouched() {
        Map<String, KnownIssue> known = IncidentChanges.derive(Map.of(), List.of(hit(A, EX1, TM2)), i -> true,
                (i, c) -> null, T0).known();
        // a watch of incidents only: TM2 is not in its polls, and must not read as resolved
        IncidentChanges.Derived d = IncidentChanges.derive(known, List.of(hit(A, EX1)),
                i -> "Incident".equals(i.classification()), (i, c) -> null, T0.plusSeconds(300));
        assertEquals(List.of(), d.events());
        assertEquals(known.get("TM2"), d.known().get("TM2"));
    }
}
