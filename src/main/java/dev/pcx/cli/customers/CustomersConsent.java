package dev.pcx.cli.customers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pcx.api.ApiException;
import dev.pcx.api.ApiRequest;
import dev.pcx.api.ApplicationConsents;
import dev.pcx.auth.Cloud;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.Errors;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.FanOut;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.output.Column;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pcx customers consent}: grant pcx's application its consent in customers' tenants. */
@Command(name = "consent",
        header = "Grant the application its consent in a customer's tenant, through Partner Center.",
        description = {
            "Sends Partner Center's application-consent grant for the application pcx signs in with, in the "
                    + "tenant of -c, or of every customer with --all, with exactly the permissions pcx uses there: "
                    + "Microsoft Graph's " + CustomersConsent.SCOPES + " (service health, seat use). A grant that "
                    + "exists already is success; a grant whose answer was lost is sent again (a repeat is "
                    + "harmless). --reset removes the application's consent first, then grants it again: Partner "
                    + "Center has no route that reads a consent, so a grant that exists only in part is told apart "
                    + "by nothing but a failing 'pcx customers access'.",
            "Where Partner Center refuses the route (403, or 404 in 21Vianet, where it is unconfirmed), the "
                    + "consent must be granted by the customer's admin: pcx prints the admin-consent URL for that "
                    + "tenant and cloud and exits 8 (prepared for a person). --dry-run shows the calls and sends "
                    + "nothing. Exit 0 when every customer has its consent; 8 when some must be granted by a "
                    + "person; the first failure's code otherwise."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox customers consent -c 深圳华信 --dry-run",
            "  pcx --sandbox customers consent -c 深圳华信",
            "  pcx --sandbox customers access -c 深圳华信       # now ok",
            "  pcx --sandbox customers consent --all -o tsv      # exit 8: some refuse"
        })
final class CustomersConsent implements Callable<Integer> {
    /** What pcx reads with Graph in a customer's tenant: service health, and seats (either name, per cloud). */
    static final String SCOPES = "ServiceHealth.Read.All,Organization.Read.All,LicenseAssignment.Read.All";
    private static final String DISPLAY_NAME = "pcx";
    private static final FanOut.Label DONE = new FanOut.Label("customers", "done");
    private final Context context;

    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--all", description = "Every customer")
    boolean all;

    @Option(names = "--reset", description = "Remove the application's consent first, then grant it again")
    boolean reset;

    @Option(names = "--dry-run", description = "Show the calls; send nothing")
    boolean dryRun;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Customers at once, 1 to 16 (Partner Center allows 50 grants a second; default: ${DEFAULT-VALUE})")
    int parallel;

    CustomersConsent(Context context) {
        this.context = context;
    }

    /** One customer's result: {@code granted}, {@code already granted}, {@code would send}, {@code handed off} or {@code failed}. */
    @JsonPropertyOrder({"tenantId", "companyName", "domain", "result", "detail"})
    record Result(String tenantId, String companyName, String domain, String result, String detail,
                  @JsonIgnore int exit) {
    }

    static final List<Column<Result>> COLUMNS = List.of(
            Column.shrinking("Customer", Result::companyName),
            Column.<Result>of("Domain", Result::domain).optional(1),
            Column.of("Result", Result::result),
            Column.below("Detail", Result::detail),
            Column.<Result>of("Tenant id", Result::tenantId).optional(2));

    @Override
    public Integer call() throws InterruptedException {
        if ((customer.customer == null) == !all) {
            throw CliException.usage("name one customer with -c, or every customer with --all");
        }
        if (parallel < 1 || parallel > 16) {
            throw CliException.usage("--parallel must be from 1 to 16");
        }
        String app = context.connections().applicationId();
        if (app == null) {
            throw CliException.usage("pcx does not know the application id to grant: sign in with a profile, or set "
                    + "PCX_CLIENT_ID");
        }
        if (!dryRun) {
            context.requireAppUser("granting consent in a customer's tenant");
        }
        var output = context.output();
        boolean china = context.connections().connection().cloud() == Cloud.CHINA;
        List<ResolvedCustomer> customers = customers();
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put(ApplicationConsents.GRAPH, SCOPES);
        RecordPrinter<Result> printer = output.list(COLUMNS);
        int[] exit = {0};
        FanOut.Outcomes done = FanOut.over(customers, DONE, parallel, "pcx-consent").stream(context, printer,
                c -> grant(c, app, scopes, china), r -> {
                    printer.print(r);
                    exit[0] = worse(exit[0], r.exit());
                }, null);
        printer.finish();
        if (all) {
            context.session().say(done.summary(exit[0] == 0 ? "each has its consent" : "see each line"));
        }
        if (exit[0] == ExitCode.HANDED_OFF) {
            context.session().fail("some consent must be granted by the customer's admin: the URL is in each 'handed off' line");
        } else if (exit[0] != 0) {
            context.session().fail("some consent could not be granted: the reason is in each 'failed' line");
        }
        return exit[0];
    }

    /** A failure's code wins over a hand-off, which wins over success. */
    private static int worse(int a, int b) {
        if (a != 0 && a != ExitCode.HANDED_OFF) {
            return a;
        }
        return b != 0 ? b : a;
    }

    private Result grant(ResolvedCustomer c, String app, Map<String, String> scopes, boolean china) {
        ApiRequest grant = ApplicationConsents.grantRequest(c.tenantId(), app, DISPLAY_NAME, scopes);
        ApiRequest remove = ApplicationConsents.removeRequest(c.tenantId(), app);
        if (dryRun) {
            return result(c, "would send", (reset ? remove.method() + " " + remove.target() + "; " : "")
                    + grant.method() + " " + grant.target() + " " + grant.body(), 0);
        }
        ApplicationConsents consents = context.api().applicationConsents();
        boolean removed = false;
        try {
            if (reset) {
                consents.remove(remove);
                removed = true;
            }
            return switch (consents.grant(grant)) {
                case GRANTED -> result(c, "granted", SCOPES + " for Microsoft Graph", 0);
                case ALREADY_GRANTED -> result(c, "already granted", "Partner Center says it exists"
                        + (reset ? "" : " (--reset grants it again whole)"), 0);
            };
        } catch (ApiException e) {
            if (!removed && (e.status() == 403 || (china && e.status() == 404))) {
                return result(c, "handed off", "Partner Center " + (e.status() == 403 ? "refuses to grant it (403)"
                        : "has no consent route here (404)") + ": the customer's admin grants it at "
                        + context.connections().adminConsentUrl(c.tenantId()), ExitCode.HANDED_OFF);
            }
            Errors.Failure f = Errors.classify(e);
            return result(c, "failed", removedFirst(removed) + f.message(), f.code());
        } catch (RuntimeException e) {
            Errors.Failure f = Errors.classify(e);
            return result(c, "failed", removedFirst(removed) + f.message(), f.code());
        }
    }

    /** What a failed grant after --reset's removal must say first: the customer has no consent now. */
    private String removedFirst(boolean removed) {
        return removed ? "the consent was removed and granting it again failed, so there is none now (run this "
                + "again without --reset): " : "";
    }

    private static Result result(ResolvedCustomer c, String result, String detail, int exit) {
        return new Result(c.tenantId(), c.name(), c.domain(), result, detail, exit);
    }

    private List<ResolvedCustomer> customers() {
        CustomerResolver customers = new CustomerResolver(context);
        return customer.customer != null ? List.of(customers.resolveNamed(customer.customer)) // unknown: exit 4
                : customers.every().stream().map(ResolvedCustomer::of).toList();
    }
}
