package dev.pcx.cli.tickets;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code pcx tickets}: escalating a customer's problem to the operator. */
@Command(name = "tickets",
        header = "Escalate a customer's problem to the operator (21Vianet or Microsoft), and follow it.",
        description = {
            "No API files a customer's Microsoft 365 service request: 21Vianet has none, and Partner Center's "
                    + "was retired in 2020. So such a create is a hand-off: pcx composes the whole request (title, "
                    + "severity, service, description, the customer's tenant and domain), prints it ready to paste "
                    + "with the portal path and the links it knows, keeps it in $PCX_CONFIG_DIR/tickets, and exits "
                    + "8, so a CI job can page a person with the text. On global, a ticket for a customer's Azure "
                    + "subscription (--azure-subscription) is filed through the Azure Support API instead (exit 0).",
            "On global, a customer's Partner Center service requests can be listed, shown, noted and closed "
                    + "(app+user credentials). 'escalate' checks the service's health first.",
            "A hand-off's life is kept by the desk in the ticket ledger: prepared, then 'submitted' with the "
                    + "operator's case number, notes, then closed; 'tickets list' shows the open ones.",
            "--key KEY makes a create safe to retry: the request kept for that key is shown again, never "
                    + "prepared twice (\"replayed\": true in JSON), and the key is written into the request's text. "
                    + "--state DIR or $PCX_TICKETS_STATE moves the ledger (a CI cache)."
        })
public final class TicketsCommand extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final List<Map.Entry<String, Class<?>>> VERBS = List.of(
            Map.entry("list", TicketsList.class),
            Map.entry("show", TicketsShow.class),
            Map.entry("create", TicketsCreate.class),
            Map.entry("note", TicketsNote.class),
            Map.entry("close", TicketsClose.class),
            Map.entry("submitted", TicketsSubmitted.class),
            Map.entry("escalate", TicketsEscalate.class));
}
