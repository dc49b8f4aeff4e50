package dev.pcx.cli.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.ApiException;
import dev.pcx.api.ApiRequest;
import dev.pcx.api.TransportException;
import dev.pcx.api.model.Customer;
import dev.pcx.auth.Cloud;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.DurationConverter;
import dev.pcx.cli.Errors;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.output.Column;
import dev.pcx.output.Output;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code pcx customers invite}: the reseller relationship request link, and waiting for the customer who accepts it. */
@Command(name = "invite",
        header = "Print the reseller relationship request link; with --wait, wait for the new customer.",
        description = {
            "Prints the link Partner Center gives for a customer to accept you as its reseller "
                    + "(GET /v1/customers/relationshiprequests), exactly as the service returns it: send it to the "
                    + "customer. Partner Center gives it only to a person (app+user).",
            "--wait then reads your customer list every --interval until a customer that was not there appears "
                    + "(at most 24 hours, or the DURATION given: --wait 2h), probes its access as 'pcx customers access' does and says what is still "
                    + "missing. Exit 0 when one appeared; 6 when none did in time."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox customers invite",
            "  pcx --sandbox customers invite -o json --jq .url",
            "",
            "  # with your own tenant, until the customer accepts:",
            "  pcx customers invite --wait",
            "  pcx customers invite --wait 2h --interval 30s"
        })
final class CustomersInvite implements Callable<Integer> {
    private final Context context;

    @Option(names = "--wait", arity = "0..1", paramLabel = "DURATION", fallbackValue = "24h",
            converter = DurationConverter.class,
            description = "Wait for a new customer, at most this long (default 24h), then probe its access")
    Duration wait;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1m", converter = DurationConverter.class,
            description = "With --wait, how often the customer list is read (default: ${DEFAULT-VALUE})")
    Duration interval;

    CustomersInvite(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        context.requireAppUser("the reseller relationship request link");
        Output output = context.output();
        Set<String> known = wait != null ? tenants() : Set.of();
        JsonNode link = context.api().json(ApiRequest.get("/customers/relationshiprequests").build());
        JsonNode url = link == null ? null : link.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new CliException(ExitCode.REFUSED, "Partner Center's answer holds no relationship request link (no 'url')");
        }
        if (wait != null && !output.forPeople()) {
            // the output is the new customer's access line; the link is for the person who sends it
            context.session().say("send this link to the customer: " + url.asText());
        } else if (output.forPeople()) {
            context.io().out().println(url.asText()); // as the service returns it, never rewritten
            context.io().out().flush();
            context.session().say("send this link to the customer: accepting it makes you its reseller");
        } else {
            output.single(link, List.<Column<JsonNode>>of(Column.of("Url", n -> n.get("url").asText())));
        }
        if (wait == null) {
            return ExitCode.OK;
        }
        long polls = Math.max(1, wait.toMillis() / Math.max(1, interval.toMillis()));
        Duration pause = interval.compareTo(wait) > 0 ? wait : interval;
        for (long i = 0; i < polls; i++) {
            context.session().progress().update("waiting for a new customer (" + (i + 1) + " of " + polls + " reads)…");
            context.session().sleeper().sleep(pause);
            List<Customer> fresh;
            try {
                fresh = newCustomers(known);
            } catch (ApiException | TransportException e) {
                // one failed read does not end a day's wait: said, and read again next time
                context.session().say("could not read the customer list (" + Errors.classify(e).message() + "); trying again");
                continue;
            }
            if (!fresh.isEmpty()) {
                context.session().progress().clear();
                report(fresh);
                return ExitCode.OK;
            }
        }
        context.session().progress().clear();
        context.session().fail("no new customer in " + words(wait) + ": run '"
                + context.pcx("customers invite --wait") + "' again to go on waiting");
        return ExitCode.UNAVAILABLE;
    }

    private static String words(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + "h"
                : d.toMinutes() > 0 && d.toSecondsPart() == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    private Set<String> tenants() {
        Set<String> ids = new HashSet<>();
        new CustomerResolver(context).every().forEach(c -> ids.add(c.tenantId().toLowerCase(Locale.ROOT)));
        return ids;
    }

    private List<Customer> newCustomers(Set<String> known) {
        return new CustomerResolver(context).every().stream()
                .filter(c -> !known.contains(c.tenantId().toLowerCase(Locale.ROOT))).toList();
    }

    /** Each new customer, and its access as 'customers access' probes it. */
    private void report(List<Customer> fresh) {
        GraphAccess graph = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH);
        boolean global = context.connections().connection().cloud() == Cloud.GLOBAL;
        AccessProbe probe = new AccessProbe(context.api(), graph, null, context.session().clock().instant(),
                Duration.ofDays(30), global, context::pcx, context.connections()::adminConsentUrl);
        RecordPrinter<CustomerAccess> printer = context.output().list(CustomerAccess.COLUMNS);
        for (Customer c : fresh) {
            CustomerAccess a = probe.check(c);
            context.session().say("new customer: " + ResolvedCustomer.of(c).label()
                    + "; access: " + a.verdict() + (a.fix() == null ? "" : "; still missing: " + a.fix()));
            printer.print(a);
        }
        printer.finish();
    }
}
