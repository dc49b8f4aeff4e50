package dev.pcx.cli.customers;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code pcx customers}: find the customers the partner serves. */
@Command(name = "customers",
        header = "Find customers: list, search by name or domain, show one in full.",
        description = "A <customer> is a tenant id, a domain (contoso.partner.onmschina.cn) or the start of "
                + "a company name that matches exactly one customer.",
        subcommands = {CustomersList.class, CustomersShow.class})
public final class CustomersCommand extends NounCommand {
}
