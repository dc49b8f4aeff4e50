package dev.pcx.cli.health;

import dev.pcx.api.model.HealthEnums;
import dev.pcx.api.model.ServiceHealthIssue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What changed between two looks at a tenant's active issues: issues that appeared, whose status
 * (or class) changed, and that are gone from the active ones or say they are resolved. Statuses
 * and classes are compared whatever their casing, so {@code ServiceDegradation} after
 * {@code serviceDegradation} is no change.
 */
final class HealthChanges {
    private final Map<String, ServiceHealthIssue> known = new LinkedHashMap<>();
    private boolean started;

    /**
     * The changes {@code active} (the active issues now) brings, stamped {@code now}. The first
     * look reports every issue as {@code active}. An issue no longer listed is asked for by
     * {@code last} (its final state, or null when that cannot be had) and reported resolved.
     */
    List<HealthEvent> next(Collection<ServiceHealthIssue> active, Instant now, Function<String, ServiceHealthIssue> last) {
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<HealthEvent> events = new ArrayList<>();
        Map<String, ServiceHealthIssue> seen = new LinkedHashMap<>();
        for (ServiceHealthIssue issue : active.stream().sorted(HealthReport.WORST_FIRST).toList()) {
            if (issue.id() == null) {
                continue;
            }
            seen.put(issue.id(), issue);
            ServiceHealthIssue before = known.get(issue.id());
            if (issue.resolved()) {
                if (before != null || !started) {
                    events.add(new HealthEvent(time, HealthEvent.RESOLVED, before == null ? null : before.status(),
                            null, issue));
                }
                seen.remove(issue.id());
            } else if (before == null) {
                events.add(new HealthEvent(time, started ? HealthEvent.NEW : HealthEvent.ACTIVE, null, null, issue));
            } else if (!HealthEnums.same(before.status(), issue.status())
                    || !HealthEnums.same(before.classification(), issue.classification())) {
                events.add(new HealthEvent(time, HealthEvent.STATUS, before.status(),
                        HealthEnums.same(before.classification(), issue.classification()) ? null : before.classification(),
                        issue));
            }
        }
        for (Map.Entry<String, ServiceHealthIssue> gone : known.entrySet()) {
            if (!seen.containsKey(gone.getKey()) && active.stream().noneMatch(i -> gone.getKey().equals(i.id()))) {
                ServiceHealthIssue latest = last.apply(gone.getKey());
                events.add(new HealthEvent(time, HealthEvent.RESOLVED, gone.getValue().status(), null,
                        latest != null ? latest : gone.getValue()));
            }
        }
        known.clear();
        known.putAll(seen);
        started = true;
        return events;
    }

    /** The issues active at the last look. */
    Collection<ServiceHealthIssue> active() {
        return known.values();
    }
}
