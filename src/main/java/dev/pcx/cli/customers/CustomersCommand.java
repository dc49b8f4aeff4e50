package dev.pcx.cli.customers;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code pcx customers}: find the customers the partner serves. */
@Command(name = "customers",
        header = "Find customers: list, search by name or domain, show one in full.",
        description = "A <customer> is a tenant id, a domain (contoso.partner.onmschina.cn) or the start of "
                + "a company name that matches exactly one customer.")
public final class CustomersCommand extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final List<Map.Entry<String, Class<?>>> VERBS = List.of(
            Map.entry("list", CustomersList.class),
            Map.entry("show", CustomersShow.class),
            Map.entry("access", CustomersAccess.class),
            Map.entry("consent", CustomersConsent.class),
            Map.entry("invite", CustomersInvite.class));
}
