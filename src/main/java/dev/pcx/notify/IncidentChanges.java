package dev.pcx.notify;

import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.HealthEnums;
import dev.pcx.api.model.ServiceHealthIssue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What changed in the incidents across every customer between the last poll (the ledger's known
 * issues) and this one, as events grouped by issue: {@code new}, {@code spread} (customers added),
 * {@code recede} (customers no longer hit), {@code updated} (status, class or a new post: the
 * last-modified time moved) and {@code resolved} (no customer's tenant lists it active any more).
 *
 * <p>A tenant that could not be read this time is never taken as clear: the issues that hit it
 * stay as they were, so it neither recedes nor lets an issue read as resolved. Issues outside this
 * watch's scope ({@code --service}, {@code --class}) are carried over untouched, so a narrower
 * watch sharing the ledger does not make a wider one see them anew.
 */
public final class IncidentChanges {
    /** Incidents before advisories, then by id: the order events of one poll are told in. */
    private static final Comparator<IncidentEvent.Issue> ORDER = Comparator
            .comparing((IncidentEvent.Issue i) -> -HealthEnums.severity(i.classification()))
            .thenComparing(i -> String.valueOf(i.id()));
    private static final Comparator<IncidentEvent.Customer> BY_NAME = Comparator
            .comparing((IncidentEvent.Customer c) -> String.valueOf(c.companyName()).toLowerCase(Locale.ROOT))
            .thenComparing(c -> String.valueOf(c.tenantId()));

    private IncidentChanges() {
    }

    /** The events of a poll, and what is known after it. */
    public record Derived(List<IncidentEvent> events, Map<String, KnownIssue> known) {
    }

    /**
     * @param known   what the ledger knows after the last poll, by issue id
     * @param looks   this poll, one per customer
     * @param inScope whether a known issue is this watch's to judge (its {@code --service} and {@code --class})
     * @param last    the final state of an issue no tenant lists as active any more, asked of the
     *                customers it last hit; null when it cannot be had (the last known state is told)
     * @param now     when the poll was made
     */
    public static Derived derive(Map<String, KnownIssue> known, List<TenantLook> looks,
                                 Predicate<IncidentEvent.Issue> inScope,
                                 BiFunction<String, List<IncidentEvent.Customer>, ServiceHealthIssue> last, Instant now) {
        String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
        Set<String> unread = new LinkedHashSet<>();
        Map<String, ServiceHealthIssue> latest = new TreeMap<>();
        Map<String, Map<String, IncidentEvent.Customer>> hits = new TreeMap<>();
        for (TenantLook look : looks) {
            if (!look.readable()) {
                unread.add(look.customer().tenantId());
                continue;
            }
            for (ServiceHealthIssue i : look.active()) {
                if (i.id() == null || i.resolved()) {
                    continue;
                }
                String id = i.id().toUpperCase(Locale.ROOT);
                latest.merge(id, i, IncidentChanges::later);
                hits.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(look.customer().tenantId(), look.customer());
            }
        }
        Map<String, KnownIssue> after = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ServiceHealthIssue> e : latest.entrySet()) {
            IncidentEvent.Issue issue = issue(e.getValue());
            KnownIssue before = known.get(e.getKey());
            Map<String, IncidentEvent.Customer> now1 = hits.get(e.getKey());
            if (before == null) {
                List<IncidentEvent.Customer> all = sorted(now1.values());
                changes.add(new Change(issue, List.of(new Told(IncidentEvent.NEW, all, digestOf(all, "")))));
                after.put(e.getKey(), new KnownIssue(issue, all, 1));
                continue;
            }
            Map<String, IncidentEvent.Customer> current = new LinkedHashMap<>(now1);
            for (IncidentEvent.Customer c : before.customers()) {
                if (unread.contains(c.tenantId())) {
                    current.putIfAbsent(c.tenantId(), c); // could not be read: not taken as clear
                }
            }
            List<IncidentEvent.Customer> all = sorted(current.values());
            List<Told> told = new ArrayList<>();
            if (updated(before.issue(), issue)) {
                told.add(new Told(IncidentEvent.UPDATED, all, digestOf(all, issue.status() + "|"
                        + issue.classification() + "|" + issue.lastModifiedDateTime())));
            }
            Set<String> had = new LinkedHashSet<>();
            before.customers().forEach(c -> had.add(c.tenantId()));
            List<IncidentEvent.Customer> added = all.stream().filter(c -> !had.contains(c.tenantId())).toList();
            if (!added.isEmpty()) {
                told.add(new Told(IncidentEvent.SPREAD, added, digestOf(added, "")));
            }
            List<IncidentEvent.Customer> gone = before.customers().stream()
                    .filter(c -> !current.containsKey(c.tenantId())).toList();
            if (!gone.isEmpty()) {
                told.add(new Told(IncidentEvent.RECEDE, sorted(gone), digestOf(gone, "")));
            }
            changes.add(new Change(issue, told));
            after.put(e.getKey(), new KnownIssue(issue, all, before.changes() + told.size()));
        }
        for (Map.Entry<String, KnownIssue> e : known.entrySet()) {
            if (latest.containsKey(e.getKey())) {
                continue;
            }
            KnownIssue before = e.getValue();
            if (!inScope.test(before.issue())) {
                after.put(e.getKey(), before);
                continue;
            }
            List<IncidentEvent.Customer> maybe = before.customers().stream()
                    .filter(c -> unread.contains(c.tenantId())).toList();
            if (maybe.size() == before.customers().size()) {
                after.put(e.getKey(), before); // every customer it hit could not be read: nothing is known
                continue;
            }
            List<IncidentEvent.Customer> gone = before.customers().stream()
                    .filter(c -> !unread.contains(c.tenantId())).toList();
            if (!maybe.isEmpty()) {
                changes.add(new Change(before.issue(), List.of(new Told(IncidentEvent.RECEDE, sorted(gone),
                        digestOf(gone, "")))));
                after.put(e.getKey(), new KnownIssue(before.issue(), maybe, before.changes() + 1));
                continue;
            }
            ServiceHealthIssue end = last.apply(e.getKey(), before.customers());
            IncidentEvent.Issue issue = end != null && end.id() != null ? issue(end) : before.issue();
            changes.add(new Change(issue, List.of(new Told(IncidentEvent.RESOLVED, before.customers(),
                    digestOf(before.customers(), "")))));
        }
        changes.sort(Comparator.comparing(Change::issue, ORDER));
        List<IncidentEvent> events = new ArrayList<>();
        for (Change c : changes) {
            String id = c.issue().id().toUpperCase(Locale.ROOT);
            KnownIssue was = known.get(id);
            int n = was == null ? 0 : was.changes();
            KnownIssue now1 = after.get(id);
            int count = now1 == null ? 0 : now1.customers().size();
            for (Told t : c.told()) {
                n++;
                String key = id + "/" + n + "/" + t.type() + "/" + t.digest();
                events.add(new IncidentEvent(key, t.type(), at, c.issue(), t.customers(), count));
            }
        }
        return new Derived(events, after);
    }

    private record Told(String type, List<IncidentEvent.Customer> customers, String digest) {
    }

    private record Change(IncidentEvent.Issue issue, List<Told> told) {
    }

    /** The event's view of Graph's issue: its own fields, as sent. */
    public static IncidentEvent.Issue issue(ServiceHealthIssue i) {
        return new IncidentEvent.Issue(i.id(), i.service(), i.classification(), i.status(), i.title(),
                i.startDateTime(), i.lastModifiedDateTime());
    }

    /** Of two tenants' copies of one issue, the one modified last (the first when that cannot be told). */
    private static ServiceHealthIssue later(ServiceHealthIssue a, ServiceHealthIssue b) {
        Instant ta = a.lastModified();
        Instant tb = b.lastModified();
        return ta != null && tb != null && tb.isAfter(ta) || ta == null && tb != null ? b : a;
    }

    /** Status or class changed, or the last-modified time moved on (a new post). */
    static boolean updated(IncidentEvent.Issue before, IncidentEvent.Issue now) {
        if (!HealthEnums.same(before.status(), now.status())
                || !HealthEnums.same(before.classification(), now.classification())) {
            return true;
        }
        ApiDate was = ApiDate.parse(before.lastModifiedDateTime());
        ApiDate is = ApiDate.parse(now.lastModifiedDateTime());
        if (was != null && is != null) {
            return is.instant().isAfter(was.instant());
        }
        return is != null && was == null;
    }

    private static List<IncidentEvent.Customer> sorted(Collection<IncidentEvent.Customer> customers) {
        return customers.stream().sorted(BY_NAME).toList();
    }

    /** Eight hex digits of SHA-256 over the customers' tenant ids, sorted, and {@code extra}. */
    static String digestOf(List<IncidentEvent.Customer> customers, String extra) {
        String text = String.join(",", customers.stream().map(c -> String.valueOf(c.tenantId()).toLowerCase(Locale.ROOT))
                .sorted().toList()) + "|" + extra;
        return Digest.sha256(text, 4);
    }
}
