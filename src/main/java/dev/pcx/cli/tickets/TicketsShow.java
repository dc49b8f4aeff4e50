package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.output.Column;
import dev.pcx.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

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
    static final List<Column<HandOff>> DETAIL = List.of(
            Column.of("Id", HandOff::id),
            Column.of("Channel", HandOff::channel),
            Column.of("Status", HandOff::status),
            Column.of("Reference", HandOff::reference),
            Column.of("Key", HandOff::key),
            Column.of("Customer", h -> h.customerName() + " (" + h.customerDomain() + ")"),
            Column.of("Tenant", HandOff::customerTenantId),
            Column.of("Title", HandOff::title),
            Column.of("Severity", HandOff::severity),
            Column.of("Service", HandOff::service),
            Column.of("Prepared", HandOff::createdDateTime),
            Column.of("Submitted", HandOff::submittedDateTime),
            Column.of("Closed", HandOff::closedDateTime),
            Column.of("Portal path", HandOff::portalPath),
            Column.of("Links", h -> h.linksOrEmpty().stream().map(l -> l.name() + ": " + l.uri())
                    .collect(Collectors.joining("\n"))),
            Column.of("Description", HandOff::description),
            Column.of("Notes", TicketsShow::notes));

    /** The desk's notes on a hand-off, oldest first, as one text. */
    static String notes(HandOff h) {
        return h.notesOrEmpty().stream().map(n -> "— " + n.createdDateTime() + "\n" + n.text())
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * Stops an operation only hand-offs have on any other id, with the code of every operation a
     * request does not offer (5).
     */
    static void requireHandOff(Context context, String id, String what) {
        if (!ServiceRequestDesk.isHandOff(id)) {
            throw new CliException(dev.pcx.cli.ExitCode.REFUSED, "'" + id + "' is not a hand-off (local-N): "
                    + what + " is kept only for the requests pcx prepared for a person to submit; see them with '"
                    + context.pcx("tickets list") + "'");
        }
    }

    private final Context context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The request's id: Partner Center's number, or local-N")
    String id;

    @picocli.CommandLine.Option(names = {"-c", "--customer"}, paramLabel = "CUSTOMER",
            description = "The customer whose service request it is (Partner Center's)")
    String customer;

    @picocli.CommandLine.Option(names = "--azure-subscription", paramLabel = "ID",
            description = "The customer's Azure subscription whose support ticket it is (Azure Support API)")
    String subscription;

    @picocli.CommandLine.Mixin
    TicketState state;

    TicketsShow(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Output output = context.output();
        if (subscription != null) {
            AzureSupportDesk desk = new AzureSupportDesk(context, customer, subscription);
            var ticket = desk.get(id.trim());
            context.say("Azure support ticket, through the Azure Support API on subscription " + desk.subscription());
            var thread = output.forPeople() ? desk.communications(ticket.name()) : List.<dev.pcx.api.model.SupportResource>of();
            List<Column<dev.pcx.api.model.SupportResource>> fields = new java.util.ArrayList<>(TicketColumns.AZURE);
            fields.add(Column.of("Communications", t -> TicketColumns.thread(thread)));
            output.single(ticket, fields);
            return 0;
        }
        if (ServiceRequestDesk.isId(id)) {
            ServiceRequestDesk desk = new ServiceRequestDesk(context, customer);
            output.single(desk.get(desk.open("showing a service request"), id.trim()), TicketColumns.REQUEST);
            return 0;
        }
        if (!ServiceRequestDesk.isHandOff(id)) {
            throw CliException.usage("'" + id + "' is not a request id: Partner Center's are numbers "
                    + "(616122292874576), the requests pcx prepared local-N; an Azure support ticket's name goes "
                    + "with --azure-subscription ID");
        }
        print(context, output, new HandOffLife(context, state.ledger(context)).find(id));
        return 0;
    }

    /** A person gets the text to paste; a script, the kept request in its format. */
    static void print(Context context, Output output, HandOff h) {
        if (output.forPeople()) {
            // what someone typed (a title, a description file) is shown, not obeyed: no escape
            // sequence reaches the terminal or the pasted form; JSON keeps the text, escaped
            StringBuilder shown = new StringBuilder(h.text());
            if (!HandOff.PREPARED.equals(h.status()) || !h.notesOrEmpty().isEmpty()) {
                // what became of it, after the text: the text stays whole, ready to paste
                shown.append("\nStatus: ").append(h.status());
                if (h.reference() != null) {
                    shown.append(", case ").append(h.reference()).append(" (submitted ").append(h.submittedDateTime())
                            .append(')');
                }
                if (h.closedDateTime() != null) {
                    shown.append(", closed ").append(h.closedDateTime());
                }
                shown.append('\n');
                if (!h.notesOrEmpty().isEmpty()) {
                    shown.append("Notes:\n").append(notes(h)).append('\n');
                }
            }
            context.io().out().print(dev.pcx.output.DisplayWidth.scrub(shown.toString()));
            context.io().out().flush();
        } else {
            output.single(h, DETAIL);
        }
    }
}
