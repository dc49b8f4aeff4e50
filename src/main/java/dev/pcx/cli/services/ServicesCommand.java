package dev.pcx.cli.services;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code pcx services}: a customer's subscriptions, and fixing them. */
@Command(name = "services",
        header = "List a customer's subscriptions and fix them: suspend, activate, seats, name, auto-renew; the renewal desk.",
        description = {
            "-c/--customer takes a tenant id, a domain or the start of a company name (see 'pcx customers'); a "
                    + "<subscription> is its id or the start of its friendly name.",
            "Every change reads the subscription, changes only the wanted field in what was read, and sends it "
                    + "back with If-Match: a subscription someone else changed meanwhile is reported, never "
                    + "overwritten. A field already at the wanted value is reported 'unchanged' and nothing is sent. "
                    + "--dry-run shows what would be sent and sends nothing."
        })
public final class ServicesCommand extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final List<Map.Entry<String, Class<?>>> VERBS = List.of(
            Map.entry("list", ServicesList.class),
            Map.entry("show", ServicesShow.class),
            Map.entry("suspend", ServicesSuspend.class),
            Map.entry("activate", ServicesActivate.class),
            Map.entry("set", ServicesSet.class),
            Map.entry("apply", ServicesApply.class),
            Map.entry("renewals", ServicesRenewals.class),
            Map.entry("admin", ServicesAdmin.class));
}
