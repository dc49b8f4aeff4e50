package dev.pcx.cli.tickets;

import dev.pcx.api.ApiException;
import dev.pcx.api.model.ServiceRequest;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.output.Output;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Option(names = {"-c", "--customer"}, paramLabel = "CUSTOMER", description = "Tenant id, domain or company-name prefix")
    String customer;

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

    @picocli.CommandLine.Mixin
    TicketState state;

    TicketsList(Context context) {
        this.context = context;
    }

    /** {@code --status}. */
    static final class Statuses implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("open", "closed", "attention_needed", "all").iterator();
        }
    }

    /** {@code --source}. */
    static final class Sources implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("partner-center", "azure", "handoff").iterator();
        }
    }

    @Override
    public Integer call() {
        String wantStatus = status == null ? null : status.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (wantStatus != null && !List.of("open", "closed", "attention_needed", "all").contains(wantStatus)) {
            throw CliException.usage("'" + status + "' is not a status: use open, closed, attention_needed, all (--status)");
        }
        String handOffStatus = wantStatus == null ? (key == null ? "open" : "all") : wantStatus;
        if ("all".equals(wantStatus)) {
            wantStatus = null;
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
        String k = key == null ? null : key.trim();
        Output output = context.output();
        List<HandOff> handOffs = new HandOffStore(state.ledger(context)).all();
        boolean fromPartnerCenter = customer != null && (src == null || "partner-center".equals(src))
                && ServiceRequestDesk.offered(context);
        if (customer == null && "partner-center".equals(src)) {
            throw CliException.usage("Partner Center lists service requests per customer: add -c CUSTOMER");
        }
        if (customer != null && "partner-center".equals(src) && !fromPartnerCenter) {
            new ServiceRequestDesk(context, customer).open("listing service requests"); // says why not
        }
        List<ServiceRequest> requests = List.of();
        if (fromPartnerCenter) {
            ServiceRequestDesk desk = new ServiceRequestDesk(context, customer);
            var api = desk.open("listing service requests");
            String tenant = desk.tenantId();
            java.util.ArrayList<ServiceRequest> read = new java.util.ArrayList<>();
            try {
                api.list(tenant).forEach(-1, read::add);
            } catch (ApiException e) {
                throw CustomerResolver.unknownTenantOr(e, tenant, context);
            }
            requests = read;
        }
        List<dev.pcx.api.model.SupportResource> tickets = List.of();
        if (subscription != null && (src == null || "azure".equals(src))) {
            AzureSupportDesk azure = new AzureSupportDesk(context, customer, subscription);
            tickets = azure.list(wantStatus == null ? null : wantStatus.equals("open") ? "Open" : "Closed");
            context.say(tickets.size() + " Azure support ticket" + (tickets.size() == 1 ? "" : "s")
                    + " through the Azure Support API on subscription " + azure.subscription());
        }
        RecordPrinter<Object> printer = output.list(TicketColumns.LIST);
        for (dev.pcx.api.model.SupportResource t : tickets) {
            if (k == null || k.equals(TicketKeys.keyOf(t))) {
                printer.print(t);
            }
        }
        if (k != null && !tickets.isEmpty()) {
            long withKey = tickets.stream().filter(t -> k.equals(TicketKeys.keyOf(t))).count();
            context.say(withKey + " of them with key " + k);
        }
        for (ServiceRequest s : requests) {
            if ((wantStatus == null || wantStatus.equals(s.status())) && (k == null || k.equals(TicketKeys.keyOf(s)))) {
                printer.print(s);
            }
        }
        if (customer != null && !fromPartnerCenter && subscription == null) {
            // only hand-offs are listed: still, a customer that is not one of yours is said so,
            // and an ambiguous name is asked to be made precise, as everywhere else
            new CustomerResolver(context).tenantId(customer);
        }
        if (src == null || "handoff".equals(src)) {
            String cloud = context.connection().cloud().toString();
            int closedLeft = 0;
            for (HandOff h : handOffs) {
                if ((customer == null || HandOffs.sameCustomer(h, customer)) && (k == null || k.equals(h.key()))
                        && (h.cloud() == null || h.cloud().equalsIgnoreCase(cloud))) {
                    if (handOffStatus.equals("all") || handOffStatus.equals("open") == h.open()
                            && !handOffStatus.equals("attention_needed")) {
                        printer.print(h);
                    } else if (!h.open() && status == null) {
                        closedLeft++;
                    }
                }
            }
            printer.finish();
            if (closedLeft > 0) {
                context.say(closedLeft + " closed hand-off" + (closedLeft == 1 ? " is" : "s are") + " not listed: "
                        + "--status closed lists them, --status all every one");
            }
            return 0;
        }
        printer.finish();
        return 0;
    }
}
