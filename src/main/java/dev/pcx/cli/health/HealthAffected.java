package dev.pcx.cli.health;

import dev.pcx.api.model.Customer;
import dev.pcx.api.model.ServiceHealth;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.FanOut;
import dev.pcx.cli.ParallelOption;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.output.Column;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx health affected}: which of your customers the active issues hit. */
@Command(name = "affected",
        header = "Find which of your customers the active service-health issues hit.",
        description = {
            "Checks every customer's tenant (Microsoft Graph, as with 'pcx health -c'), --parallel at a time, and "
                    + "prints one line per customer as soon as it is known: affected (with the issues), clear, or "
                    + "unknown with the reason it could not be checked (no delegated admin, application not "
                    + "consented, no admin role, throttled...). Throttling slows the run down; it does not fail it.",
            "Exit 0 when every customer was checked; 7 with --fail-on when an issue of that class or worse hits "
                    + "one; otherwise 5 when some could not be checked. On a terminal, progress goes to stderr; "
                    + "Ctrl-C shows every result already known, then says how many customers were checked (exit 130).",
            "A --service no service has is exit 2 before any customer is checked, naming the services Graph "
                    + "lists (in your partner tenant, else in the first customer's tenant that can be read).",
            "--issue takes an id as Microsoft 365 gives it, letters then digits (EX512345): another shape is exit 2 "
                    + "before any call. Each tenant lists only its own issues, so each tenant's issues are read, resolved ones "
                    + "too, and no customer is said clear until a tenant lists that id. An id no tenant lists is exit 2 "
                    + "naming the issues active there, with no 'clear' row (5, with the 'unknown' rows, when some "
                    + "tenants could not be read); an issue that is resolved everywhere leaves every customer clear."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox health affected          # exit 5: some customers refuse",
            "  pcx --sandbox health affected --service exchange -o jsonl       # exit 5",
            "  pcx --sandbox health affected --issue EX512345 -o jsonl \\",
            "      --jq 'select(.status == \"affected\") | .domain'             # exit 5",
            "  pcx --sandbox health affected --parallel 16 --fail-on incident  # exit 7"
        })
final class HealthAffected implements Callable<Integer> {
    /** Customers' tenants tried for the list of services when your partner tenant's cannot be read. */
    private static final int SERVICE_SOURCES = 5;
    private static final FanOut.Label CHECKED = new FanOut.Label("customers", "checked");
    private final Context context;

    @Option(names = "--service", paramLabel = "NAME", description = "Only issues of this service: its id, or the start of a word of its name")
    String service;

    @Option(names = "--issue", paramLabel = "ID", converter = IssueId.Converter.class,
            description = "Only this issue: its id as Microsoft 365 gives it, letters then digits (EX512345)")
    IssueId issue;

    @Mixin
    ParallelOption parallel;

    @Mixin
    FailOnOption failOn;

    HealthAffected(Context context) {
        this.context = context;
    }

    static final List<Column<CustomerHealth>> COLUMNS = List.of(
            Column.shrinking("Customer", CustomerHealth::companyName),
            Column.<CustomerHealth>of("Domain", CustomerHealth::domain).optional(2),
            Column.of("Status", CustomerHealth::status),
            Column.of("Issues", c -> c.issues() == null || c.issues().isEmpty() ? null
                    : String.join(" ", c.issues().stream().map(ServiceHealthIssue::id).toList())),
            Column.below("Reason", CustomerHealth::reason),
            Column.<CustomerHealth>of("Tenant id", CustomerHealth::tenantId).optional(3));

    @Override
    public Integer call() throws InterruptedException {
        String gate = failOn.value();
        int atOnce = parallel.value();
        var output = context.output();
        GraphAccess access = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        List<Customer> customers = new CustomerResolver(context).every();
        if (service != null) {
            checkServiceName(access, customers, service);
        }
        RecordPrinter<CustomerHealth> printer = output.list(COLUMNS);
        AffectedScan scan = new AffectedScan(access, service, issue);
        AffectedScan.Tally tally = new AffectedScan.Tally(printer, gate, issue);
        FanOut.Outcomes done = FanOut.over(customers, CHECKED, atOnce, "pcx-health")
                .stream(context, printer, scan::check, tally::show, tally::detail);
        boolean unlisted = tally.issueUnlisted() && done.complete() && !customers.isEmpty();
        if (!unlisted || tally.unknown() > 0) {
            printer.finish(); // a mistyped --issue, every tenant read: no row at all, as for any usage error
        }
        context.session().say(done.summary(tally.detail()));
        if (tally.tripped()) {
            context.session().fail("health gate: " + tally.affected() + " customer" + (tally.affected() == 1 ? " is" : "s are")
                    + " hit by an active issue of class " + gate + " or worse");
            return ExitCode.GATE;
        }
        if (unlisted) {
            String message = tally.unlisted() + "; see a customer's issues with: "
                    + context.pcx("health -c <customer> --all");
            if (tally.unknown() == 0) {
                throw CliException.usage(message);
            }
            context.session().fail(message);
        }
        if (tally.unknown() > 0) {
            context.session().fail(tally.unknown() + " customer" + (tally.unknown() == 1 ? "" : "s") + " could not be checked: "
                    + "the reason is in each 'unknown' row");
            return ExitCode.REFUSED;
        }
        return ExitCode.OK;
    }

    /**
     * Before any customer is checked: a {@code --service} no service has is a usage error (exit 2)
     * naming the services there are, so a typo never passes as every customer "clear". Decided, as
     * {@code health --service} decides it, from the services Graph lists in your partner tenant,
     * else in the first customer's tenant that can be read (at most a few tried); when none can be,
     * the scan says in each row why.
     */
    static void checkServiceName(GraphAccess access, List<Customer> customers, String service) {
        List<Tenant> tenants = new ArrayList<>();
        tenants.add(new Tenant(null, "your partner tenant"));
        customers.stream().limit(SERVICE_SOURCES).forEach(c -> tenants.add(new Tenant(c.tenantId(),
                ResolvedCustomer.of(c).label())));
        for (Tenant t : tenants) {
            List<ServiceHealth> services;
            try {
                services = HealthReport.services(access.health(t.id(), t.label()).healthOverviews(), false, null);
            } catch (RuntimeException unreadable) {
                continue; // the next tenant may say it
            }
            if (services.stream().noneMatch(s -> HealthReport.isService(service, s.id(), s.service()))) {
                throw ServiceCheck.unknownService(service, t.label(),
                        services.stream().map(ServiceHealth::service).toList(), null);
            }
            return;
        }
    }
}
