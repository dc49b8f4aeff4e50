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

    /** What happened: the fields that differed and the subscription afterwards (before, for a dry run). */
    public record Outcome(Kind kind, List<FieldChange> changes, Subscription subscription, String request) {
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

    /**
     * Sets the {@link FieldChange#wanted wanted} fields of {@code sub} that differ; with
     * {@code dryRun}, says what it would send and sends nothing.
     */
    public Outcome apply(SubscriptionRef sub, List<FieldChange> wanted, boolean dryRun) {
        Subscriptions subs = api.subscriptions();
        Subscriptions.Read read = subs.get(sub);
        List<FieldChange> changes = changes(read.body(), wanted);
        if (changes.isEmpty()) {
            return new Outcome(Outcome.Kind.UNCHANGED, changes, read.subscription(), null);
        }
        String etag = read.subscription().etag();
        String request = "PATCH /v1/customers/" + sub.customerId() + "/subscriptions/" + sub.subscriptionId()
                + (etag == null ? "" : " (If-Match: " + etag + ")");
        if (dryRun) {
            return new Outcome(Outcome.Kind.WOULD_APPLY, changes, read.subscription(), request);
        }
        ObjectNode body = read.body().deepCopy();
        for (FieldChange c : changes) {
            Subscriptions.set(body, c.field().wire(), c.to());
        }
        String id = sub.subscriptionId();
        String check = "check with: pcx " + sub.showCommand();
        Subscriptions.Patched patched;
        try {
            patched = WriteOnce.<Subscriptions.Patched>of(new WriteOnce.Words("the change of " + id,
                            "the change of subscription " + id, "the subscription", "shows it applied",
                            "applied"), progress)
                    .missing(r -> "does not show the change: it was not applied (or not yet)")
                    .check(check)
                    .rerun("run the command again (nothing is changed twice), or " + check)
                    .send(() -> subs.patch(sub, body, etag),
                            () -> new Subscriptions.Patched(200, subs.get(sub), null, null),
                            now -> changes(now.updated().body(), wanted).isEmpty());
        } catch (ApiException e) {
            if (e.status() == 409 || e.status() == 412) {
                Subscription now = subs.get(sub).subscription();
                throw new ConflictException("subscription " + id + " changed while pcx was changing it ("
                        + e.status() + "); nothing was overwritten. It is now: status " + now.status() + ", quantity "
                        + now.quantity() + ", auto-renew " + now.autoRenewEnabled() + ", name '" + now.friendlyName()
                        + "'. Run the command again if the change is still wanted", e.requestId());
            }
            throw e;
        }
        if (!patched.accepted()) {
            return new Outcome(Outcome.Kind.APPLIED, changes,
                    patched.updated() == null ? subs.get(sub).subscription() : patched.updated().subscription(), request);
        }
        return new Outcome(Outcome.Kind.APPLIED, changes, watch(sub, patched, wanted), request);
    }

    /** Polls a 202's Location (or the subscription) until the wanted values show, or the deadline passes. */
    private Subscription watch(SubscriptionRef sub, Subscriptions.Patched patched, List<FieldChange> wanted) {
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
                throw new TransportException("Partner Center accepted the change to " + sub.subscriptionId()
                        + " but did not show it done within " + RetryInterceptor.human(wait)
                        + "; check later with: pcx " + sub.showCommand(), null, null);
            }
            progress.accept("Partner Center accepted the change to " + sub.subscriptionId()
                    + "; waiting for it to apply (" + Duration.ofNanos(now - start).toSeconds() + " s)");
            try {
                api.settings().sleeper().sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting for the change to apply", null, e);
            }
            Subscriptions.Read read;
            try {
                read = patched.location() != null && !patched.location().isBlank()
                        ? subs.follow(patched.location()) : subs.get(sub);
            } catch (ApiException | MalformedResponseException e) {
                // the change was accepted all the same: a poll refused, answered with HTML or pointing
                // to another host must not read as "refused", or a person applies it again
                throw new OutcomeUnknownException("Partner Center accepted the change to " + sub.subscriptionId()
                        + ", then its progress could not be read (" + e.getMessage() + "): it may be applied", null, e,
                        "check with: pcx " + sub.showCommand());
            }
            if (changes(read.body(), wanted).isEmpty()) {
                return read.subscription();
            }
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(POLL_FLOOR) < 0 ? POLL_FLOOR : d.compareTo(POLL_CEILING) > 0 ? POLL_CEILING : d;
    }

    /** The wanted changes whose field is not already at the wanted value, each from the value in {@code body}. */
    static List<FieldChange> changes(ObjectNode body, List<FieldChange> wanted) {
        List<FieldChange> out = new ArrayList<>();
        for (FieldChange c : wanted) {
            JsonNode current = Json.field(body, c.field().wire());
            if (!same(c.field(), current, c.to())) {
                out.add(c.withFrom(current));
            }
        }
        return out;
    }

    private static boolean same(FieldChange.Field field, JsonNode current, JsonNode wanted) {
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
