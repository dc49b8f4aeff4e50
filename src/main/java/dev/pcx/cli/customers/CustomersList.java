package dev.pcx.cli.customers;

import dev.pcx.api.Customers;
import dev.pcx.api.Pages;
import dev.pcx.api.SearchFilter;
import dev.pcx.api.model.Customer;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.PageStream;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code pcx customers list}: the partner's customers, filtered, page by page. */
@Command(name = "list",
        header = "List customers, optionally those whose company name or domain starts with a prefix.",
        description = {
            "Prints company name, domain, tenant id and relationship. Without --all, stops after --limit "
                    + "customers (100 unless given). With -o jsonl every customer is written as its page "
                    + "arrives, so even --all over a hundred thousand customers uses little memory.",
            "The prefix is matched by Partner Center, case-insensitively."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx customers list",
            "  pcx customers list --name 上海 --limit 20",
            "  pcx customers list --domain contoso",
            "  pcx customers list --all -o jsonl > customers.jsonl",
            "  pcx customers list --all -o tsv | cut -f3          # every tenant id",
            "  pcx customers list --all -o jsonl \\",
            "      --jq 'select(.relationshipToPartner==\"advisor\") | .id'"
        })
final class CustomersList implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 100;
    static final int PAGE_SIZE = 100;

    private final Context context;

    @ArgGroup(exclusive = true)
    Filter filter;

    static final class Filter {
        @Option(names = "--name", paramLabel = "PREFIX", description = "Company name starts with PREFIX")
        String name;

        @Option(names = "--domain", paramLabel = "PREFIX", description = "Domain starts with PREFIX")
        String domain;
    }

    @ArgGroup(exclusive = true)
    Amount amount;

    static final class Amount {
        @Option(names = "--limit", paramLabel = "N", description = "Stop after N customers (default: " + DEFAULT_LIMIT + ")")
        Integer limit;

        @Option(names = "--all", description = "Every customer, following every page")
        boolean all;
    }

    CustomersList(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        long limit = amount == null || amount.limit == null ? DEFAULT_LIMIT : amount.limit;
        if (amount != null && amount.all) {
            limit = -1;
        } else if (limit < 1) {
            throw CliException.usage("--limit must be at least 1 (use --all for every customer)");
        }
        SearchFilter search = search();
        var output = context.output();
        int pageSize = limit < 0 ? PAGE_SIZE : (int) Math.min(limit, PAGE_SIZE);
        Pages<Customer> pages = context.api().customers().list(pageSize, search);
        RecordPrinter<Customer> printer = output.list(CustomerColumns.LIST);
        boolean more = PageStream.print(context.session(), pages, limit, printer);
        printer.finish();
        if (printer.count() == 0 && context.io().stderrTty()) {
            context.session().say(search == null ? "no customers" : "no customer matches " + describe(search));
        } else if (more && context.io().stderrTty()) {
            context.session().say("showed the first " + printer.count() + " customers; --all for every one, --limit N for more");
        }
        return 0;
    }

    private SearchFilter search() {
        if (filter == null) {
            return null;
        }
        if (filter.name != null) {
            return SearchFilter.startsWith(Customers.COMPANY_NAME, prefix("--name", filter.name));
        }
        return SearchFilter.startsWith(Customers.DOMAIN, prefix("--domain", filter.domain));
    }

    private static String prefix(String option, String value) {
        if (value.isBlank()) {
            throw CliException.usage(option + " needs a non-empty prefix (leave it out to list every customer)");
        }
        return value.trim();
    }

    private static String describe(SearchFilter f) {
        return (f.field().equals(Customers.DOMAIN) ? "--domain " : "--name ") + "'" + f.value() + "'";
    }
}
