package dev.pcx.cli.health;

import dev.pcx.api.model.Customer;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.Errors;
import dev.pcx.cli.FanOut;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every customer's active issues, at most {@code parallel} customers at a time, each result handed
 * on as soon as it is known. A customer that cannot be checked is reported {@code unknown} with the
 * reason, never dropped; throttling is waited out by the shared retry gate, so it slows the scan
 * down without failing it.
 */
final class AffectedScan {
    private final HealthAccess access;
    private final int parallel;
    private final Predicate<ServiceHealthIssue> wanted;

    AffectedScan(HealthAccess access, int parallel, Predicate<ServiceHealthIssue> wanted) {
        this.access = access;
        this.parallel = parallel;
        this.wanted = wanted;
    }

    /**
     * Checks {@code customers}, giving each result to {@code sink} on the calling thread, in the order
     * they finish; when {@code sink} answers false (the reader of the output has gone), the rest are
     * not checked.
     */
    void run(List<Customer> customers, Predicate<CustomerHealth> sink) throws InterruptedException {
        FanOut.run(customers, parallel, "pcx-health", this::check, sink);
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
}
