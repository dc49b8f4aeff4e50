package dev.pcx.cli.services;

import dev.pcx.cli.Context;
import picocli.CommandLine.Command;

/** {@code pcx services activate}. */
@Command(name = "activate",
        header = "Activate (reactivate) suspended subscriptions of a customer.",
        description = "One result line per subscription: applied, unchanged (already active) or failed with the "
                + "reason; exit 0 only if none failed.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services activate -c \"Contoso Ltd\" \"HQ Office\"",
            "  pcx services list -c \"Contoso Ltd\" --status suspended -o tsv | cut -f8 | \\",
            "      xargs pcx services activate -c \"Contoso Ltd\""
        })
final class ServicesActivate extends StatusChange {
    ServicesActivate(Context context) {
        super(context, Action.ACTIVATE);
    }
}
