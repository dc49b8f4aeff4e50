package dev.pcx.cli.services;

import dev.pcx.cli.Context;
import picocli.CommandLine.Command;

/** {@code pcx services suspend}. */
@Command(name = "suspend",
        header = "Suspend subscriptions of a customer.",
        description = "Asks for confirmation on a terminal; without one, needs --yes. One result line per "
                + "subscription: applied, unchanged (already suspended) or failed with the reason; exit 0 only if "
                + "none failed.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services suspend -c \"Contoso Ltd\" \"HQ Office\"",
            "  pcx services suspend -c \"Contoso Ltd\" 6e7aa601-629e-461b-8933-0898c3cc3c7c --dry-run",
            "  pcx services suspend -c 3e0c5a41-95c3-4f7a-9f6e-a7a0c0a7c2b1 SUB1 SUB2 --yes -o json"
        })
final class ServicesSuspend extends StatusChange {
    ServicesSuspend(Context context) {
        super(context, Action.SUSPEND);
    }
}
