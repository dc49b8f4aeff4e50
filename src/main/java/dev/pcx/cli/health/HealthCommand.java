package dev.pcx.cli.health;

import dev.pcx.api.model.ServiceHealth;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.output.Column;
import dev.pcx.output.Output;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code pcx health [-c <customer>]}: the services of a tenant and their active issues. */
@Command(name = "health",
        header = "Check the health of the services of a customer, or of your own tenant.",
        description = {
            "Reads Microsoft Graph's service health (healthOverviews, issues) in the customer's tenant, "
                    + "as the signed-in person through delegated admin, in both clouds: it needs app+user "
                    + "credentials (a refresh token), the application consented in the customer's tenant, "
                    + "and an admin role there.",
            "Lists the services and their status, then the active issues, worst first, times in the local time "
                    + "zone (TZ). JSON keeps Graph's shape: the services with their issues nested, field names and "
                    + "values as Graph sent them. CSV and TSV give one row per service and issue (a service with "
                    + "none, one row), times ISO-8601 UTC.",
            "--fail-on makes it a gate: exit 7 when an active issue of that class or worse exists."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox health",
            "  pcx --sandbox health -c contoso.partner.onmschina.cn --all",
            "  pcx --sandbox health -c 北京云创 --service teams -o json",
            "  pcx --sandbox health -o csv > health.csv",
            "  pcx --sandbox health -c contoso.partner.onmschina.cn \\",
            "      --fail-on incident || echo 'known incident'"
        })
public final class HealthCommand implements Callable<Integer> {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final List<Map.Entry<String, Class<?>>> VERBS = List.of(
            Map.entry("show", HealthShow.class),
            Map.entry("watch", HealthWatch.class),
            Map.entry("affected", HealthAffected.class),
            Map.entry("events", HealthEvents.class));

    private final Context context;

    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--all", description = "Include resolved issues")
    boolean all;

    @Option(names = "--service", paramLabel = "NAME", description = "Only this service: its id, or the start of its name or of a word in it")
    String service;

    @Mixin
    FailOnOption failOn;

    HealthCommand(Context context) {
        this.context = context;
    }

    /** A service and one of its issues (or none), a row of {@code -o csv|tsv}. */
    record ServiceIssue(ServiceHealth service, ServiceHealthIssue issue) {
        String of(Function<ServiceHealthIssue, String> field) {
            return issue == null ? null : field.apply(issue);
        }
    }

    /** {@code -o csv|tsv}: Graph's values as sent, times ISO-8601 UTC. */
    static final List<Column<ServiceIssue>> SERVICE_ISSUES = List.of(
            Column.of("Service", r -> r.service().name()),
            Column.of("Service id", r -> r.service().id()),
            Column.of("Service status", r -> r.service().status()),
            Column.of("Issue", r -> r.of(ServiceHealthIssue::id)),
            Column.of("Class", r -> r.of(ServiceHealthIssue::classification)),
            Column.of("Status", r -> r.of(ServiceHealthIssue::status)),
            Column.of("Title", r -> r.of(ServiceHealthIssue::title)),
            Column.of("Start", r -> r.of(ServiceHealthIssue::startDateTime)),
            Column.of("Last update", r -> r.of(ServiceHealthIssue::lastModifiedDateTime)),
            Column.of("Resolved", r -> r.issue() == null ? null : String.valueOf(r.issue().resolved())));

    @Override
    public Integer call() {
        String gate = failOn.value();
        Output output = context.output();
        GraphAccess access = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        Tenant t = Tenant.of(context, customer.customer);
        List<ServiceHealth> every;
        try {
            every = HealthReport.services(access.health(t.id(), t.label()).healthOverviews(), all, null);
        } catch (RuntimeException e) {
            throw access.explain(e, t.id(), t.label());
        }
        List<ServiceHealth> services = every.stream().filter(s -> HealthReport.isService(service, s.id(), s.service()))
                .toList();
        if (services.isEmpty() && service != null) {
            throw ServiceCheck.unknownService(service, t.label(), every.stream().map(ServiceHealth::service).toList(),
                    null);
        }
        List<ServiceHealthIssue> issues = HealthReport.issues(services);
        if (output.forPeople()) {
            // a person reads the services, then the issues; a script gets Graph's own shape below
            RecordPrinter<ServiceHealth> table = output.list(HealthReport.SERVICES);
            services.forEach(table::print);
            table.finish();
            if (!issues.isEmpty()) {
                context.io().out().println();
                RecordPrinter<ServiceHealthIssue> issueTable = output.list(HealthReport.ISSUES);
                issues.forEach(issueTable::print);
                issueTable.finish();
            } else if (context.io().stderrTty()) {
                context.session().say("no " + (all ? "" : "active ") + "issues");
            }
        } else if (output.delimited()) {
            // a spreadsheet gets the issues, the point of the check: one row per service and issue
            // (a service without one, one row with its issue fields empty)
            RecordPrinter<ServiceIssue> printer = output.list(SERVICE_ISSUES);
            for (ServiceHealth s : services) {
                if (s.issues().isEmpty()) {
                    printer.print(new ServiceIssue(s, null));
                }
                s.issues().forEach(i -> printer.print(new ServiceIssue(s, i)));
            }
            printer.finish();
        } else {
            RecordPrinter<ServiceHealth> printer = output.list(HealthReport.SERVICES);
            services.forEach(printer::print);
            printer.finish();
        }
        if (HealthReport.trips(issues, gate)) {
            long hits = issues.stream().filter(i -> HealthReport.trips(List.of(i), gate)).count();
            context.session().fail("health gate: " + hits + " active issue(s) of class " + gate + " or worse in " + t.label());
            return ExitCode.GATE;
        }
        return ExitCode.OK;
    }
}
