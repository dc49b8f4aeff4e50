package dev.pcx.cli.tickets;

import dev.pcx.cli.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;



/** {@code pcx tickets show <id>}: one request in full. */
@Command(name = "show",
        header = "Show a service request in full, or a request pcx prepared.",
        description = {
            "A Partner Center service request (its numeric id, with -c: global only, app+user credentials) is "
                    + "shown with its notes; -o json gives it as Partner Center sent it.",
            "An Azure support ticket (global only): its name, or its number, with -c and "
                    + "--azure-subscription; shown with its communications, -o json gives it as Azure sent it.",
            "A hand-off (local-N) is printed as it was prepared, ready to paste again, then its status, the "
                    + "operator's case number and the desk's notes; -o json gives the kept request (status, "
                    + "reference, notes)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # after a create:",
            "  pcx --sandbox tickets show local-1",
            "  pcx --sandbox tickets show local-1 -o json --jq .text",
            "  pcx --sandbox --cloud global tickets show 616100000000000 \\",
            "      -c contoso.partner.onmschina.cn",
            "",
            "  pcx --sandbox --cloud global tickets show sandbox-ticket-1 \\",
            "      -c contoso.partner.onmschina.cn \\",
            "      --azure-subscription 5c7e0a2f-a2f1-4b3c-9d8e-000000000000"
        })
final class TicketsShow implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The request's id: Partner Center's number, or local-N")
    String id;

    @Mixin
    TicketAt at;

    TicketsShow(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TicketRef ref = at.ref(id);
        at.channel(context, ref).showing(ref.id());
        return 0;
    }
}
