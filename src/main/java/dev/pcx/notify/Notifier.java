package dev.pcx.notify;

import dev.pcx.api.model.ServiceHealthIssue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One round of {@code health watch --all-customers}: under the ledger's lock, what this poll
 * changed is recorded as events, then every event a destination has not had is delivered to it,
 * oldest first, each message recorded as being sent before it goes and as delivered (or failed)
 * once the receiver has answered. So a restart delivers nothing twice, a failure is tried again
 * next round, and a process killed between sending and recording leaves the event
 * {@code unconfirmed}: said, never sent again (it may have arrived) and never silently lost.
 */
public final class Notifier {
    private final Ledger ledger;
    private final List<Destination> destinations;
    private final Predicate<IncidentEvent.Issue> scope;
    private final boolean notifyExisting;
    private final Clock clock;
    private final Consumer<String> say;

    /**
     * @param scope          the issues this watch judges and delivers ({@code --service}, {@code --class})
     * @param notifyExisting whether the first poll's issues (already going on) are delivered too
     * @param say            hears what a person should know, one line each (stderr)
     */
    public Notifier(Ledger ledger, List<Destination> destinations, Predicate<IncidentEvent.Issue> scope,
                    boolean notifyExisting, Clock clock, Consumer<String> say) {
        this.ledger = ledger;
        this.destinations = List.copyOf(destinations);
        this.scope = scope;
        this.notifyExisting = notifyExisting;
        this.clock = clock;
        this.say = say;
    }

    /**
     * What a round did.
     *
     * @param events    this poll's events (none when another run recorded a newer poll first)
     * @param baseline  whether this was the first poll, recorded without delivering
     * @param known     the issues active after it, with the customers they hit
     * @param delivered how many events reached a destination
     * @param failed    the destinations that refused or could not be reached, with what stays pending
     * @param unconfirmed deliveries an earlier run left being sent (it ended before the answer), found by this one
     */
    public record Round(List<IncidentEvent> events, boolean baseline, Map<String, KnownIssue> known, int delivered,
                        List<Undelivered> failed, int unconfirmed) {
        /** Whether every event reached every destination, as far as pcx can know. */
        public boolean allDelivered() {
            return failed.isEmpty() && unconfirmed == 0;
        }
    }

    /**
     * Events that stay pending for {@code destination}, and why the first of them ({@code key}) was
     * not delivered.
     */
    public record Undelivered(Destination destination, int pending, String key, Destination.Failure failure) {
        /**
         * One line for a person: what stays pending where, and the receiver's own words; for a refusal
         * (not a throttle or an outage), how to give up the one refused, which holds back those after it.
         */
        public String describe() {
            return pending + " event" + (pending == 1 ? "" : "s") + " not delivered to " + destination.label() + ": "
                    + failure.message() + (pending == 1 ? "; it stays" : "; they stay") + " pending for the next run"
                    + (failure.retryLater() ? "" : " (if it is this event the receiver will never take, give it up: "
                    + "pcx health events --drop " + key + ")");
        }
    }

    /**
     * Records this poll and delivers.
     *
     * @param started when the poll started: a poll older than the one the ledger holds (an overlapping
     *                run recorded a later one while this one read) is not compared, only delivered from
     * @param looks   every customer's tenant
     * @param last    an issue's final state, as {@link IncidentChanges#derive} asks for it
     */
    public Round round(Instant started, List<TenantLook> looks,
                       BiFunction<String, List<IncidentEvent.Customer>, ServiceHealthIssue> last) {
        return ledger.hold(() -> say.accept("waiting for another pcx delivering from " + ledger.file()), held -> {
            LedgerState state = held.state();
            int unconfirmed = recover(state);
            boolean baseline = state.polledAt == null && !notifyExisting;
            long firstNew = state.nextSeq;
            List<IncidentEvent> events = List.of();
            if (state.polledAt == null || !started.isBefore(Instant.parse(state.polledAt))) {
                events = record(state, IncidentChanges.derive(state.issues, looks, scope, last, started), baseline);
                state.polledAt = started.toString();
            }
            register(state, firstNew);
            held.save(clock.instant());
            int delivered = 0;
            List<Undelivered> failed = new ArrayList<>();
            for (Destination d : destinations) {
                delivered += deliver(held, d, failed);
            }
            return new Round(events, baseline && !events.isEmpty(), new LinkedHashMap<>(state.issues), delivered, failed,
                    unconfirmed);
        });
    }

    /** This poll's events, added to the ledger, and what is known after it. */
    private static List<IncidentEvent> record(LedgerState state, IncidentChanges.Derived derived, boolean baseline) {
        for (IncidentEvent e : derived.events()) {
            state.events.add(new LedgerState.Entry(state.nextSeq++, baseline, e, null));
        }
        state.issues = new TreeMap<>(derived.known());
        return derived.events();
    }

    /** Each destination of this run as the ledger knows it: one named for the first time takes the events from {@code firstNew} on. */
    private void register(LedgerState state, long firstNew) {
        String now = clock.instant().toString();
        for (Destination d : destinations) {
            LedgerState.Registered r = state.destinations.get(d.id());
            state.destinations.put(d.id(), new LedgerState.Registered(d.label(), r != null ? r.from() : firstNew,
                    r != null ? r.since() : now));
        }
    }

    /**
     * Sends {@code d} what it is owed, oldest first, each message recorded as being sent before it goes
     * and with its outcome after; stops at the first failure, which holds back the rest (in order) and
     * is added to {@code failed}.
     *
     * @return how many events went
     */
    private int deliver(Ledger.Held held, Destination d, List<Undelivered> failed) {
        LedgerState state = held.state();
        long from = state.destinations.get(d.id()).from();
        List<LedgerState.Entry> pending = state.events.stream()
                .filter(e -> e.owedTo(d.id(), from) && scope.test(e.event().issue())).toList();
        int i = 0;
        while (i < pending.size()) {
            List<LedgerState.Entry> rest = pending.subList(i, pending.size());
            int n = Math.max(1, Math.min(rest.size(), d.batch(rest.stream().map(LedgerState.Entry::event).toList())));
            List<LedgerState.Entry> batch = rest.subList(0, n);
            mark(batch, d, LedgerState.Delivery.SENDING, null);
            held.save(clock.instant());
            Destination.Failure f;
            try {
                f = d.send(batch.stream().map(LedgerState.Entry::event).toList());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted(e); // left 'sending': the next run says it may not have arrived
            } catch (RuntimeException e) {
                f = new Destination.Failure(String.valueOf(e.getMessage()), null, true);
            }
            mark(batch, d, f == null ? LedgerState.Delivery.DELIVERED : LedgerState.Delivery.FAILED, f);
            held.save(clock.instant());
            if (f != null) {
                failed.add(new Undelivered(d, rest.size(), batch.get(0).event().key(), f));
                break;
            }
            i += n;
        }
        return i;
    }

    /** Ctrl-C while a message was being sent: the ledger says {@code sending} until the next run. */
    public static final class Interrupted extends RuntimeException {
        Interrupted(InterruptedException cause) {
            super("interrupted while delivering", cause);
        }
    }

    private void mark(List<LedgerState.Entry> batch, Destination d, String outcome, Destination.Failure f) {
        String at = clock.instant().toString();
        for (LedgerState.Entry e : batch) {
            LedgerState.Delivery was = e.deliveries().get(d.id());
            int attempts = (was == null ? 0 : was.attempts()) + (LedgerState.Delivery.SENDING.equals(outcome) ? 1 : 0);
            e.deliveries().put(d.id(), new LedgerState.Delivery(outcome, at, attempts,
                    f == null ? was == null ? null : was.error() : f.message(),
                    f == null ? was == null ? null : was.code() : f.receiverCode()));
        }
    }

    /**
     * A delivery left {@code sending} by a run that ended between sending and recording: it may have
     * arrived, so it is not sent again; it becomes {@code unconfirmed}, and is said once.
     */
    private int recover(LedgerState state) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (LedgerState.Entry e : state.events) {
            for (Map.Entry<String, LedgerState.Delivery> d : e.deliveries().entrySet()) {
                LedgerState.Delivery x = d.getValue();
                if (LedgerState.Delivery.SENDING.equals(x.outcome())) {
                    d.setValue(new LedgerState.Delivery(LedgerState.Delivery.UNCONFIRMED, x.at(), x.attempts(),
                            "pcx ended between sending it and hearing the answer", x.code()));
                    found.merge(d.getKey(), 1, Integer::sum);
                }
            }
        }
        found.forEach((id, n) -> {
            LedgerState.Registered r = state.destinations.get(id);
            say.accept(n + " event" + (n == 1 ? "" : "s") + " to " + (r == null ? id : r.label()) + " may not have "
                    + "arrived: an earlier pcx ended between sending and recording " + (n == 1 ? "it" : "them")
                    + "; not sent again (see them with: pcx health events --outcome unconfirmed)");
        });
        return found.values().stream().mapToInt(Integer::intValue).sum();
    }
}
