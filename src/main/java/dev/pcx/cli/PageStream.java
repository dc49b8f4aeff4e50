package dev.pcx.cli;

import dev.pcx.api.Pages;
import dev.pcx.output.RecordPrinter;

import java.util.function.Predicate;

/**
 * A collection streamed into a printer, flushed after each page, that stops fetching when the reader
 * of stdout has gone ({@code pcx customers list --all | head}) or Ctrl-C came.
 */
public final class PageStream {
    private PageStream() {
    }

    /**
     * Prints every item of {@code pages}, up to {@code limit} (-1: all).
     *
     * @return true if the collection had more than {@code limit} items
     */
    public static <T> boolean print(Session session, Pages<T> pages, long limit, RecordPrinter<T> printer) {
        return print(session, pages, limit, printer, item -> true);
    }

    /**
     * As {@link #print(Session, Pages, long, RecordPrinter)}, printing only the items {@code keep}
     * accepts. While a table waits for its last page (or records go elsewhere than the terminal), a
     * terminal's stderr shows how many have been read.
     */
    public static <T> boolean print(Session session, Pages<T> pages, long limit, RecordPrinter<T> printer,
                                    Predicate<T> keep) {
        Io io = session.io();
        boolean showProgress = printer.buffered() || !io.stdoutTty();
        long[] read = {0};
        try (Interruption interrupted = Interruption.watch(session, printer, null)) {
            return pages.forEach(limit, item -> {
                read[0]++;
                if (keep.test(item)) {
                    synchronized (printer) {
                        if (!interrupted.fired()) {
                            printer.print(item);
                        }
                    }
                }
            }, () -> {
                synchronized (printer) {
                    printer.flush();
                }
                if (showProgress) {
                    session.progress().update("read " + read[0] + " so far…");
                }
                return !io.out().checkError() && !interrupted.fired();
            });
        } finally {
            session.progress().clear();
        }
    }
}
