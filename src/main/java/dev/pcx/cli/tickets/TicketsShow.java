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
            "A hand-off (local-N) is printed as it was prepared, ready to paste again; -o json gives the kept "
                    + "request."
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
            Column.of("Key", HandOff::key),
            Column.of("Customer", h -> h.customerName() + " (" + h.customerDomain() + ")"),
            Column.of("Tenant", HandOff::customerTenantId),
            Column.of("Title", HandOff::title),
            Column.of("Severity", HandOff::severity),
            Column.of("Service", HandOff::service),
            Column.of("Prepared", HandOff::createdDateTime),
            Column.of("Portal path", HandOff::portalPath),
            Column.of("Links", h -> h.linksOrEmpty().stream().map(l -> l.name() + ": " + l.uri())
                    .collect(Collectors.joining("\n"))),
            Column.of("Description", HandOff::description));

    private final Context context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The request's id: Partner Center's number, or local-N")
    String id;

    @picocli.CommandLine.Option(names = {"-c", "--customer"}, paramLabel = "CUSTOMER",
            description = "The customer whose service request it is (Partner Center's)")
    String customer;

    @picocli.CommandLine.Option(names = "--azure-subscription", paramLabel = "ID",
            description = "The customer's Azure subscription whose support ticket it is (Azure Support API)")
    String subscription;

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
        HandOff h = new HandOffStore(context.configDir()).byId(id.trim());
        if (h == null) {
            throw CliException.notFound("no request '" + id + "' is kept here (see them with: "
                    + context.pcx("tickets list") + ")");
        }
        print(context, output, h);
        return 0;
    }

    /** A person gets the text to paste; a script, the kept request in its format. */
    static void print(Context context, Output output, HandOff h) {
        if (output.forPeople()) {
            // what someone typed (a title, a description file) is shown, not obeyed: no escape
            // sequence reaches the terminal or the pasted form; JSON keeps the text, escaped
            context.io().out().print(dev.pcx.output.DisplayWidth.scrub(h.text()));
            context.io().out().flush();
        } else {
            output.single(h, DETAIL);
        }
    }
}
