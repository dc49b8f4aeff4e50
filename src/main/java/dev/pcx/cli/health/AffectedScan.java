package dev.pcx.cli.health;

import dev.pcx.api.model.Customer;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.Errors;
import dev.pcx.output.RecordPrinter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One customer's active issues, as {@code health affected} checks each customer; a customer that
 * cannot be checked is {@code unknown} with the reason, never dropped.
 */
final class AffectedScan {
    private final HealthAccess access;
    private final Predicate<ServiceHealthIssue> wanted;

    AffectedScan(HealthAccess access, Predicate<ServiceHealthIssue> wanted) {
        this.access = access;
        this.wanted = wanted;
    }

    CustomerHealth check(Customer c) {
        String id = c.tenantId();
        String name = c.companyName() != null ? c.companyName() : id;
        try {
            List<ServiceHealthIssue> hits = new ArrayList<>();
            access.tenant(id, name).issues(true).oneAtATime().forEach(-1, i -> {
                if (!i.resolved() && wanted.test(i)) {
                    hits.add(i);
                }
            });
            hits.sort(HealthReport.WORST_FIRST);
            return new CustomerHealth(id, c.companyName(), c.domain(),
                    hits.isEmpty() ? CustomerHealth.CLEAR : CustomerHealth.AFFECTED, hits, null);
        } catch (RuntimeException e) {
            return new CustomerHealth(id, c.companyName(), c.domain(), CustomerHealth.UNKNOWN, null,
                    Errors.classify(access.explain(e, id, name)).message());
        }
    }

    /** The rows shown, counted as they arrive (under the printer's lock). */
    static final class Tally {
        private final RecordPrinter<CustomerHealth> printer;
        private final String gate;
        private boolean tripped;
        private int affected;
        private int clear;
        private int unknown;

        Tally(RecordPrinter<CustomerHealth> printer, String gate) {
            this.printer = printer;
            this.gate = gate;
        }

        void show(CustomerHealth row) {
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

        /** {@code 3 affected, 1990 clear, 7 could not be checked}. */
        String detail() {
            return affected + " affected, " + clear + " clear, " + unknown + " could not be checked";
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
    }
}
