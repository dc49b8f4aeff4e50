package dev.pcx.cli.services;

import dev.pcx.api.ApiException;
import dev.pcx.api.SubscriptionRef;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerOption;
import dev.pcx.cli.CustomerResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code pcx services show -c <customer> <subscription>}: one subscription in full. */
@Command(name = "show",
        header = "Show one subscription in full.",
        description = "Reads the subscription from Partner Center and prints every field people need: offer, "
                + "status, quantity, term and billing, dates and auto-renew. <subscription> is its id, or the start "
                + "of its friendly name when that names one subscription of the customer (an ambiguous one lists "
                + "the candidates). -o json prints the resource with Partner Center's own field names.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services show -c \"Contoso Ltd\" 1346F405-8F6A-3FC1-860F-1F80652BE1AA",
            "  pcx services show -c \"Contoso Ltd\" \"HQ Office\" -o json"
        })
final class ServicesShow implements Callable<Integer> {
    private final Context context;

    @Mixin
    CustomerOption customer;

    @Parameters(index = "0", paramLabel = "<subscription>", description = "Subscription id or friendly-name prefix")
    String subscription;

    ServicesShow(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var output = context.output();
        SubscriptionResolver.checkSyntax(subscription);
        String customerId = new CustomerResolver(context).resolve(customer.customer).tenantId();
        SubscriptionRef sub = new SubscriptionResolver(context).resolve(customerId, subscription, false);
        Subscription s;
        try {
            s = context.api().subscriptions().get(sub).subscription();
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw CliException.notFound("customer " + customerId + " has no subscription " + sub.subscriptionId());
            }
            throw e;
        }
        output.single(s, SubscriptionColumns.DETAIL);
        return 0;
    }
}
