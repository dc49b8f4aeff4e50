package dev.pcx.cli.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Json;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.DaysConverter;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.FanOut;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.cli.ParallelOption;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.output.RecordPrinter;
import dev.pcx.output.SortedPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx services renewals}: the renewal desk across every customer. */
@Command(name = "renewals",
        header = "The renewal desk: which subscriptions need a decision soon, across every customer.",
        description = {
            "Reads every customer's subscriptions from Partner Center (terms, auto-renew, cancellation windows) "
                    + "and their seats from Microsoft Graph in the customer's tenant (subscribedSkus: bought, "
                    + "assigned, free), --parallel customers at a time, and prints one line per subscription whose "
                    + "term ends within --within (default 30 days) or whose window to cancel or remove seats is "
                    + "open, soonest first. --all prints every subscription, and Graph's SKUs that match none.",
            "Each line says the decision it needs and why: renews (a term of a year or more renews with "
                    + "auto-renew on), lapses (auto-renew off on a yearly term or on one still in use), ends (Partner "
                    + "Center does not say whether it renews), cancellable, reducible (seats can still be removed), "
                    + "unassigned (seats paid for and not assigned at one of those points). A monthly rollover is no "
                    + "decision unless another holds. --decisions-only keeps the lines that need one. Seats join a "
                    + "subscription only where Graph's subscriptionIds hold its id (matchedBy); a field Partner "
                    + "Center does not send is unknown, never guessed.",
            "--plan FILE writes the fixes it proposes as JSON lines for 'pcx services apply --file FILE' (review "
                    + "them with --dry-run first; renewals itself changes nothing): unassigned seats removed while "
                    + "they can be (never below the seats assigned, never to zero), or auto-renew off where no seat "
                    + "is assigned. Each line carries its reason as a comment, which apply ignores.",
            "Exit 0; 7 with --fail-on decision when some line needs a decision (a cron gate); otherwise 5 when "
                    + "some customer could not be read (each is a line with the reason). On a terminal, progress goes "
                    + "to stderr; Ctrl-C prints the lines already known, in order."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox services renewals                    # exit 5: some refuse",
            "  pcx --sandbox services renewals -c contoso.partner.onmschina.cn",
            "  pcx --sandbox services renewals --within 90d --decisions-only -o jsonl \\",
            "      --jq 'select(.decision == \"renews\") | .subscription.id'  # exit 5",
            "  pcx --sandbox services renewals -c contoso.partner.onmschina.cn \\",
            "      --plan plan.jsonl",
            "  pcx --sandbox services apply --file plan.jsonl --dry-run",
            "  # a cron gate: 7 when something needs a decision this week",
            "  pcx --sandbox services renewals --within 7d --fail-on decision  # exit 7"
        })
final class ServicesRenewals implements Callable<Integer> {
    private static final FanOut.Label READ = new FanOut.Label("customers", "read");
    private final Context context;

    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--within", paramLabel = "DAYS", defaultValue = "30d", converter = DaysConverter.class,
            description = "Terms that end within this many days: 30d, 12w, 90 (default: ${DEFAULT-VALUE})")
    long within;

    @Option(names = "--all", description = "Every subscription, and Graph's SKUs that match none, not only the window")
    boolean all;

    @Option(names = "--decisions-only", description = "Only the lines that need a decision")
    boolean decisionsOnly;

    @Option(names = "--fail-on", paramLabel = "decision", completionCandidates = Gate.class,
            description = "Exit 7 when some line needs a decision: decision")
    String failOn;

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Write the proposed fixes as 'services apply' JSON lines to FILE (nothing is changed)")
    Path plan;

    @Mixin
    ParallelOption parallel;

    ServicesRenewals(Context context) {
        this.context = context;
    }

    /** What {@code --fail-on} takes. */
    static final class Gate implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("decision").iterator();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (failOn != null && !failOn.trim().equalsIgnoreCase("decision")) {
            throw CliException.usage("--fail-on takes decision, not '" + failOn + "'");
        }
        int atOnce = parallel.value();
        if (plan != null && Files.isDirectory(plan)) {
            throw CliException.usage("--plan " + plan + " is a directory: name a file");
        }
        var output = context.output();
        GraphAccess graph;
        try {
            graph = GraphAccess.of(context, GraphAccess.Purpose.SEATS);
        } catch (AuthenticationException e) {
            // terms are Partner Center's and read app-only too: a run without seats, said once, not none at all
            graph = null;
            context.session().say("seats are not read: " + e.getMessage() + (e.fix() == null ? "" : " (" + e.fix() + ")"));
        }
        List<ResolvedCustomer> customers = customers();
        RenewalScan scan = new RenewalScan(context.api(), graph, context.session().clock(), within);
        SortedPrinter<Renewal, Renewal.SortKey> printer = new SortedPrinter<>(output.list(Renewal.COLUMNS), Renewal::sortKey,
                Renewal.SortKey.ORDER, Renewal.PACKING);
        Tally tally = new Tally();
        FanOut.Outcomes done = FanOut.over(customers, READ, atOnce, "pcx-renewals")
                .stream(context, printer, scan::check, lines -> {
                    for (Renewal r : lines) {
                        if (shown(r)) {
                            printer.print(r);
                            tally.count(r);
                        }
                    }
                }, tally::detail);
        printer.finish();
        context.session().say(done.summary(tally.detail()));
        if (plan != null) {
            writePlan(tally.proposals);
        }
        if (failOn != null && tally.decisions > 0) {
            context.session().fail("renewal gate: " + tally.decisions + " line" + (tally.decisions == 1 ? " needs" : "s need")
                    + " a decision");
            return ExitCode.GATE;
        }
        if (tally.unknown > 0) {
            context.session().fail(tally.unknown + " customer" + (tally.unknown == 1 ? "" : "s") + " could not be read "
                    + "whole: the reason is in each 'unknown' line");
            return ExitCode.REFUSED;
        }
        return ExitCode.OK;
    }

    private boolean shown(Renewal r) {
        if (decisionsOnly && r.decision() == null) {
            return false;
        }
        return all || RenewalRules.inWindow(r, within);
    }

    /** Every customer, or the one of -c. */
    private List<ResolvedCustomer> customers() {
        CustomerResolver customers = new CustomerResolver(context);
        return customer.customer != null ? List.of(customers.resolveNamed(customer.customer))
                : customers.every().stream().map(ResolvedCustomer::of).toList();
    }

    /** The plan, written whole or not at all (a temporary file beside it, then renamed). */
    private void writePlan(List<PlanLine> proposals) {
        proposals.sort(Comparator.comparing(PlanLine::key, Renewal.SortKey.ORDER));
        StringBuilder lines = new StringBuilder();
        for (PlanLine p : proposals) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("customer", p.customer());
            line.put("subscription", p.subscription());
            line.put("action", p.proposal().action());
            line.putPOJO("value", p.proposal().value());
            line.put("comment", p.proposal().comment());
            try {
                lines.append(Json.mapper().writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Path target = plan.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".pcx-plan", ".tmp");
            Files.writeString(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is all that is left
                }
            }
            throw CliException.usage("cannot write the plan to " + plan + " (" + e.getMessage() + ")");
        }
        int n = proposals.size();
        context.session().say(n == 0 ? "no fix to propose: " + plan + " is empty"
                : "wrote " + n + " proposed fix" + (n == 1 ? "" : "es") + " to " + plan + "; review " + (n == 1 ? "it" : "them") + " with '"
                + context.pcx("services apply --file " + plan + " --dry-run") + "'");
    }

    /** One line of the plan: what it is about, and the fix proposed (not the whole line, which may be large). */
    private record PlanLine(Renewal.SortKey key, String customer, String subscription, Renewal.Proposal proposal) {
    }

    /** The lines shown, counted as they arrive (under the printer's lock). */
    private static final class Tally {
        final List<PlanLine> proposals = new ArrayList<>();
        int lines;
        int decisions;
        int unknown;

        void count(Renewal r) {
            lines++;
            if (r.needsDecision()) {
                decisions++;
            }
            if (Renewal.UNKNOWN.equals(r.decision())) {
                unknown++;
            }
            if (r.proposal() != null) {
                proposals.add(new PlanLine(r.sortKey(), r.tenantId(), r.subscription().id(), r.proposal()));
            }
        }

        String detail() {
            return lines + " line" + (lines == 1 ? "" : "s") + ", " + decisions + " need" + (decisions == 1 ? "s" : "")
                    + " a decision, " + unknown + " could not be read";
        }
    }
}
