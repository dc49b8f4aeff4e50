package dev.pcx.cli.health;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.DurationConverter;
import dev.pcx.cli.ExitCode;
import dev.pcx.notify.IncidentEvent;
import dev.pcx.notify.Ledger;
import dev.pcx.notify.LedgerState;
import dev.pcx.output.Column;
import dev.pcx.output.RecordPrinter;
import dev.pcx.output.Times;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pcx health events}: the desk ledger, the events of {@code health watch --all-customers} and where they went. */
@Command(name = "events",
        header = "List the incident events of 'health watch --all-customers' and their delivery.",
        description = {
            "The ledger 'pcx health watch --all-customers' keeps: each event (new, spread, recede, updated, resolved) "
                    + "with its key and its delivery to each destination named by a watch: delivered, failed (tried again "
                    + "by the next run), pending (not tried yet), unconfirmed (the run that sent it ended before the "
                    + "answer came: it is not sent again, check the receiver). Events of the first run, recorded without "
                    + "telling anyone, say so.",
            "-o jsonl gives one object per event, the same object as the watch prints and --exec reads, with "
                    + "'baseline' and 'deliveries' added: a script can sync them into a PSA with one ticket per key. "
                    + "Events are kept 30 days."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox health events",
            "  pcx --sandbox health events --since 7d -o jsonl",
            "  pcx --sandbox health events --outcome failed -o jsonl --jq '.key'"
        })
final class HealthEvents implements Callable<Integer> {
    private static final List<String> OUTCOMES = List.of(LedgerState.Delivery.DELIVERED, LedgerState.Delivery.FAILED,
            LedgerState.Delivery.PENDING, LedgerState.Delivery.UNCONFIRMED, LedgerState.Delivery.SENDING);

    private final Context context;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h", converter = Since.class,
            description = "Events seen in this last while: 30m, 24h, 7d (default: ${DEFAULT-VALUE})")
    Duration since;

    /** What {@code --outcome} completes to. */
    static final class Outcomes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return OUTCOMES.iterator();
        }
    }

    @Option(names = "--outcome", paramLabel = "OUTCOME", completionCandidates = Outcomes.class,
            description = "Only events with a delivery that is delivered, failed, pending, unconfirmed or sending")
    String outcome;

    @Option(names = "--key", paramLabel = "KEY", description = "Only the event of this key")
    String key;

    @Option(names = "--state", paramLabel = "FILE", description = "The ledger file, as given to the watch's --state")
    Path state;

    /** {@code 7d} (at most 30: the ledger keeps no more), or a duration as {@code --interval} takes it. */
    static final class Since implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.matches("\\d{1,2}d")) {
                long days = Long.parseLong(v.substring(0, v.length() - 1));
                if (days < 1 || days > 30) {
                    throw new CommandLine.TypeConversionException("'" + value + "': from 1d to 30d (events are kept 30 days)");
                }
                return Duration.ofDays(days);
            }
            return DurationConverter.parse(value);
        }
    }

    HealthEvents(Context context) {
        this.context = context;
    }

    static final List<Column<LedgerEvent>> COLUMNS = List.of(
            Column.of("Time", (LedgerEvent e) -> e.at()).shown(e -> Times.seconds(e.at())),
            Column.of("Event", LedgerEvent::type),
            Column.of("Id", e -> e.issue().id()),
            Column.of("Hit", e -> String.valueOf(e.customersCount())),
            Column.shrinking("Customers", e -> EveryCustomerWatch.names(e.customers(), 3)),
            Column.below("Delivery", LedgerEvent::outcomes),
            Column.<LedgerEvent>of("Key", LedgerEvent::key).optional(3));

    @Override
    public Integer call() {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw CliException.usage("--outcome takes " + String.join(", ", OUTCOMES));
        }
        Path file = state != null ? state : context.session().configDir().resolve("events")
                .resolve(context.connections().profileName() + ".json");
        LedgerState ledger = new Ledger(file, state != null).read();
        Instant from = context.session().clock().instant().minus(since);
        RecordPrinter<LedgerEvent> printer = context.output().list(COLUMNS);
        int shown = 0;
        for (LedgerState.Entry entry : ledger.events) {
            IncidentEvent e = entry.event();
            if (Instant.parse(e.at()).isBefore(from) || key != null && !key.trim().equals(e.key())) {
                continue;
            }
            LedgerEvent row = LedgerEvent.of(entry, ledger.destinations);
            if (outcome != null && row.deliveries().stream().noneMatch(d -> outcome.equals(d.outcome()))) {
                continue;
            }
            printer.print(row);
            shown++;
        }
        printer.finish();
        if (shown == 0 && key != null) {
            throw CliException.notFound("no event " + key.trim() + " in " + file + " (events are kept 30 days)");
        }
        return ExitCode.OK;
    }
}
