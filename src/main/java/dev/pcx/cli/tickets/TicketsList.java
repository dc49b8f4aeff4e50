package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pcx tickets list}: a customer's service requests (global) and the requests pcx prepared. */
@Command(name = "list",
        header = "List a customer's service requests, and the requests pcx prepared (hand-offs).",
        description = {
            "On global, -c lists the customer's Partner Center service requests (app+user credentials), then "
                    + "the hand-offs pcx prepared for that customer. 21Vianet has no service-request API: there, "
                    + "and without -c, the list is the hand-offs kept in $PCX_CONFIG_DIR/tickets.",
            "With --azure-subscription (global), the customer's Azure support tickets on that subscription are "
                    + "listed too, through the Azure Support API.",
            "Hand-offs are listed while they are open (prepared, or submitted with the operator's case number); "
                    + "--status closed lists the closed ones, --status all every one. --status keeps Partner "
                    + "Center's requests and Azure's tickets in that status (all of them without it). --key finds "
                    + "the request whose text carries 'pcx-key: KEY', filed or prepared, whatever its status. "
                    + "Every format carries the status, the key and the reference (the operator's case number, "
                    + "or Azure's ticket number); JSON keeps each request's own fields: Partner Center's as it "
                    + "sent them.",
            "Only the hand-offs prepared on this cloud (--cloud) are listed; the ledger is --state DIR, else "
                    + "$PCX_TICKETS_STATE, else $PCX_CONFIG_DIR/tickets."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox tickets list",
            "  pcx --sandbox --cloud global tickets list -c contoso.partner.onmschina.cn",
            "  pcx --sandbox --cloud global tickets list -c fabrikam --status open \\",
            "      -o json",
            "  pcx --sandbox tickets list --key ci-42 -o jsonl --jq .id",
            "  pcx --sandbox tickets list --status all -o csv",
            "  pcx --sandbox --cloud global tickets list \\",
            "      -c contoso.partner.onmschina.cn --source azure \\",
            "      --azure-subscription 5c7e0a2f-a2f1-4b3c-9d8e-000000000000"
        })
final class TicketsList implements Callable<Integer> {
    private final Context context;

    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Statuses.class,
            description = "open, closed, attention_needed or all (hand-offs: open unless given)")
    String status;

    @Option(names = "--source", paramLabel = "SOURCE", completionCandidates = Sources.class,
            description = "partner-center, azure or handoff (default: all)")
    String source;

    @Option(names = "--azure-subscription", paramLabel = "ID",
            description = "Also the customer's Azure support tickets on this Azure subscription (Azure Support API)")
    String subscription;

    @Option(names = "--key", paramLabel = "KEY", description = "Only the request prepared or filed with this key")
    String key;

    @Mixin
    TicketState state;

    TicketsList(Context context) {
        this.context = context;
    }

    /** {@code --status}. */
    static final class Statuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("open", "closed", "attention_needed", "all").iterator();
        }
    }

    /** {@code --source}. */
    static final class Sources implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("partner-center", "azure", "handoff").iterator();
        }
    }

    @Override
    public Integer call() {
        String wantStatus = status == null ? null : status.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (wantStatus != null && !List.of("open", "closed", "attention_needed", "all").contains(wantStatus)) {
            throw CliException.usage("'" + status + "' is not a status: use open, closed, attention_needed, all (--status)");
        }
        String src = source == null ? null : source.trim().toLowerCase(Locale.ROOT);
        if (src != null && !List.of("partner-center", "azure", "handoff").contains(src)) {
            throw CliException.usage("'" + source + "' is not a source: use partner-center, azure, handoff (--source)");
        }
        if ("azure".equals(src) && subscription == null) {
            throw CliException.usage("Azure support tickets are listed per subscription: add -c CUSTOMER "
                    + "--azure-subscription ID");
        }
        if (subscription != null && "attention_needed".equals(wantStatus)) {
            throw CliException.usage("Azure support tickets are open or closed: --status attention_needed is Partner "
                    + "Center's only");
        }
        TicketCustomer c = new TicketCustomer(context, customer.customer);
        if (!c.given() && "partner-center".equals(src)) {
            throw CliException.usage("Partner Center lists service requests per customer: add -c CUSTOMER");
        }
        String k = key == null ? null : key.trim();
        // the ledger is read first: one that cannot be used is said before any call
        HandOffChannel handOffs = src == null || "handoff".equals(src)
                ? new HandOffChannel(context, state.ledger(context), c.text()) : null;
        List<Ticket> prepared = handOffs == null ? List.of() : handOffs.views(wantStatus, k);
        boolean fromPartnerCenter = c.given() && (src == null || "partner-center".equals(src))
                && ServiceRequestChannel.offered(context);
        ServiceRequestChannel requests = new ServiceRequestChannel(context, c);
        if (c.given() && "partner-center".equals(src) && !fromPartnerCenter) {
            requests.open("listing service requests"); // says why not
        }
        List<Ticket> filed = fromPartnerCenter ? requests.views(wantStatus, k) : List.of();
        List<Ticket> azure = subscription != null && (src == null || "azure".equals(src))
                ? new AzureChannel(context, c, subscription).views(wantStatus, k) : List.of();
        if (c.given() && !fromPartnerCenter && subscription == null) {
            // only hand-offs are listed: still, a customer that is not one of yours is said so,
            // and an ambiguous name is asked to be made precise, as everywhere else
            c.tenantId();
        }
        RecordPrinter<Ticket> printer = context.output().list(Ticket.LIST);
        azure.forEach(printer::print);
        filed.forEach(printer::print);
        prepared.forEach(printer::print);
        printer.finish();
        if (handOffs != null) {
            handOffs.listed();
        }
        return 0;
    }
}
