package dev.pcx.cli.services;

import dev.pcx.api.ApiException;
import dev.pcx.api.model.SubscribedSku;
import dev.pcx.api.model.Subscription;
import dev.pcx.api.model.SubscriptionEnums;
import dev.pcx.api.model.WireEnum;
import dev.pcx.cli.Candidates;
import dev.pcx.cli.CliException;
import dev.pcx.cli.CustomerOption;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.Context;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.PageStream;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** {@code pcx services list -c <customer>}: the customer's subscriptions. */
@Command(name = "list",
        header = "List the subscriptions of a customer.",
        description = "Friendly name (add-ons marked '+' in tables), offer, quantity, status, auto-renew, billing "
                + "cycle, commitment end and id (on a narrow terminal the least useful columns are left out: -o wide "
                + "shows them all). --status keeps those in one status: active, suspended, deleted, expired, "
                + "pending or disabled. --usage adds the seats assigned and free, from Microsoft Graph in the "
                + "customer's tenant (seatsAssigned, seatsFree and matchedBy in JSON), where Graph's "
                + "subscriptionIds name the subscription.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services list -c contoso.partner.onmschina.cn",
            "  pcx services list -c 北京云创 --status suspended",
            "  pcx services list -c contoso.partner.onmschina.cn --usage",
            "  pcx services list -c \"Contoso Ltd\" -o jsonl \\",
            "      --jq 'select(.autoRenewEnabled == false) | .friendlyName'"
        })
final class ServicesList implements Callable<Integer> {
    private final Context context;

    @Mixin
    CustomerOption customer;

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Candidates.SubscriptionStatuses.class,
            description = "Only subscriptions in this status: ${COMPLETION-CANDIDATES}")
    String status;

    @Option(names = "--usage", description = "Add the seats assigned and free, from Microsoft Graph in the customer's tenant")
    boolean usage;

    ServicesList(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var output = context.output();
        String wanted = status == null ? null : SubscriptionEnums.STATUS.normalize(status);
        if (wanted != null && (wanted.isBlank() || !SubscriptionEnums.STATUS.known(wanted))) {
            throw CliException.usage("--status '" + status + "' is not a subscription status: use one of "
                    + String.join(", ", new Candidates.SubscriptionStatuses()));
        }
        ResolvedCustomer resolved = new CustomerResolver(context).resolve(customer.customer);
        String customerId = resolved.tenantId();
        List<SubscribedSku> skus = usage ? seats(resolved) : null;
        RecordPrinter<Subscription> printer = output.list(usage ? SubscriptionColumns.WITH_USAGE : SubscriptionColumns.LIST);
        try {
            Predicate<Subscription> kept = s -> wanted == null || WireEnum.same(wanted, s.status());
            // with --usage, each subscription gets its seats as it is read
            PageStream.print(context.session(), context.api().subscriptions().list(customerId), -1, printer,
                    usage ? s -> kept.test(SubscriptionUsage.with(s, skus)) : kept);
        } catch (ApiException e) {
            throw CustomerResolver.unknownTenantOr(e, customerId, context);
        }
        printer.finish();
        if (printer.count() == 0 && context.io().stderrTty() && output.forPeople()) {
            context.session().say(wanted == null ? "the customer has no subscriptions" : "no subscription is " + wanted);
        }
        return 0;
    }

    /** The customer's SKUs from Graph in its tenant; a tenant that cannot be read fails the command, with why. */
    private List<SubscribedSku> seats(ResolvedCustomer c) {
        GraphAccess graph = GraphAccess.of(context, GraphAccess.Purpose.SEATS);
        List<SubscribedSku> skus = new ArrayList<>();
        try {
            skus.addAll(SubscriptionUsage.skus(graph.tenant(c.tenantId(), c.label())));
        } catch (RuntimeException e) {
            throw graph.explain(e, c.tenantId(), c.label());
        }
        return skus;
    }
}
