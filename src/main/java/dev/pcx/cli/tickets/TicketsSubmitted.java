package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code pcx tickets submitted <local-id> --ref CASE}: a hand-off a person submitted in the portal. */
@Command(name = "submitted",
        header = "Record that a person submitted a hand-off in the portal, with the operator's case number.",
        description = {
            "A hand-off (local-N) is prepared by pcx and submitted by a person in the operator's portal, which "
                    + "gives it a case number. This records that number in the ticket ledger: the hand-off becomes "
                    + "'submitted', 'tickets list' shows its reference, and 'tickets note' and 'tickets close' "
                    + "follow it until it is closed. Given again with another number, the number is corrected.",
            "A closed hand-off is refused (exit 5), as is an id that is not a hand-off; one not kept is exit 4."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # after a create:",
            "  pcx --sandbox tickets submitted local-1 --ref 2612010040001234",
            "  pcx --sandbox tickets submitted local-1 --ref 2612010040001234 -o json \\",
            "      --jq .status"
        })
final class TicketsSubmitted implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "<local-id>", description = "The hand-off: local-N")
    String id;

    @Option(names = "--ref", required = true, paramLabel = "CASE", description = "The operator's case number")
    String reference;

    @Mixin
    TicketState state;

    TicketsSubmitted(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!TicketRef.isHandOff(id)) {
            throw new CliException(ExitCode.REFUSED, "'" + id + "' is not a hand-off (local-N): recording a submission "
                    + "is kept only for the requests pcx prepared for a person to submit; see them with '"
                    + context.pcx("tickets list") + "'");
        }
        HandOffChannel handOffs = new HandOffChannel(context, state.ledger(context), null);
        handOffs.print(handOffs.submitted(id, reference));
        return 0;
    }
}
