package dev.pcx.api;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A write sent so that it happens once, whatever becomes of its answer: send → (answer lost) →
 * read the resource back → applied? A lost answer is never taken for "not done": when the
 * resource shows the write, that is the outcome; when it does not, the write is sent again only
 * where that cannot do it twice (a name the client chose, {@link #attempts} above one), else the
 * person is told it was not done; when the resource cannot be read either, the outcome is unknown
 * (exit 6) with the command that checks. An answer that said "accepted, still working" (a 202
 * whose progress was lost) and Ctrl-C are never sent again.
 *
 * <p>Used by every write pcx makes: a subscription change, a note or a close on a service request,
 * an Azure support ticket filed, noted or closed.
 *
 * @param <R> what the write answers and the read-back reads: the resource afterwards
 */
public final class WriteOnce<R> {
    /**
     * How the outcomes are said.
     *
     * @param what   the write, shortly ("the note", "closing 616…")
     * @param whatIn the write with what it was made on ("the note on request 616…")
     * @param where  the resource read back ("the request")
     * @param shows  what the resource shows when the write is there ("shows it added")
     * @param done   the past participle for "it may or may not have been …" ("applied")
     */
    public record Words(String what, String whatIn, String where, String shows, String done) {
    }

    private final Words words;
    private final Consumer<String> say;
    private int attempts = 1;
    private Function<R, String> missing;
    private String again = "sending it again";
    private String check;
    private String rerun = "run the command again";

    private WriteOnce(Words words, Consumer<String> say) {
        this.words = words;
        this.say = say;
        this.missing = r -> "does not show it: it was not " + words.done() + " (or not yet)";
    }

    /** A write said with {@code words}, its progress said to {@code say} (stderr). */
    public static <R> WriteOnce<R> of(Words words, Consumer<String> say) {
        return new WriteOnce<>(words, say);
    }

    /**
     * Sends again, up to {@code n} sends in all, while the answers are lost and the resource does
     * not show the write: only for a write that cannot happen twice (it names what it creates).
     * {@code again} says so ("filing it again under the same name").
     */
    public WriteOnce<R> attempts(int n, String again) {
        this.attempts = n;
        this.again = again;
        return this;
    }

    /** How the resource read back says the write is not there ("is still open: it was not closed (or not yet)"). */
    public WriteOnce<R> missing(Function<R, String> missing) {
        this.missing = missing;
        return this;
    }

    /** The command that shows the resource, for an unknown outcome ("check with: pcx …"). */
    public WriteOnce<R> check(String check) {
        this.check = check;
        return this;
    }

    /** What to do when the write was not done ("run the command again, or check with: …"). */
    public WriteOnce<R> rerun(String rerun) {
        this.rerun = rerun;
        return this;
    }

    /**
     * Sends the write; after a lost answer, reads the resource back ({@code readBack} may answer
     * null: not there) and asks {@code applied} whether the write shows. The answer of the write,
     * or what was read back when it was lost and the write shows.
     */
    public R send(Supplier<R> write, Supplier<R> readBack, Predicate<R> applied) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (OutcomeUnknownException unknown) {
                // accepted, and still being worked on when its progress was lost: never sent again
                throw check == null ? unknown
                        : new OutcomeUnknownException(unknown.getMessage(), unknown.target(), unknown, check);
            } catch (CancelledException interrupted) {
                say.accept("interrupted during " + words.what() + ": it may have been " + words.done()
                        + (check == null ? "" : "; " + check));
                throw interrupted;
            } catch (TransportException lost) {
                R now = read(readBack, lost);
                if (now != null && applied.test(now)) {
                    say.accept("the answer to " + words.what() + " was lost; " + words.where() + " " + words.shows());
                    return now;
                }
                if (attempt >= attempts) {
                    throw new TransportException((attempt == 1 ? "the answer to " + words.whatIn() + " was lost ("
                            : "the answers to " + words.whatIn() + " were lost " + attempt + " times (")
                            + lost.getMessage() + "), and " + words.where() + " " + missing.apply(now), lost.target(),
                            lost, rerun);
                }
                say.accept("the answer to " + words.what() + " was lost (" + lost.getMessage() + ") and "
                        + words.where() + " does not show it; " + again);
            }
        }
    }

    private R read(Supplier<R> readBack, TransportException lost) {
        try {
            return readBack.get();
        } catch (RuntimeException unreadable) {
            throw new OutcomeUnknownException("the answer to " + words.whatIn() + " was lost (" + lost.getMessage()
                    + "), and " + words.where() + " could not be read again: it may or may not have been "
                    + words.done(), lost.target(), lost, check);
        }
    }
}
