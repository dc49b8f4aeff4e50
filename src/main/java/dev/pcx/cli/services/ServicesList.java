package dev.pcx.cli.services;

import dev.pcx.api.ApiException;
import dev.pcx.api.model.Subscription;
import dev.pcx.api.model.SubscriptionEnums;
import dev.pcx.api.model.WireEnum;
import dev.pcx.cli.Candidates;
import dev.pcx.cli.CliException;
import dev.pcx.cli.CustomerOption;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.Context;
import dev.pcx.cli.PageStream;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code pcx services list -c <customer>}: the customer's subscriptions. */
@Command(name = "list",
        header = "List the subscriptions of a customer.",
        description = "Friendly name (add-ons marked '+' in tables), offer, quantity, status, auto-renew, billing "
                + "cycle, commitment end and id (on a narrow terminal the least useful columns are left out: -o wide "
                + "shows them all). --status keeps those in one status: active, suspended, deleted, expired, "
                + "pending or disabled.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services list -c contoso.partner.onmschina.cn",
            "  pcx services list -c 北京云创 --status suspended",
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
        String customerId = new CustomerResolver(context).resolve(customer.customer).tenantId();
        RecordPrinter<Subscription> printer = output.list(SubscriptionColumns.LIST);
        try {
            PageStream.print(context.session(), context.api().subscriptions().list(customerId), -1, printer,
                    s -> wanted == null || WireEnum.same(wanted, s.status()));
        } catch (ApiException e) {
            throw CustomerResolver.unknownTenantOr(e, customerId, context);
        }
        printer.finish();
        if (printer.count() == 0 && context.io().stderrTty() && output.forPeople()) {
            context.session().say(wanted == null ? "the customer has no subscriptions" : "no subscription is " + wanted);
        }
        return 0;
    }
}
