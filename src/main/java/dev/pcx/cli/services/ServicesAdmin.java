package dev.pcx.cli.services;

import dev.pcx.api.ApiException;
import dev.pcx.api.model.ManagedService;
import dev.pcx.cli.Browser;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerOption;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;
import dev.pcx.output.Column;
import dev.pcx.output.DisplayWidth;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pcx services admin -c <customer> [<service>]}: admin-on-behalf-of links. */
@Command(name = "admin",
        header = "Show the admin-portal, service-health and service-ticket links of a customer's managed services.",
        description = {
            "The links open each service's admin portal on the customer's behalf (admin on behalf of). Partner "
                    + "Center gives them only to a person: this needs app+user credentials, and stops before any "
                    + "call with app-only ones.",
            "<service> keeps the services whose id or name starts with it. --open opens the admin portal of the one "
                    + "service in the browser ($BROWSER, or the desktop's); where there is none, prints its URL."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services admin -c \"Contoso Ltd\"",
            "  pcx services admin -c \"Contoso Ltd\" exchange --open",
            "  pcx services admin -c \"Contoso Ltd\" -o json \\",
            "      --jq '.[].links.serviceHealth.uri'"
        })
final class ServicesAdmin implements Callable<Integer> {
    private final Context context;

    @Mixin
    CustomerOption customer;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<service>", description = "Service id or name prefix")
    String service;

    @Option(names = "--open", description = "Open the service's admin portal in the browser")
    boolean open;

    private static final List<Column<ManagedService>> COLUMNS = List.of(
            Column.of("Service", ManagedService::name),
            Column.<ManagedService>of("Id", ManagedService::id).optional(2),
            Column.<ManagedService>of("Group", ManagedService::groupName).optional(1),
            Column.of("Admin portal", s -> s.link("adminService")),
            Column.<ManagedService>of("Service health", s -> s.link("serviceHealth")).optional(3),
            Column.<ManagedService>of("Service ticket", s -> s.link("serviceTicket")).optional(4));

    ServicesAdmin(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var output = context.output();
        context.requireAppUser("the managed services of a customer (admin on behalf of)");
        String customerId = new CustomerResolver(context).resolve(customer.customer).tenantId();
        List<ManagedService> services = new ArrayList<>();
        try {
            context.api().subscriptions().managedServices(customerId).forEach(-1, s -> {
                if (matches(s)) {
                    services.add(s);
                }
            });
        } catch (ApiException e) {
            throw CustomerResolver.unknownTenantOr(e, customerId, context);
        }
        if (services.isEmpty()) {
            throw CliException.notFound(service == null ? "the customer has no managed services"
                    : "no managed service of the customer is named '" + service + "'");
        }
        if (open) {
            if (services.size() > 1) {
                throw new CliException(ExitCode.USAGE, "--open opens one service, and " + services.size()
                        + " match; name one:", services.stream().map(s -> s.name() + "  (" + s.id() + ")").toList());
            }
            ManagedService s = services.get(0);
            String link = s.link("adminService");
            if (link == null) {
                throw CliException.notFound(s.name() + " has no admin portal link");
            }
            String url = Browser.portalUrl(link);
            if (url == null) {
                throw new CliException(ExitCode.REFUSED, "not opening the admin portal link of " + s.name() + " ('"
                        + DisplayWidth.clean(link) + "'): pcx opens only https links to Microsoft's and "
                        + "21Vianet's portals");
            }
            if (Browser.open(context.env(), url)) {
                context.session().say("opened the admin portal of " + s.name() + " in the browser");
            } else {
                context.io().out().println(url);
            }
            return 0;
        }
        RecordPrinter<ManagedService> printer = output.list(COLUMNS);
        services.forEach(printer::print);
        printer.finish();
        return 0;
    }

    private boolean matches(ManagedService s) {
        if (service == null || service.isBlank()) {
            return true;
        }
        String want = service.trim().toLowerCase(Locale.ROOT);
        return s.id() != null && s.id().toLowerCase(Locale.ROOT).startsWith(want)
                || s.name() != null && s.name().toLowerCase(Locale.ROOT).startsWith(want);
    }
}
