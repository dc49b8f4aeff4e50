package dev.pcx.cli.health;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;

/** {@code pcx health events}: the desk ledger, the events of {@code health watch --all-customers} and where they went. */
@Command(name = "events",
        header = "List the incident events of 'health watch --all-customers' and their delivery.",
        description = {
            "The ledger 'pcx health watch --all-customers' keeps: each event (new, spread, recede, updated, resolved) "
                    + "with its key and its delivery to each destination named by a watch: delivered, failed (tried again "
                    + "by the next run), pending (not tried yet), unconfirmed (the run that sent it ended before the "
                    + "answer came: it is not sent again, check the receiver), dropped (given up with --drop: a "
                    + "receiver that refuses one event holds back the ones after it, in order, until it takes it or it is "
                    + "dropped). Events of the first run, recorded without telling anyone, say so.",
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
            LedgerState.Delivery.PENDING, LedgerState.Delivery.UNCONFIRMED, LedgerState.Delivery.SENDING,
            LedgerState.Delivery.DROPPED);

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
            description = "Only events with a delivery that is delivered, failed, pending, unconfirmed, sending or dropped")
    String outcome;

    @Option(names = "--key", paramLabel = "KEY", description = "Only the event of this key")
    String key;

    @Option(names = "--state", paramLabel = "FILE", description = "The ledger file, as given to the watch's --state")
    Path state;

    @Option(names = "--drop", paramLabel = "KEY",
            description = "Give up the event of this key where it was not delivered (a receiver that will never take "
                    + "it holds back the events after it): its deliveries become 'dropped', and it is listed")
    String drop;

    /** {@code 30m}, {@code 36h}, {@code 7d}: more than 0, at most 30 days (the ledger keeps no more). */
    static final class Since implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,7})\\s*([smhd])");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
            Duration d = null;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            if (d == null || d.isZero() || d.compareTo(Ledger.KEPT) > 0) {
                throw new CommandLine.TypeConversionException("'" + value + "': a while from 1s to 30d, e.g. 30m, "
                        + "36h, 7d (events are kept 30 days)");
            }
            return d;
        }
    }

    private static CliException noEvent(String key, Path file) {
        return CliException.notFound("no event " + key + " in " + file + " (events are kept 30 days)");
    }

    /** Marks the event's deliveries not made, to every destination that was to have it, dropped. */
    private void drop(Ledger ledger, String key, Path file) {
        String now = context.session().clock().instant().toString();
        ledger.hold(() -> context.session().say("waiting for another pcx delivering from " + file), held -> {
            LedgerState s = held.state();
            LedgerState.Entry entry = s.events.stream().filter(e -> key.equals(e.event().key())).findFirst()
                    .orElseThrow(() -> noEvent(key, file));
            int dropped = 0;
            for (var d : s.destinations.entrySet()) {
                LedgerState.Delivery x = entry.deliveries().get(d.getKey());
                if (entry.owedTo(d.getKey(), d.getValue().from())) {
                    entry.deliveries().put(d.getKey(), new LedgerState.Delivery(LedgerState.Delivery.DROPPED, now,
                            x == null ? 0 : x.attempts(), x == null ? "given up before it was sent" : x.error(),
                            x == null ? null : x.code()));
                    dropped++;
                }
            }
            held.save(context.session().clock().instant());
            context.session().say(dropped == 0 ? key + " was owed to no destination: nothing to drop"
                    : key + ": " + dropped + " deliver" + (dropped == 1 ? "y" : "ies") + " dropped; the events after it go "
                    + "on the next run");
            return null;
        });
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
        Path file = EveryCustomerOptions.ledgerFile(context, state);
        Ledger at = new Ledger(file, state != null);
        // what --drop gave up is listed whatever its age
        Instant from = drop != null ? Instant.MIN : context.session().clock().instant().minus(since);
        String wanted = drop != null ? drop.trim() : key != null ? key.trim() : null;
        if (drop != null) {
            drop(at, wanted, file);
        }
        LedgerState ledger = at.read();
        RecordPrinter<LedgerEvent> printer = context.output().list(COLUMNS);
        int shown = 0;
        for (LedgerState.Entry entry : ledger.events) {
            IncidentEvent e = entry.event();
            if (Instant.parse(e.at()).isBefore(from) || wanted != null && !wanted.equals(e.key())) {
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
        if (shown == 0 && key != null && drop == null) {
            throw noEvent(wanted, file);
        }
        return ExitCode.OK;
    }
}
