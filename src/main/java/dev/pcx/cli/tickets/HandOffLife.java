package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The life of a hand-off, kept locally by the desk: {@code prepared} → {@code submitted} (the
 * operator's case number) → notes → {@code closed}. Each step is written to the ledger atomically
 * under its lock; a step already taken is left unchanged (exit 0), one that cannot be taken any more
 * is refused as every operation a request does not offer is (exit 5).
 */
final class HandOffLife {
    private static final java.util.regex.Pattern REF = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/#-]{0,99}");
    private final Context context;
    private final HandOffStore store;

    HandOffLife(Context context, Path ledger) {
        this.context = context;
        this.store = new HandOffStore(ledger);
    }

    /** The hand-off kept as {@code id}; exit 4 when none is. */
    HandOff find(String id) {
        HandOff h = store.byId(id.trim());
        if (h == null) {
            throw CliException.notFound("no hand-off '" + id.trim() + "' is kept in " + store.file().getParent()
                    + " (see them with: " + context.pcx("tickets list --status all") + ")");
        }
        return h;
    }

    /** Records that a person submitted {@code id} in the portal, as the operator's case {@code reference}. */
    HandOff submitted(String id, String reference) {
        String ref = reference == null ? "" : reference.trim();
        if (!REF.matcher(ref).matches()) {
            throw CliException.usage("'" + reference + "' is not a case number: up to 100 letters, digits, spaces and "
                    + ". _ : / # - (--ref)");
        }
        HandOff before = find(id);
        if (!before.open()) {
            throw new CliException(ExitCode.REFUSED, before.id() + " is closed (at " + before.closedDateTime()
                    + "): a closed hand-off is not submitted again; prepare a new request with '"
                    + context.pcx("tickets create") + "'");
        }
        if (ref.equals(before.reference())) {
            context.say(before.id() + " is already recorded as submitted, case " + ref + "; unchanged");
            return before;
        }
        HandOff after = store.update(before.id(), h -> h.submitted(ref, now()));
        context.say(before.reference() == null ? "recorded " + after.id() + " as submitted, case " + ref
                : "recorded the case of " + after.id() + " as " + ref + " (was " + before.reference() + ")");
        return after;
    }

    /** Adds {@code text} to the notes of {@code id}. */
    HandOff note(String id, String text) {
        HandOff before = find(id);
        HandOff after = store.update(before.id(), h -> h.noted(new HandOff.Note(now(), text)));
        context.say("added a note to " + after.id() + " (" + after.status() + ", kept locally: the operator does "
                + "not see it; add it in the portal too)");
        return after;
    }

    /** Closes {@code id}; one already closed is left unchanged. */
    HandOff close(String id) {
        HandOff before = find(id);
        if (!before.open()) {
            context.say(before.id() + " is already closed; unchanged");
            return before;
        }
        HandOff after = store.update(before.id(), h -> h.open() ? h.closed(now()) : h);
        context.say("closed " + after.id() + (after.reference() == null ? "" : " (case " + after.reference() + ")")
                + " in the desk's ledger; 'tickets list' no longer shows it (--status closed does)");
        return after;
    }

    private String now() {
        return Instant.now(context.clock()).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
