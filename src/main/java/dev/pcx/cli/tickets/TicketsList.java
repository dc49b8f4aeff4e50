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
            "--status keeps Partner Center's requests in that status (hand-offs have none: they are left out); "
                    + "--key finds the request whose text carries 'pcx-key: KEY', filed or prepared. JSON keeps "
                    + "each request's own fields: Partner Center's as it sent them."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox tickets list",
            "  pcx --sandbox --cloud global tickets list -c contoso.partner.onmschina.cn",
            "  pcx --sandbox --cloud global tickets list -c fabrikam --status open \\",
            "      -o json",
            "  pcx --sandbox tickets list --key ci-42 -o jsonl --jq .id"
        })
final class TicketsList implements Callable<Integer> {
    private final Context context;

    @Option(names = {"-c", "--customer"}, paramLabel = "CUSTOMER", description = "Tenant id, domain or company-name prefix")
    String customer;

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Statuses.class,
            description = "open, closed or attention_needed")
    String status;

    @Option(names = "--source", paramLabel = "SOURCE", completionCandidates = Sources.class,
            description = "partner-center or handoff (default: both)")
    String source;

    @Option(names = "--key", paramLabel = "KEY", description = "Only the request prepared or filed with this key")
    String key;

    TicketsList(Context context) {
        this.context = context;
    }

    /** {@code --status}. */
    static final class Statuses implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("open", "closed", "attention_needed").iterator();
        }
    }

    /** {@code --source}. */
    static final class Sources implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("partner-center", "handoff").iterator();
        }
    }

    @Override
    public Integer call() {
        String wantStatus = status == null ? null : status.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (wantStatus != null && !List.of("open", "closed", "attention_needed").contains(wantStatus)) {
            throw CliException.usage("'" + status + "' is not a status: use open, closed, attention_needed (--status)");
        }
        String src = source == null ? null : source.trim().toLowerCase(Locale.ROOT);
        if (src != null && !List.of("partner-center", "handoff").contains(src)) {
            throw CliException.usage("'" + source + "' is not a source: use partner-center, handoff (--source)");
        }
        String k = key == null ? null : key.trim();
        Output output = context.output();
        List<HandOff> handOffs = new HandOffStore(context.configDir()).all();
        boolean fromPartnerCenter = customer != null && !"handoff".equals(src) && ServiceRequestDesk.offered(context);
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
                throw CustomerResolver.unknownTenantOr(e, tenant);
            }
            requests = read;
        }
        RecordPrinter<Object> printer = output.list(TicketColumns.LIST);
        for (ServiceRequest s : requests) {
            if ((wantStatus == null || wantStatus.equals(s.status())) && (k == null || k.equals(TicketKeys.keyOf(s)))) {
                printer.print(s);
            }
        }
        if (wantStatus == null && !"partner-center".equals(src)) {
            for (HandOff h : handOffs) {
                if ((customer == null || HandOffs.sameCustomer(h, customer)) && (k == null || k.equals(h.key()))) {
                    printer.print(h);
                }
            }
        }
        printer.finish();
        return 0;
    }
}
