package dev.pcx.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desk ledger's file, as pcx writes it: what the last poll knew of each active issue, the
 * destinations ever named and from which event each takes delivery, and the events with their
 * delivery to each destination.
 */
@JsonPropertyOrder({"version", "polledAt", "issues", "destinations", "nextSeq", "events"})
public final class LedgerState {
    public static final int VERSION = 1;

    public int version = VERSION;
    /** When the poll the known issues come from started, ISO-8601; null before the first. */
    public String polledAt;
    /** The issues active at that poll, by id. */
    public Map<String, KnownIssue> issues = new TreeMap<>();
    /** Every destination named by a run, by {@link Destination#id()}. */
    public Map<String, Registered> destinations = new LinkedHashMap<>();
    /** The sequence number the next event recorded gets. */
    public long nextSeq = 1;
    /** Events, oldest first. */
    public List<Entry> events = new ArrayList<>();

    /**
     * A destination as first named: it takes delivery of the events from {@code from} on (the ones
     * before it was named are not its to get).
     */
    @JsonPropertyOrder({"label", "from", "since"})
    public record Registered(String label, long from, String since) {
    }

    /**
     * An event and where it went.
     *
     * @param baseline   recorded by the first poll, which takes in what is already going on without
     *                   telling anyone (unless {@code --notify-existing})
     * @param deliveries by destination id
     */
    @JsonPropertyOrder({"seq", "baseline", "event", "deliveries"})
    public record Entry(long seq, boolean baseline, IncidentEvent event, Map<String, Delivery> deliveries) {
        public Entry {
            deliveries = deliveries == null ? new LinkedHashMap<>() : new LinkedHashMap<>(deliveries);
        }

        /**
         * Whether this event is owed to the destination {@code id}, named from event {@code from} on:
         * not tried yet (and neither the first run's nor older than the destination), or tried and failed.
         */
        public boolean owedTo(String id, long from) {
            Delivery x = deliveries.get(id);
            return x == null ? !baseline && seq >= from : Delivery.FAILED.equals(x.outcome());
        }
    }

    /**
     * One event's delivery to one destination.
     *
     * @param outcome  {@code delivered}; {@code failed} (tried, tried again on the next run);
     *                 {@code sending} (being sent: found so by a later run, the process ended between
     *                 sending and recording); {@code unconfirmed} (such a one: not sent again, as it may
     *                 have arrived); {@code dropped} (given up by a person)
     * @param attempts how many times it was sent
     * @param error    the last failure, for a person (no secret in it)
     * @param code     the receiver's own code for it ({@code 130101}, {@code 429}, {@code exit 3})
     */
    @JsonPropertyOrder({"outcome", "at", "attempts", "error", "code"})
    public record Delivery(String outcome, String at, int attempts, String error, String code) {
        public static final String DELIVERED = "delivered";
        public static final String FAILED = "failed";
        public static final String SENDING = "sending";
        public static final String UNCONFIRMED = "unconfirmed";
        /** Given up by a person ({@code health events --drop KEY}): a receiver that will never take it. */
        public static final String DROPPED = "dropped";
        /** Not in the file: how {@code health events} shows a delivery not tried yet. */
        public static final String PENDING = "pending";
    }
}
