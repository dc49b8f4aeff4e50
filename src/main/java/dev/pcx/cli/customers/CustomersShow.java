package dev.pcx.cli.customers;

import dev.pcx.api.model.Customer;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerRef;
import dev.pcx.cli.CustomerResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code pcx customers show <customer>}: one customer in full. */
@Command(name = "show",
        header = "Show one customer in full: company profile, billing profile, delegated access.",
        description = "<customer> is a tenant id, a domain, or the start of a company name that matches exactly "
                + "one customer (an exact name wins over longer ones). An ambiguous prefix exits 2 and lists "
                + "the candidates; an unknown customer exits 4.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx customers show 88aaa55a-9641-30b4-b800-f1ab218d6505",
            "  pcx customers show contoso.partner.onmschina.cn",
            "  pcx customers show 北京云创 -o json",
            "  pcx customers show fabrikam --jq .billingProfile.email"
        })
final class CustomersShow implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "<customer>", converter = CustomerRef.Converter.class,
            description = "Tenant id, domain or company-name prefix")
    CustomerRef customer;

    CustomersShow(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var output = context.output();
        Customer found = new CustomerResolver(context).full(customer);
        output.single(found, CustomerColumns.DETAIL);
        return 0;
    }
}
