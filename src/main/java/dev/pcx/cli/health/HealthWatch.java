package dev.pcx.cli.health;

import dev.pcx.api.ServiceAnnouncements;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.DurationConverter;
import dev.pcx.cli.Errors;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.output.Column;
import dev.pcx.output.DisplayWidth;
import dev.pcx.output.Output;
import dev.pcx.output.RecordPrinter;
import dev.pcx.output.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx health watch [-c <customer>] [--interval 1m]}: what changes in a tenant's health, as it changes. */
@Command(name = "watch",
        header = "Watch service health, of a tenant or of every customer, and tell what changes.",
        description = {
            "Looks at the active issues every --interval (1m). On a terminal, shows them in a view redrawn in "
                    + "place, with the latest changes under it; piped, or with -o, prints one line per change, with "
                    + "the time it was seen: the issues already active at the start, then new ones, status changes "
                    + "and resolved ones. Runs until Ctrl-C (exit 130). With --fail-on it stops, exit 7, as soon as an active "
                    + "issue of that class or worse exists: a script can wait for an incident, or for the all-clear "
                    + "of a gate.",
            "A look that fails because Microsoft Graph throttles or cannot be reached is reported and tried again at "
                    + "the next interval; any other failure ends the watch with its exit code. -o jsonl gives one "
                    + "object per change: time, change, previousStatus, and the issue as Graph sent it.",
            "--all-customers watches every customer's tenant (--parallel at a time, every 5m, at least 1m) and tells "
                    + "one event per change, grouped by issue: new (with the customers hit), spread and recede "
                    + "(customers added, or no longer hit), updated (status, class or a new post) and resolved. On a "
                    + "terminal a view of the issues with how many customers each hits; piped, one JSON line per event: "
                    + "key, type, at, issue (Graph's fields), customers and customersCount (how many it hits after the "
                    + "change). A customer that cannot be checked is named, and never taken as clear.",
            "Each event goes to every --exec (the event as JSON on stdin, PCX_EVENT_KEY, _TYPE, _AT, _ISSUE, _SERVICE, "
                    + "_CLASSIFICATION, _STATUS, _TITLE, _CUSTOMERS_COUNT, _TENANTS in the environment; a non-zero exit "
                    + "is tried again after 1 s and 2 s) and every --webhook, in the chat tool's own format and signing. "
                    + "Events and their delivery are kept in a ledger ($PCX_CONFIG_DIR/events/<profile>.json, or "
                    + "--state), so each reaches each destination once: a failed delivery is tried again by the next "
                    + "run, a restart sends nothing twice, and two overlapping runs do not both send. See them with "
                    + "'pcx health events'.",
            "--once is one poll, for cron: exit 0 when every event reached every destination, 6 when one did not (it "
                    + "stays pending, and the receiver's own error is on stderr), 7 with --fail-on. The first run "
                    + "records what is already going on and tells nobody (--notify-existing tells it)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox health watch -c contoso.partner.onmschina.cn \\",
            "      --fail-on incident --interval 5m          # exit 7: EX512345 is one",
            "  pcx --sandbox health watch --all-customers --once \\",
            "      --exec 'cat >> events.jsonl'",
            "",
            "  # each until Ctrl-C, or for a chat tool's webhook (its URL in a variable):",
            "  pcx --sandbox health watch -c contoso.partner.onmschina.cn",
            "  pcx --sandbox health watch --interval 30s -o jsonl",
            "  pcx --sandbox health watch --all-customers --interval 5m",
            "  pcx health watch --all-customers --once --class incident \\",
            "      --webhook env:DINGTALK_URL --webhook-secret-env DINGTALK_SECRET"
        })
final class HealthWatch implements Callable<Integer> {
    private final Context context;

    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between looks, at least 5s (default: 1m); with --all-customers at least 1m (default: 5m)")
    Duration interval;

    @Mixin
    EveryCustomerOptions every;

    @Mixin
    FailOnOption failOn;

    HealthWatch(Context context) {
        this.context = context;
    }

    static final List<Column<HealthEvent>> COLUMNS = List.of(
            Column.of("Time", HealthEvent::time),
            Column.of("Change", e -> e.change() + (e.previousStatus() == null || !e.change().equals(HealthEvent.STATUS)
                    ? "" : " (was " + e.previousStatus() + ")")),
            Column.of("Id", e -> e.issue().id()),
            Column.<HealthEvent>of("Service", e -> e.issue().service()).optional(2),
            Column.<HealthEvent>of("Class", e -> e.issue().classification()).optional(1),
            Column.of("Status", e -> e.issue().status()),
            Column.shrinking("Title", e -> e.issue().title()));

    @Override
    public Integer call() throws InterruptedException {
        String gate = failOn.value();
        if (every.allCustomers) {
            if (customer.customer != null) {
                throw CliException.usage("--all-customers watches every customer: leave out -c");
            }
            return new EveryCustomerWatch(context, every.settings(context, interval, gate)).run();
        }
        String alone = every.givenAlone();
        if (alone != null) {
            throw CliException.usage(alone + " works with --all-customers");
        }
        Duration interval = this.interval != null ? this.interval : Duration.ofMinutes(1);
        if (interval.compareTo(Duration.ofSeconds(5)) < 0) {
            throw CliException.usage("--interval must be at least 5s, so as not to hammer Microsoft Graph");
        }
        Output output = context.output();
        GraphAccess access = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        Tenant t = Tenant.of(context, customer.customer);
        ServiceAnnouncements graph = access.health(t.id(), t.label());
        HealthWatcher watcher = new HealthWatcher(() -> {
            try {
                List<ServiceHealthIssue> active = new ArrayList<>();
                graph.issues(true).forEach(-1, active::add);
                return active;
            } catch (RuntimeException e) {
                throw access.explain(e, t.id(), t.label());
            }
        }, id -> {
            try {
                return graph.issue(id);
            } catch (RuntimeException gone) {
                return null; // its last known state is reported instead
            }
        }, context.session().sleeper(), context.session().clock(), interval, gate);
        boolean table = output.forPeople();
        RecordPrinter<HealthEvent> printer = table ? null : output.list(COLUMNS);
        PrintStream out = context.io().out();
        // on a terminal, a view redrawn in place; piped, one line per change
        LiveView live = table && context.io().stdoutTty()
                ? new LiveView(out, output.terminalWidth(), output.color(), interval) : null;
        boolean tripped;
        try {
            tripped = watcher.run(event -> {
                if (event == null) {
                    if (live != null) {
                        draw(live, t, watcher.active(), true);
                    } else if (printer != null) {
                        printer.flush();
                    } else {
                        out.flush();
                    }
                } else if (live != null) {
                    live.change(changeLine(event));
                } else if (printer != null) {
                    printer.print(event);
                } else {
                    out.println(line(event));
                }
                return event != null || !out.checkError(); // 'pcx health watch | head': stop when head has gone
            }, e -> Errors.classify(e).code() == ExitCode.UNAVAILABLE, e -> {
                String said = Errors.classify(e).message() + "; looking again in " + interval.toSeconds() + " s";
                if (live != null) {
                    live.problem(said);
                    draw(live, t, watcher.active(), false);
                } else {
                    context.session().say(said);
                }
            });
        } finally {
            if (printer != null) {
                printer.finish();
            }
        }
        if (tripped) {
            context.session().fail("health gate: an active issue of class " + gate + " or worse in " + t.label());
            return ExitCode.GATE;
        }
        return ExitCode.OK;
    }

    /** A change under the view: what changed, and the title whole (the table above has the rest). */
    static String changeLine(HealthEvent e) {
        return String.join("  ", Times.seconds(e.time()), COLUMNS.get(1).value().apply(e), e.issue().id(),
                HealthReport.shownStatus(e.issue().status()), String.valueOf(e.issue().title()));
    }

    /** The view of one tenant: its active issues, worst first. */
    static void draw(LiveView live, String tenant, Collection<ServiceHealthIssue> active, Instant at, boolean looked) {
        live.draw("Service health of " + tenant, List.of(), live.table(active.stream()
                .sorted(HealthReport.WORST_FIRST).toList(), HealthReport.ISSUES, "No active issues."), at, looked);
    }

    /** The view of one tenant, now. */
    private void draw(LiveView live, Tenant t, Collection<ServiceHealthIssue> active, boolean looked) {
        draw(live, t.label(), active, context.session().clock().instant(), looked);
    }

    /** One change on one line, for a person: the columns, aligned enough to scan, never cut. */
    static String line(HealthEvent e) {
        StringBuilder sb = new StringBuilder();
        List<Integer> widths = List.of(23, 10, 10, 22, 10, 20); // time, change, id, service, class, status
        for (int i = 0; i < COLUMNS.size(); i++) {
            String value = i == 0 ? Times.seconds(e.time()) : COLUMNS.get(i).value().apply(e);
            String cell = DisplayWidth.clean(value);
            if (cell == null) {
                cell = "";
            }
            sb.append(i < widths.size() ? DisplayWidth.pad(cell, widths.get(i)) + " " : cell);
        }
        return sb.toString().stripTrailing();
    }
}
