package dev.pcx.cli.health;

import dev.pcx.api.Pages;
import dev.pcx.api.model.HealthEnums;
import dev.pcx.api.model.ServiceHealth;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.output.Column;
import dev.pcx.output.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What {@code pcx health} makes of Graph's answers: services and issues narrowed to what was asked
 * for and ordered worst first, the {@code --fail-on} gate, and how both are shown.
 */
final class HealthReport {
    private HealthReport() {
    }

    /** Active before resolved, incidents before advisories, then the worse status, then the latest change. */
    static final Comparator<ServiceHealthIssue> WORST_FIRST = Comparator
            .comparing(ServiceHealthIssue::resolved)
            .thenComparing(i -> -HealthEnums.severity(i.classification()))
            .thenComparing(i -> HealthEnums.statusRank(i.status()))
            .thenComparing(ServiceHealthIssue::lastModified, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(i -> String.valueOf(i.id()));

    /** Services in trouble first (the worse status first), then by name. */
    static final Comparator<ServiceHealth> SERVICES_WORST_FIRST = Comparator
            .comparing((ServiceHealth s) -> HealthEnums.operational(s.status()))
            .thenComparing(s -> HealthEnums.statusRank(s.status()))
            .thenComparing(s -> String.valueOf(s.name()).toLowerCase(Locale.ROOT));

    /**
     * Whether {@code wanted} names the service, any case: its id, or the start of its display name
     * or of a word in it ({@code teams} is Microsoft Teams).
     */
    static boolean isService(String wanted, String id, String name) {
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        return id != null && id.toLowerCase(Locale.ROOT).equals(w)
                || name != null && (" " + name.toLowerCase(Locale.ROOT)).contains(" " + w);
    }

    /** The services of a tenant, each with its issues (only the active ones unless {@code all}), worst first. */
    static List<ServiceHealth> services(Pages<ServiceHealth> pages, boolean all, String service) {
        List<ServiceHealth> kept = new ArrayList<>();
        pages.forEach(-1, s -> {
            if (isService(service, s.id(), s.service())) {
                List<ServiceHealthIssue> issues = s.issues() == null ? List.of()
                        : s.issues().stream().filter(i -> all || !i.resolved()).sorted(WORST_FIRST).toList();
                kept.add(s.withIssues(issues));
            }
        });
        kept.sort(SERVICES_WORST_FIRST);
        return kept;
    }

    static List<ServiceHealthIssue> issues(Collection<ServiceHealth> services) {
        return services.stream().flatMap(s -> s.issues().stream()).sorted(WORST_FIRST).toList();
    }

    /** Whether an active issue of {@code failOn} ({@code advisory} or {@code incident}) or worse is among {@code issues}. */
    static boolean trips(Collection<ServiceHealthIssue> issues, String failOn) {
        if (failOn == null) {
            return false;
        }
        int threshold = HealthEnums.severity(failOn);
        return issues.stream().anyMatch(i -> !i.resolved() && HealthEnums.severity(i.classification()) >= threshold);
    }

    /** For people: local time with its zone ({@code TZ}); what Graph sent when it is not a time. */
    static String when(Instant at, String raw) {
        return at != null ? Times.minutes(at) : raw;
    }

    /**
     * A status as a table shows it: Graph sends one value in more than one casing
     * ({@code ServiceDegradation}, {@code serviceDegradation}); people see one. Machine formats keep
     * what Graph sent.
     */
    static String shownStatus(String status) {
        return status == null || status.isEmpty() ? status
                : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }

    static final List<Column<ServiceHealth>> SERVICES = List.of(
            Column.shrinking("Service", ServiceHealth::name),
            Column.of("Status", ServiceHealth::status).shown(s -> shownStatus(s.status())),
            Column.of("Issues", s -> s.issues() == null || s.issues().isEmpty() ? null
                    : String.join(" ", s.issues().stream().map(ServiceHealthIssue::id).toList())),
            Column.<ServiceHealth>of("Id", ServiceHealth::id).optional(1));

    static final List<Column<ServiceHealthIssue>> ISSUES = List.of(
            Column.<ServiceHealthIssue>of("Service", ServiceHealthIssue::service).optional(1),
            Column.of("Id", ServiceHealthIssue::id),
            Column.of("Class", ServiceHealthIssue::classification),
            Column.<ServiceHealthIssue>of("Status", ServiceHealthIssue::status).shown(i -> shownStatus(i.status()))
                    .optional(3),
            Column.wrapping("Title", ServiceHealthIssue::title),
            Column.<ServiceHealthIssue>of("Start", i -> when(i.start(), i.startDateTime())).optional(4),
            Column.<ServiceHealthIssue>of("Last update", i -> when(i.lastModified(), i.lastModifiedDateTime())).optional(2));
}
