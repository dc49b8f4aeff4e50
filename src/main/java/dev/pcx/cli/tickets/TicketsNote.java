package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.InputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code pcx tickets note <id> (TEXT | --file F|-)}: a note on a customer's service request. */
@Command(name = "note",
        header = "Add a note to a customer's service request, Azure support ticket or hand-off.",
        description = {
            "Partner Center service requests only (global, app+user credentials): sent once as NewNote. When "
                    + "the answer is lost, the request is read back and pcx says whether the note is there; it "
                    + "never sends it twice.",
            "An Azure support ticket (with --azure-subscription): sent once as a communication; when the "
                    + "answer is lost, pcx reads the communication back before it sends it again.",
            "A hand-off (local-N): the note is kept in the ticket ledger with the hand-off, for the desk (the "
                    + "operator does not see it: add it in the portal too)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox --cloud global tickets note 616100000000000 \\",
            "      -c contoso.partner.onmschina.cn 'Customer confirms since 9:00'",
            "  echo 'Logs attached in the portal.' | pcx --sandbox --cloud global \\",
            "      tickets note 616100000000000 -c contoso.partner.onmschina.cn \\",
            "      --file -",
            "  pcx --sandbox --cloud global tickets note sandbox-ticket-1 \\",
            "      -c contoso.partner.onmschina.cn \\",
            "      --azure-subscription 5c7e0a2f-a2f1-4b3c-9d8e-000000000000 \\",
            "      'Restarts stopped after the update'",
            "  # after a create:",
            "  pcx --sandbox tickets note local-1 'Called back: the customer confirms'"
        })
final class TicketsNote implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The service request's id")
    String id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "The note")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "The note from a file, - for stdin")
    String file;

    @Mixin
    TicketAt at;

    TicketsNote(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if ((text == null) == (file == null)) {
            throw CliException.usage("give the note as TEXT or with --file F|-, one of them");
        }
        TicketRef ref = at.ref(id);
        String note = file != null ? InputFiles.text(file, context.io().in(), "--file", context.session()::say) : text;
        if (note.isBlank()) {
            throw CliException.usage("the note is empty");
        }
        at.channel(context, ref).noting(ref.id(), note.strip());
        return 0;
    }
}
