package dev.pcx.cli.tickets;

import dev.pcx.cli.Context;
import dev.pcx.output.Column;

import java.util.List;
import java.util.function.Predicate;

/**
 * One place a request lives: the hand-offs pcx prepared ({@link HandOffChannel}), a customer's
 * Partner Center service requests ({@link ServiceRequestChannel}) or a customer's Azure support
 * tickets ({@link AzureChannel}). Every verb is the same on each: parse the reference, take its
 * channel, print. A channel stops before any call where it cannot be used (21Vianet, the wrong
 * credentials, no customer) with what to do instead; every write on it happens once.
 *
 * @param <S> the request as the channel has it (what {@code -o json} prints)
 */
abstract class TicketChannel<S> {
    protected final Context context;
    private final String noun;
    private final Predicate<S> closed;

    /** A channel whose messages call a request a {@code noun} ("service request"), closed when {@code closed} says. */
    TicketChannel(Context context, String noun, Predicate<S> closed) {
        this.context = context;
        this.noun = noun;
        this.closed = closed;
    }

    /** The request {@code id} names; exit 4 when the channel has none. */
    abstract S get(String id);

    /** Adds {@code text} as a note, once, saying what it did; the request afterwards. */
    abstract S note(String id, String text);

    /** Closes the request once, saying what it did; one closed already is left unchanged (exit 0). */
    final S close(String id) {
        S before = get(id);
        if (closed.test(before)) {
            context.session().say(named(before, id) + " is already closed; unchanged");
            return before;
        }
        return closeOpen(before, id);
    }

    /** How messages name the request {@code id} names ("service request 616…"). */
    String named(S request, String id) {
        return noun + " " + id;
    }

    /** Closes the open request {@code before}, once, saying what it did; the request afterwards. */
    abstract S closeOpen(S before, String id);

    /**
     * The requests in {@code status} (open, closed, attention_needed, all; null: the ones the
     * channel lists by default); {@code key}, when given, is the one a listing looks for.
     */
    abstract List<S> list(String status, String key);

    /** Says, after a listing, what it left out (nothing by default). */
    void listed() {
    }

    /** The request as every listing shows it. */
    abstract Ticket view(S request);

    /** The request in full, for {@code show} and after a write. */
    abstract List<Column<S>> fields();

    /** Prints the request as {@code show} does. */
    void show(S request) {
        print(request);
    }

    /** Prints the request in full after a write. */
    void print(S request) {
        context.output().single(request, fields());
    }

    /** {@code tickets show ID}. */
    final void showing(String id) {
        show(get(id));
    }

    /** {@code tickets note ID TEXT}. */
    final void noting(String id, String text) {
        print(note(id, text));
    }

    /** {@code tickets close ID}. */
    final void closing(String id) {
        print(close(id));
    }

    /** The listed requests (those carrying {@code key}, when given), as listings show them. */
    final List<Ticket> views(String status, String key) {
        return list(status, key).stream().map(this::view).filter(t -> key == null || key.equals(t.key())).toList();
    }
}
