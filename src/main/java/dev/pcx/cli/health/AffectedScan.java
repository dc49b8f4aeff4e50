package dev.pcx.cli.health;

import dev.pcx.api.model.Customer;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.output.RecordPrinter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's active issues, as {@code health affected} checks each customer; a customer that
 * cannot be checked is {@code unknown} with the reason, never dropped. With {@code --issue}, each
 * tenant's issues are read resolved ones included, so that an id no tenant lists (a typo) is told
 * apart from an issue that is resolved, or hits none of the customers.
 */
final class AffectedScan {
    private final GraphAccess access;
    private final String service;
    private final IssueId issue;

    AffectedScan(GraphAccess access, String service, IssueId issue) {
        this.access = access;
        this.service = service;
        this.issue = issue;
    }

    /**
     * One customer's row; with {@code --issue}, whether its tenant lists that issue at all (active
     * or resolved), and the ids of the issues active there.
     */
    record Outcome(CustomerHealth row, boolean listsIssue, List<String> active) {
    }

    Outcome check(Customer c) {
        return access.once(c.tenantId(), () -> outcome(c));
    }

    private Outcome outcome(Customer c) {
        String id = c.tenantId();
        String name = ResolvedCustomer.of(c).label();
        try {
            List<ServiceHealthIssue> hits = new ArrayList<>();
            List<String> active = new ArrayList<>();
            boolean[] lists = {false};
            access.health(id, name).issues(issue == null).oneAtATime().forEach(-1, i -> {
                lists[0] |= issue != null && issue.is(i.id());
                if (!i.resolved()) {
                    if (issue != null) {
                        active.add(i.id());
                    }
                    if (HealthReport.isService(service, null, i.service()) && (issue == null || issue.is(i.id()))) {
                        hits.add(i);
                    }
                }
            });
            hits.sort(HealthReport.WORST_FIRST);
            return new Outcome(new CustomerHealth(id, c.companyName(), c.domain(),
                    hits.isEmpty() ? CustomerHealth.CLEAR : CustomerHealth.AFFECTED, hits, null), lists[0], active);
        } catch (RuntimeException e) {
            return new Outcome(new CustomerHealth(id, c.companyName(), c.domain(), CustomerHealth.UNKNOWN, null,
                    access.reason(e, id, name)), false, List.of());
        }
    }

    /**
     * The rows shown, counted as they arrive (under the printer's lock). With {@code --issue}, a
     * customer is said {@code clear} only once some tenant lists the issue: until then those rows
     * are held back, and when no tenant lists it they are never shown, so a mistyped id never
     * reads as every customer clear. {@code unknown} rows are shown at once.
     */
    static final class Tally {
        private final RecordPrinter<CustomerHealth> printer;
        private final String gate;
        private final IssueId issue;
        private final List<CustomerHealth> held = new ArrayList<>();
        private final Map<String, Integer> activeElsewhere = new HashMap<>();
        private boolean listed;
        private boolean tripped;
        private int affected;
        private int clear;
        private int unknown;

        Tally(RecordPrinter<CustomerHealth> printer, String gate, IssueId issue) {
            this.printer = printer;
            this.gate = gate;
            this.issue = issue;
            this.listed = issue == null;
        }

        void show(Outcome o) {
            if (!listed && o.listsIssue()) {
                listed = true;
                held.forEach(this::print);
                held.clear();
            }
            if (!listed && CustomerHealth.CLEAR.equals(o.row().status())) {
                held.add(o.row());
                o.active().forEach(id -> activeElsewhere.merge(id, 1, Integer::sum));
                return;
            }
            print(o.row());
        }

        private void print(CustomerHealth row) {
            printer.print(row);
            if (CustomerHealth.AFFECTED.equals(row.status())) {
                affected++;
                tripped |= HealthReport.trips(row.issues(), gate);
            } else if (CustomerHealth.UNKNOWN.equals(row.status())) {
                unknown++;
            } else {
                clear++;
            }
        }

        /** {@code 3 affected, 1990 clear, 7 could not be checked}; the customers held back when no tenant lists --issue. */
        String detail() {
            return listed ? affected + " affected, " + clear + " clear, " + unknown + " could not be checked"
                    : held.size() + " with no issue " + issue + ", " + unknown + " could not be checked";
        }

        /** Whether --issue was given and no tenant read so far lists it. */
        boolean issueUnlisted() {
            return !listed;
        }

        boolean tripped() {
            return tripped;
        }

        int affected() {
            return affected;
        }

        int unknown() {
            return unknown;
        }

        /**
         * What a --issue no tenant lists is: {@code no customer's tenant lists an issue EX9, active or
         * resolved (active there: EX1, TM2)}, with the issues active in the tenants read, those in the
         * most tenants first (at most ten).
         */
        String unlisted() {
            List<String> active = activeElsewhere.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(10).map(Map.Entry::getKey).toList();
            return "no customer's tenant" + (unknown > 0 ? " that could be read" : "") + " lists an issue " + issue
                    + ", active or resolved (" + (active.isEmpty() ? "none is active there"
                    : "active there: " + String.join(", ", active)) + ")";
        }
    }
}
