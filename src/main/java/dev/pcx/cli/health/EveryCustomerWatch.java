package dev.pcx.cli.health;

import dev.pcx.api.model.Customer;
import dev.pcx.api.model.HealthEnums;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.Errors;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.FanOut;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.notify.Destination;
import dev.pcx.notify.IncidentEvent;
import dev.pcx.notify.KnownIssue;
import dev.pcx.notify.Ledger;
import dev.pcx.notify.Notifier;
import dev.pcx.notify.TenantLook;
import dev.pcx.output.Column;
import dev.pcx.output.Output;
import dev.pcx.output.OutputFormat;
import dev.pcx.output.Times;
import dev.pcx.output.RecordPrinter;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * {@code pcx health watch --all-customers}: every customer's tenant polled (the fan-out), what
 * changed recorded in the desk ledger as incident events grouped by issue, and delivered to each
 * destination once ({@link Notifier}). On a terminal a view redrawn in place; piped, one JSON line
 * per event. {@code --once} is one round, for cron.
 */
final class EveryCustomerWatch {
    private static final FanOut.Label CHECKED = new FanOut.Label("customers", "checked");
    /** Issues the terminal's view lists, the worst: with five changes under them it fits 24 rows. */
    private static final int VIEW_ISSUES = 8;
    /** Customers named when some could not be checked. */
    private static final int NAMED = 5;

    static final List<Column<IncidentEvent>> COLUMNS = List.of(
            Column.of("Time", (IncidentEvent e) -> e.at()).shown(e -> Times.seconds(e.at())),
            Column.of("Event", IncidentEvent::type),
            Column.of("Id", e -> e.issue().id()),
            Column.<IncidentEvent>of("Service", e -> e.issue().service()).optional(2),
            Column.<IncidentEvent>of("Class", e -> e.issue().classification()).optional(1),
            Column.of("Status", (IncidentEvent e) -> e.issue().status()).shown(e -> HealthReport.shownStatus(e.issue().status())),
            Column.of("Hit", e -> String.valueOf(e.customersCount())),
            Column.shrinking("Customers", e -> names(e.customers(), 3)),
            Column.below("Title", e -> e.issue().title()),
            Column.<IncidentEvent>of("Key", IncidentEvent::key).optional(3));

    /** The issues of the view: the worst class first, then the worse status, then those that hit more customers. */
    static final Comparator<KnownIssue> WORST_FIRST = Comparator
            .comparing((KnownIssue k) -> -HealthEnums.severity(k.issue().classification()))
            .thenComparing(k -> HealthEnums.statusRank(k.issue().status()))
            .thenComparing(k -> -k.customers().size())
            .thenComparing(k -> String.valueOf(k.issue().id()));

    static final List<Column<KnownIssue>> ISSUES = List.of(
            Column.of("Id", k -> k.issue().id()),
            Column.<KnownIssue>of("Service", k -> k.issue().service()).optional(2),
            Column.<KnownIssue>of("Class", k -> k.issue().classification()).optional(1),
            Column.of("Status", k -> HealthReport.shownStatus(k.issue().status())),
            Column.of("Hit", k -> String.valueOf(k.customers().size())),
            Column.shrinking("Title", k -> k.issue().title()));

    /** What the command line asked for. */
    record Settings(Duration interval, boolean once, String service, String classification, String failOn,
                    int parallel, boolean notifyExisting, List<Destination> destinations, Ledger ledger) {
    }

    private final Context context;
    private final Settings settings;
    private String unknownSaid;

    EveryCustomerWatch(Context context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    Integer run() throws InterruptedException {
        GraphAccess access = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        boolean terminal = context.io().stdoutTty();
        Output output = context.output(terminal ? OutputFormat.TABLE : OutputFormat.JSONL);
        PrintStream out = context.io().out();
        LiveView view = output.forPeople() && terminal && !settings.once()
                ? new LiveView(out, output.terminalWidth(), output.color(), settings.interval(), 5, false) : null;
        RecordPrinter<IncidentEvent> printer = view == null ? output.list(COLUMNS) : null;
        Predicate<IncidentEvent.Issue> scope = i -> inScope(i.service(), i.classification());
        Notifier notifier = new Notifier(settings.ledger(), settings.destinations(), scope, settings.notifyExisting(),
                context.session().clock(), context.session()::say);
        boolean checked = settings.service() == null;
        try {
            while (true) {
                Instant started = context.session().clock().instant();
                List<Customer> customers;
                List<TenantLook> looks;
                Notifier.Round round;
                try {
                    customers = new CustomerResolver(context).every();
                    if (!checked) {
                        HealthAffected.checkServiceName(access, customers, settings.service()); // a typo watches nothing
                        checked = true;
                    }
                    looks = poll(access, customers);
                    round = notifier.round(started, looks, (id, hit) -> last(access, id, hit));
                } catch (RuntimeException e) {
                    if (settings.once() || Errors.classify(e).code() != ExitCode.UNAVAILABLE) {
                        throw e;
                    }
                    // throttled or unreachable: said, and tried again at the next interval
                    String said = Errors.classify(e).message() + "; polling again in " + settings.interval().toSeconds() + " s";
                    if (view != null) {
                        view.problem(said);
                    } else {
                        context.session().say(said);
                    }
                    context.session().sleeper().sleep(settings.interval());
                    continue;
                }
                List<TenantLook> unknown = looks.stream().filter(l -> !l.readable()).toList();
                // the first run's events are what was already going on: recorded, not told (stdout included)
                List<IncidentEvent> told = round.baseline() ? List.of() : round.events();
                String first = !round.baseline() ? null : "first run with " + settings.ledger().file() + ": "
                        + round.events().size() + " issue" + (round.events().size() == 1 ? "" : "s")
                        + " already active recorded, nobody told; changes from now on are delivered "
                        + "(--notify-existing delivers these too; see them with: " + context.pcx("health events") + ")";
                if (view != null) {
                    told.forEach(e -> view.change(changeLine(e)));
                    List<String> notes = new ArrayList<>();
                    if (!unknown.isEmpty()) {
                        notes.add(unknownLine(unknown, customers.size()));
                    }
                    if (first != null) {
                        notes.add(first);
                    }
                    round.failed().forEach(f -> notes.add(f.describe()));
                    List<KnownIssue> active = round.known().values().stream().filter(k -> inScope(k.issue().service(),
                            k.issue().classification())).sorted(WORST_FIRST).toList();
                    List<String> body = new ArrayList<>(view.table(active.stream().limit(VIEW_ISSUES).toList(), ISSUES,
                            "No active issues hit your customers."));
                    if (active.size() > VIEW_ISSUES) {
                        body.add("... and " + (active.size() - VIEW_ISSUES) + " more (-o jsonl prints every event)");
                    }
                    view.draw("Incidents across " + customers.size() + " customers", notes, body,
                            context.session().clock().instant(), true);
                } else {
                    told.forEach(printer::print);
                    printer.flush();
                    sayUnknown(unknown, customers.size());
                    if (first != null) {
                        context.session().say(first);
                    }
                    round.failed().forEach(f -> context.session().fail(f.describe()));
                }
                long hit = hitBy(round.known().values());
                if (out.checkError()) {
                    return ExitCode.OK; // 'pcx health watch --all-customers | head': the reader has gone
                }
                if (hit > 0) {
                    context.session().fail("health gate: an active issue of class " + settings.failOn()
                            + " or worse hits " + hit + " customer(s)");
                    return ExitCode.GATE;
                }
                if (settings.once()) {
                    return round.allDelivered() ? ExitCode.OK : ExitCode.UNAVAILABLE;
                }
                context.session().sleeper().sleep(settings.interval());
            }
        } catch (Notifier.Interrupted e) {
            throw new InterruptedException("interrupted while delivering");
        } finally {
            if (printer != null) {
                printer.finish();
            }
        }
    }

    /** Every customer's tenant, --parallel at a time; one that cannot be read is a look with the reason. */
    private List<TenantLook> poll(GraphAccess access, List<Customer> customers) throws InterruptedException {
        List<TenantLook> looks = new ArrayList<>(customers.size());
        FanOut.over(customers, CHECKED, settings.parallel(), "pcx-watch").run(c -> access.once(c.tenantId(),
                () -> look(access, c)), look -> {
                    looks.add(look);
                    context.session().progress().update(CHECKED.progress(looks.size(), customers.size()));
                    return true;
                });
        context.session().progress().clear();
        looks.sort(Comparator.comparing((TenantLook l) -> String.valueOf(l.customer().companyName()))
                .thenComparing(l -> l.customer().tenantId())); // in the customers' order, not the order they finished
        return looks;
    }

    private TenantLook look(GraphAccess access, Customer c) {
        String name = ResolvedCustomer.of(c).label();
        IncidentEvent.Customer who = new IncidentEvent.Customer(c.tenantId(), c.companyName(), c.domain());
        try {
            List<ServiceHealthIssue> active = new ArrayList<>();
            access.health(c.tenantId(), name).issues(true).oneAtATime().forEach(-1, i -> {
                if (!i.resolved() && inScope(i.service(), i.classification())) {
                    active.add(i);
                }
            });
            return TenantLook.read(who, active);
        } catch (RuntimeException e) {
            return TenantLook.unknown(who, access.reason(e, c.tenantId(), name));
        }
    }

    /** The final state of an issue no tenant lists as active any more, from a customer it last hit. */
    private static ServiceHealthIssue last(GraphAccess access, String id, List<IncidentEvent.Customer> hit) {
        for (IncidentEvent.Customer c : hit.stream().limit(3).toList()) {
            try {
                return access.once(c.tenantId(), () -> access.health(c.tenantId(), String.valueOf(c.companyName())).issue(id));
            } catch (RuntimeException unreadable) {
                // the next customer may say
            }
        }
        return null;
    }

    private boolean inScope(String service, String classification) {
        if (!HealthReport.isService(settings.service(), null, service)) {
            return false;
        }
        return settings.classification() == null
                || settings.classification().equals(HealthEnums.classification(String.valueOf(classification)));
    }

    /** How many customers the issues of the gate's class or worse hit: the gate trips when any. */
    private long hitBy(Collection<KnownIssue> known) {
        if (settings.failOn() == null) {
            return 0;
        }
        int threshold = HealthEnums.severity(settings.failOn());
        return known.stream().filter(k -> inScope(k.issue().service(), k.issue().classification())
                        && HealthEnums.severity(k.issue().classification()) >= threshold)
                .flatMap(k -> k.customers().stream()).map(IncidentEvent.Customer::tenantId).distinct().count();
    }

    /** Customers that could not be checked, named on stderr when that changes (never taken as clear). */
    private void sayUnknown(List<TenantLook> unknown, int of) {
        String said = unknown.isEmpty() ? null : unknownLine(unknown, of);
        if (said != null && !said.equals(unknownSaid)) {
            context.session().say(said + "; see why with: " + context.pcx("customers access"));
        }
        unknownSaid = said;
    }

    /** {@code 3 of 2000 customers could not be checked, and are not taken as clear: A, B, C}. */
    static String unknownLine(List<TenantLook> unknown, int of) {
        return unknown.size() + " of " + of + " customers could not be checked, and are not taken as clear: "
                + names(unknown.stream().map(TenantLook::customer).toList(), NAMED);
    }

    /** The first {@code n} customers' names, then how many more. */
    static String names(List<IncidentEvent.Customer> customers, int n) {
        List<String> names = customers.stream().limit(n).map(c -> c.companyName() != null ? c.companyName()
                : c.domain() != null ? c.domain() : c.tenantId()).toList();
        String more = customers.size() > n ? " and " + (customers.size() - n) + " more" : "";
        return String.join(", ", names) + more;
    }

    /** An event under the view: {@code 10:05:00 UTC  spread  EX1  Investigating  +2 (5): A, B  Mail is delayed}. */
    static String changeLine(IncidentEvent e) {
        String who = switch (e.type()) {
            case IncidentEvent.SPREAD -> "+" + e.customers().size() + " (" + e.customersCount() + "): ";
            case IncidentEvent.RECEDE -> "-" + e.customers().size() + " (" + e.customersCount() + "): ";
            case IncidentEvent.RESOLVED -> "was hitting " + e.customers().size() + ": ";
            default -> e.customersCount() + " customer" + (e.customersCount() == 1 ? "" : "s") + ": ";
        };
        String when = Times.seconds(e.at());
        // the view's title has the day: a change's line keeps its time, to leave room for the customers
        when = when != null && when.length() > 11 && when.charAt(10) == ' ' ? when.substring(11) : when;
        return String.join("  ", when, e.type(), String.valueOf(e.issue().id()),
                HealthReport.shownStatus(e.issue().status()), who + names(e.customers(), 3),
                String.valueOf(e.issue().title()));
    }
}
