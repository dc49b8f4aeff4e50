package dev.pcx.cli.health;

import dev.pcx.api.model.ServiceHealth;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.GraphAccess;
import dev.pcx.output.Column;

import java.util.List;

/**
 * The health check of one service in one tenant, for other nouns ({@code tickets escalate}): the
 * active issues that cover it, or why it could not be checked, said as {@code pcx health} says it.
 */
public final class ServiceCheck {
    /**
     * What the check found: the services named, their active issues (worst first), the names of
     * every service the tenant has (to say what a name that matched none could have been), or the
     * failure.
     */
    public record Result(List<ServiceHealth> services, List<ServiceHealthIssue> activeIssues, List<String> known,
                         RuntimeException failure) {
        public boolean checked() {
            return failure == null;
        }
    }

    /** The issues table of {@code pcx health}. */
    public static final List<Column<ServiceHealthIssue>> ISSUES = HealthReport.ISSUES;

    private ServiceCheck() {
    }

    /** Checks {@code service} in {@code tenantId} ({@code label} names it); a failure is returned, not thrown. */
    public static Result check(Context context, String tenantId, String label, String service) {
        GraphAccess access;
        try {
            access = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        } catch (RuntimeException e) {
            return new Result(List.of(), List.of(), List.of(), e);
        }
        try {
            List<ServiceHealth> all = HealthReport.services(access.health(tenantId, label).healthOverviews(), false, null);
            List<ServiceHealth> services = all.stream()
                    .filter(s -> HealthReport.isService(service, s.id(), s.service())).toList();
            return new Result(services, HealthReport.issues(services), all.stream().map(ServiceHealth::service).toList(),
                    null);
        } catch (RuntimeException e) {
            return new Result(List.of(), List.of(), List.of(), access.explain(e, tenantId, label));
        }
    }

    /**
     * The usage error (exit 2) of a {@code --service} no service of {@code where} has, naming the
     * services it has: said before any result, so a typo never reads as "nothing is wrong".
     */
    public static CliException unknownService(String service, String where, List<String> known, String otherwise) {
        return CliException.usage("no service of " + where + " is named '" + service.trim() + "' (its "
                + "services: " + String.join(", ", known) + "); give its id or the start of a word of its name"
                + (otherwise == null ? "" : ", or " + otherwise));
    }

    /** Whether {@code wanted} names a service or offer called {@code name} (its id, or the start of a word in it). */
    public static boolean names(String wanted, String name) {
        return HealthReport.isService(wanted, null, name);
    }

    /** {@code 2026-11-17 04:00}, or what the service sent. */
    public static String when(ServiceHealthIssue i) {
        return HealthReport.when(i.start(), i.startDateTime());
    }
}
