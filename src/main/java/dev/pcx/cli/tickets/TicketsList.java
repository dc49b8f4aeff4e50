package dev.pcx.cli.tickets;

import dev.pcx.cli.Context;
import dev.pcx.output.Column;
import dev.pcx.output.Output;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx tickets list}: the requests pcx prepared. */
@Command(name = "list",
        header = "List the requests pcx prepared (hand-offs), newest last.",
        description = "-c keeps one customer's (tenant id, domain or the start of the company name, matched "
                + "against what was kept: no call is made); --key finds the one a CI job prepared.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox tickets list",
            "  pcx --sandbox tickets list -c contoso.partner.onmschina.cn -o json",
            "  pcx --sandbox tickets list --key ci-42 -o jsonl --jq .id"
        })
final class TicketsList implements Callable<Integer> {
    private static final List<Column<HandOff>> COLUMNS = List.of(
            Column.of("Id", HandOff::id),
            Column.<HandOff>of("Channel", HandOff::channel).optional(2),
            Column.of("Customer", HandOff::customerName),
            Column.of("Severity", HandOff::severity),
            Column.<HandOff>of("Service", HandOff::service).optional(1),
            Column.shrinking("Title", HandOff::title),
            Column.<HandOff>of("Key", HandOff::key).optional(3),
            Column.<HandOff>of("Prepared", HandOff::createdDateTime).optional(4));

    private final Context context;

    @Option(names = {"-c", "--customer"}, paramLabel = "CUSTOMER", description = "Only this customer's")
    String customer;

    @Option(names = "--key", paramLabel = "KEY", description = "Only the one prepared with this key")
    String key;

    TicketsList(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Output output = context.output();
        List<HandOff> all = new HandOffStore(context.configDir()).all();
        RecordPrinter<HandOff> printer = output.list(COLUMNS);
        for (HandOff h : all) {
            if ((customer == null || HandOffs.sameCustomer(h, customer))
                    && (key == null || key.trim().equals(h.key()))) {
                printer.print(h);
            }
        }
        printer.finish();
        return 0;
    }
}
