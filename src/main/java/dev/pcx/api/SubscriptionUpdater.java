package dev.pcx.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.model.Subscription;
import dev.pcx.api.model.SubscriptionEnums;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Changes fields of a subscription the way the contract asks: read it, change only those fields in
 * the body as read, PATCH the whole resource with {@code If-Match}. A field already at the wanted
 * value is not sent (nothing to do is not a PATCH). A 202 is watched at its {@code Location} until
 * the change shows, within a deadline. A 409/412 means someone else changed it: it is read again
 * and reported, never overwritten.
 */
public final class SubscriptionUpdater {
    /** How long to watch a 202 before giving up. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofSeconds(2);
    /** However soon a 202's Retry-After says to look again, polls are at least this far apart... */
    static final Duration POLL_FLOOR = Duration.ofSeconds(1);
    /** ...and back off to at most this. */
    static final Duration POLL_CEILING = Duration.ofSeconds(30);

    /** The fields a fix may change, by their wire names. */
    public enum Field {
        STATUS("status"), QUANTITY("quantity"), FRIENDLY_NAME("friendlyName"), AUTO_RENEW("autoRenewEnabled");

        private final String wire;

        Field(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** A wanted value. */
    public record Change(Field field, JsonNode value) {
    }

    /** One field from its current value to the wanted one. */
    public record Diff(String field, JsonNode from, JsonNode to) {
        @Override
        public String toString() {
            return field + ": " + text(from) + " → " + text(to);
        }

        private static String text(JsonNode n) {
            return n == null || n.isNull() || n.isMissingNode() ? "(none)" : n.isTextual() ? n.asText() : n.toString();
        }
    }

    /** What happened: the fields that differed and the subscription afterwards (before, for a dry run). */
    public record Outcome(Kind kind, List<Diff> diff, Subscription subscription, String request) {
        public enum Kind { APPLIED, UNCHANGED, WOULD_APPLY }
    }

    private final PartnerCenter api;
    private final Duration wait;
    private final Consumer<String> progress;

    public SubscriptionUpdater(PartnerCenter api, Duration wait, Consumer<String> progress) {
        this.api = api;
        this.wait = wait;
        this.progress = progress;
    }

    public Outcome apply(String customerId, String subscriptionId, List<Change> changes, boolean dryRun) {
        Subscriptions subs = api.subscriptions();
        Subscriptions.Read read = subs.get(customerId, subscriptionId);
        List<Diff> diff = diff(read.body(), changes);
        if (diff.isEmpty()) {
            return new Outcome(Outcome.Kind.UNCHANGED, diff, read.subscription(), null);
        }
        String etag = read.subscription().etag();
        String request = "PATCH /v1/customers/" + customerId + "/subscriptions/" + subscriptionId
                + (etag == null ? "" : " (If-Match: " + etag + ")");
        if (dryRun) {
            return new Outcome(Outcome.Kind.WOULD_APPLY, diff, read.subscription(), request);
        }
        ObjectNode body = read.body().deepCopy();
        for (Diff d : diff) {
            Subscriptions.set(body, d.field(), d.to());
        }
        String check = "check with: pcx services show -c " + customerId + " " + subscriptionId;
        Subscriptions.Patched patched;
        try {
            patched = WriteOnce.<Subscriptions.Patched>of(new WriteOnce.Words("the change of " + subscriptionId,
                            "the change of subscription " + subscriptionId, "the subscription", "shows it applied",
                            "applied"), progress)
                    .missing(r -> "does not show the change: it was not applied (or not yet)")
                    .check(check)
                    .rerun("run the command again (nothing is changed twice), or " + check)
                    .send(() -> subs.patch(customerId, subscriptionId, body, etag),
                            () -> new Subscriptions.Patched(200, subs.get(customerId, subscriptionId), null, null),
                            now -> diff(now.updated().body(), changes).isEmpty());
        } catch (ApiException e) {
            if (e.status() == 409 || e.status() == 412) {
                Subscription now = subs.get(customerId, subscriptionId).subscription();
                throw new ConflictException("subscription " + subscriptionId + " changed while pcx was changing it ("
                        + e.status() + "); nothing was overwritten. It is now: status " + now.status() + ", quantity "
                        + now.quantity() + ", auto-renew " + now.autoRenewEnabled() + ", name '" + now.friendlyName()
                        + "'. Run the command again if the change is still wanted", e.requestId());
            }
            throw e;
        }
        if (!patched.accepted()) {
            return new Outcome(Outcome.Kind.APPLIED, diff,
                    patched.updated() == null ? subs.get(customerId, subscriptionId).subscription()
                            : patched.updated().subscription(), request);
        }
        return new Outcome(Outcome.Kind.APPLIED, diff, watch(customerId, subscriptionId, patched, changes), request);
    }

    /** Polls a 202's Location (or the subscription) until the wanted values show, or the deadline passes. */
    private Subscription watch(String customerId, String subscriptionId, Subscriptions.Patched patched, List<Change> changes) {
        Subscriptions subs = api.subscriptions();
        long start = api.settings().nanoTime().getAsLong();
        long deadline = start + wait.toNanos();
        Duration pause = clamp(patched.retryAfter() != null ? patched.retryAfter() : POLL);
        boolean first = true;
        while (true) {
            if (!first) {
                pause = clamp(pause.multipliedBy(3).dividedBy(2));
            }
            first = false;
            long now = api.settings().nanoTime().getAsLong();
            if (now + pause.toNanos() > deadline) {
                throw new TransportException("Partner Center accepted the change to " + subscriptionId
                        + " but did not show it done within " + RetryInterceptor.human(wait)
                        + "; check later with: pcx services show -c " + customerId + " " + subscriptionId, null, null);
            }
            progress.accept("Partner Center accepted the change to " + subscriptionId + "; waiting for it to apply ("
                    + Duration.ofNanos(now - start).toSeconds() + " s)");
            try {
                api.settings().sleeper().sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting for the change to apply", null, e);
            }
            Subscriptions.Read read;
            try {
                read = patched.location() != null && !patched.location().isBlank()
                        ? subs.follow(patched.location()) : subs.get(customerId, subscriptionId);
            } catch (ApiException | MalformedResponseException e) {
                // the change was accepted all the same: a poll refused, answered with HTML or pointing
                // to another host must not read as "refused", or a person applies it again
                throw new OutcomeUnknownException("Partner Center accepted the change to " + subscriptionId
                        + ", then its progress could not be read (" + e.getMessage() + "): it may be applied", null, e,
                        "check with: pcx services show -c " + customerId + " " + subscriptionId);
            }
            if (diff(read.body(), changes).isEmpty()) {
                return read.subscription();
            }
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(POLL_FLOOR) < 0 ? POLL_FLOOR : d.compareTo(POLL_CEILING) > 0 ? POLL_CEILING : d;
    }

    /** The wanted changes whose field is not already at the wanted value. */
    static List<Diff> diff(ObjectNode body, List<Change> changes) {
        List<Diff> out = new ArrayList<>();
        for (Change c : changes) {
            JsonNode current = Json.field(body, c.field().wire());
            if (!same(c.field(), current, c.value())) {
                out.add(new Diff(c.field().wire(), current, c.value()));
            }
        }
        return out;
    }

    private static boolean same(Field field, JsonNode current, JsonNode wanted) {
        if (current == null || current.isNull()) {
            return wanted == null || wanted.isNull();
        }
        return switch (field) {
            case STATUS -> Objects.equals(SubscriptionEnums.STATUS.normalize(current), wanted.asText());
            case QUANTITY -> current.canConvertToInt() || current.isTextual()
                    ? current.asText().trim().equals(wanted.asText()) : false;
            case AUTO_RENEW -> current.isBoolean() ? current.asBoolean() == wanted.asBoolean()
                    : current.asText().equalsIgnoreCase(wanted.asText());
            case FRIENDLY_NAME -> current.asText().equals(wanted.asText());
        };
    }

}
