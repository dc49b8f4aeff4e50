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
            "  pcx services suspend -c \"Contoso Ltd\" \"HQ Office\" --dry-run",
            "  pcx services suspend -c 88aaa55a-9641-30b4-b800-f1ab218d6505 \\",
            "      1346F405-8F6A-3FC1-860F-1F80652BE1AA \"R&D\" --yes -o json"
        })
final class ServicesSuspend extends StatusChange {
    ServicesSuspend(Context context) {
        super(context, Action.SUSPEND);
    }
}
