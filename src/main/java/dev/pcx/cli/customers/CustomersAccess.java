package dev.pcx.cli.customers;

import dev.pcx.api.Graph;
import dev.pcx.api.model.Customer;
import dev.pcx.api.model.DelegatedAdminRelationship;
import dev.pcx.auth.Cloud;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Connection;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.DaysConverter;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.FanOut;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.cli.ParallelOption;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pcx customers access}: can the desk reach each customer's tenant, and the way to fix it. */
@Command(name = "access",
        header = "Check that the desk can reach each customer's tenant, and say the one fix where it cannot.",
        description = {
            "For every customer (or the one of -c), --parallel at a time, probes cheapest first and stops at the "
                    + "first that decides: the customer record in Partner Center (the relationship, delegated "
                    + "access); a token for Microsoft Graph in the customer's tenant (Azure AD's code says what is "
                    + "missing); one Graph read there (a role that reads service health). On global, the GDAP "
                    + "relationships are read once in your partner tenant (their end dates); 21Vianet has no API "
                    + "for them, so they are not read there.",
            "One line per customer: consent, role, GDAP end, a verdict and its cause with the one fix. Verdicts: ok; "
                    + "partial (a token, but no role that reads health); needs-consent (the application is not "
                    + "consented, or unknown, there); blocked (MFA or conditional access demands an interactive "
                    + "sign-in); lost (no delegated admin, or the relationship is gone); unknown (the probe itself "
                    + "failed). A GDAP relationship that ends within --expiring-within and does not extend itself is "
                    + "marked expiring.",
            "Exit 0; 7 when --fail-on trips (lost: a customer is lost; expiring: access ends soon; any: anything "
                    + "not ok); otherwise 5 when some customer could not be probed. On a terminal, progress goes to "
                    + "stderr; Ctrl-C shows the lines already known (exit 130)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox customers access                     # some need a fix",
            "  pcx --sandbox customers access -c contoso.partner.onmschina.cn",
            "  pcx --sandbox customers access -o jsonl \\",
            "      --jq 'select(.verdict != \"ok\") | \"\\(.domain)\\t\\(.verdict)\\t\\(.fix)\"'",
            "  pcx --sandbox customers access --fail-on lost -o tsv   # exit 7: a gate"
        })
final class CustomersAccess implements Callable<Integer> {
    private static final FanOut.Label PROBED = new FanOut.Label("customers", "probed");
    private final Context context;

    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--fail-on", paramLabel = "WHAT", completionCandidates = Gates.class,
            description = "Exit 7 when a customer is lost, when access ends soon (expiring), or on anything not ok (any)")
    String failOn;

    @Option(names = "--expiring-within", paramLabel = "DAYS", defaultValue = "30d", converter = DaysConverter.class,
            description = "A GDAP relationship ending within this many days is expiring: 30d, 12w, 90 (default: ${DEFAULT-VALUE})")
    long expiringWithin;

    @Mixin
    ParallelOption parallel;

    CustomersAccess(Context context) {
        this.context = context;
    }

    /** What {@code --fail-on} takes. */
    static final class Gates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("lost", "expiring", "any").iterator();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        String gate = failOn == null ? null : failOn.trim().toLowerCase(Locale.ROOT);
        if (gate != null && !List.of("lost", "expiring", "any").contains(gate)) {
            throw CliException.usage("--fail-on takes lost, expiring or any, not '" + failOn + "'");
        }
        int atOnce = parallel.value();
        var output = context.output();
        GraphAccess graph = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        Connection connection = context.connections().connection();
        boolean global = connection.cloud() == Cloud.GLOBAL;
        if (!global && "expiring".equals(gate)) {
            throw CliException.usage("--fail-on expiring reads GDAP relationships, and 21Vianet has no API for them: "
                    + "use --fail-on lost or any");
        }
        List<Customer> customers = customers();
        boolean[] gdapUnread = {false};
        Map<String, List<DelegatedAdminRelationship>> gdap = global ? gdap(graph, gdapUnread) : null;
        if (!global) {
            context.session().say("GDAP relationships: Microsoft Graph has no API for them in 21Vianet, so they are not read");
        }
        AccessProbe probe = new AccessProbe(context.api(), graph, gdap, context.session().clock().instant(),
                Duration.ofDays(expiringWithin), global, context::pcx, context.connections()::adminConsentUrl);
        RecordPrinter<CustomerAccess> printer = output.list(CustomerAccess.COLUMNS);
        Tally tally = new Tally(gate);
        FanOut.Outcomes done = FanOut.over(customers, PROBED, atOnce, "pcx-access")
                .stream(context, printer, probe::check, a -> {
                    printer.print(a);
                    tally.count(a);
                }, tally::detail);
        printer.finish();
        context.session().say(done.summary(tally.detail()));
        if (tally.tripped > 0) {
            context.session().fail("access gate (" + gate + "): " + tally.tripped + " customer"
                    + (tally.tripped == 1 ? "" : "s"));
            return ExitCode.GATE;
        }
        if (tally.unknown > 0 || gdapUnread[0]) {
            context.session().fail((tally.unknown > 0 ? tally.unknown + " customer" + (tally.unknown == 1 ? "" : "s")
                    + " could not be probed: the reason is in each 'unknown' line" : "")
                    + (tally.unknown > 0 && gdapUnread[0] ? "; " : "")
                    + (gdapUnread[0] ? "the GDAP relationships could not be read" : ""));
            return ExitCode.REFUSED;
        }
        return ExitCode.OK;
    }

    /** Every customer, or the one of -c read in full (an id Partner Center does not know is exit 4, not a verdict). */
    private List<Customer> customers() {
        CustomerResolver customers = new CustomerResolver(context);
        return customer.customer != null ? List.of(customers.full(customer.customer)) : customers.every();
    }

    /** Every GDAP relationship in your partner tenant, by customer tenant id; null when they cannot be read (said once). */
    private Map<String, List<DelegatedAdminRelationship>> gdap(GraphAccess graph, boolean[] unread) {
        Map<String, List<DelegatedAdminRelationship>> byTenant = new HashMap<>();
        try {
            Graph.Tenant partner = graph.tenant(null, "your partner tenant");
            partner.pages(partner.url("tenantRelationships/delegatedAdminRelationships"), DelegatedAdminRelationship.class)
                    .forEach(-1, r -> {
                        if (r.tenantId() != null) {
                            byTenant.computeIfAbsent(r.tenantId().toLowerCase(Locale.ROOT), t -> new ArrayList<>()).add(r);
                        }
                    });
            return byTenant;
        } catch (RuntimeException e) {
            unread[0] = true;
            context.session().fail("GDAP relationships could not be read in your partner tenant: "
                    + graph.reason(GraphAccess.Purpose.GDAP, e, null, "your partner tenant"));
            return null;
        }
    }

    /** The lines shown, counted as they arrive (under the printer's lock). */
    private static final class Tally {
        private final String gate;
        private final Map<String, Integer> verdicts = new HashMap<>();
        int unknown;
        int tripped;

        Tally(String gate) {
            this.gate = gate;
        }

        void count(CustomerAccess a) {
            verdicts.merge(a.verdict(), 1, Integer::sum);
            if (CustomerAccess.UNKNOWN.equals(a.verdict())) {
                unknown++;
            }
            boolean trips = gate != null && switch (gate) {
                case "lost" -> CustomerAccess.LOST.equals(a.verdict());
                case "expiring" -> Boolean.TRUE.equals(a.expiring());
                default -> !CustomerAccess.OK.equals(a.verdict()) || Boolean.TRUE.equals(a.expiring());
            };
            if (trips) {
                tripped++;
            }
        }

        String detail() {
            List<String> parts = new ArrayList<>();
            for (String v : List.of(CustomerAccess.OK, CustomerAccess.PARTIAL, CustomerAccess.NEEDS_CONSENT,
                    CustomerAccess.BLOCKED, CustomerAccess.LOST, CustomerAccess.UNKNOWN)) {
                parts.add(verdicts.getOrDefault(v, 0) + " " + v);
            }
            return String.join(", ", parts);
        }
    }
}
