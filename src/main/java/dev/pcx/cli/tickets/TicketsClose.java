package dev.pcx.cli.tickets;

import dev.pcx.cli.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code pcx tickets close <id>}: closes a customer's service request. */
@Command(name = "close",
        header = "Close a customer's service request, Azure support ticket or hand-off.",
        description = {
            "Partner Center service requests only (global, app+user credentials). Reads the request first: one "
                    + "already closed is left unchanged (exit 0). Closing through the API is undocumented "
                    + "(Status: closed): a refusal is Partner Center's, shown with where to close it instead.",
            "An Azure support ticket (with --azure-subscription): PATCH status closed, through the Azure "
                    + "Support API; one already closed is left unchanged (exit 0).",
            "When the answer is lost, the request is read back and pcx says whether it is closed.",
            "A hand-off (local-N): closed in the ticket ledger, where the desk follows it ('tickets list' shows "
                    + "open ones); one already closed is left unchanged (exit 0)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox --cloud global tickets close 616100000000000 \\",
            "      -c contoso.partner.onmschina.cn",
            "  pcx --sandbox --cloud global tickets close sandbox-ticket-1 \\",
            "      -c contoso.partner.onmschina.cn \\",
            "      --azure-subscription 5c7e0a2f-a2f1-4b3c-9d8e-000000000000",
            "  # after a create:",
            "  pcx --sandbox tickets close local-1"
        })
final class TicketsClose implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The service request's id")
    String id;

    @Mixin
    TicketAt at;

    TicketsClose(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TicketRef ref = at.ref(id);
        at.channel(context, ref).closing(ref.id());
        return 0;
    }
}
