package dev.pcx.cli;

import dev.pcx.output.RecordPrinter;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A Ctrl-C (or SIGTERM) watch over one output, until closed: what was printed stays, what is known
 * but not printed yet is caught up, a JSON array is closed, so the output is well formed; then what
 * the run did is reported on stderr.
 */
public final class Interruption implements AutoCloseable {
    private final Thread hook;
    private final AtomicBoolean fired;

    private Interruption(Thread hook, AtomicBoolean fired) {
        this.hook = hook;
        this.fired = fired;
    }

    /** As {@link #watch(Session, RecordPrinter, Runnable, Supplier)}, with no records to catch up. */
    public static Interruption watch(Session session, RecordPrinter<?> printer, Supplier<String> summary) {
        return watch(session, printer, null, summary == null ? null : () -> List.of(summary.get()));
    }

    /**
     * Until closed, Ctrl-C runs {@code catchUp} (records known but not printed yet) and finishes
     * {@code printer}, both under its lock, then reports on stderr, when {@code report} is given:
     * its first line as the failure {@code pcx: interrupted: ...}, the others under it.
     */
    public static Interruption watch(Session session, RecordPrinter<?> printer, Runnable catchUp,
                                     Supplier<List<String>> report) {
        AtomicBoolean fired = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            synchronized (printer) {
                fired.set(true);
                session.progress().clear();
                if (catchUp != null) {
                    catchUp.run();
                }
                printer.finish();
                session.io().out().flush();
            }
            if (report != null) {
                List<String> lines = report.get();
                session.fail("interrupted: " + lines.get(0));
                lines.subList(1, lines.size()).forEach(session::say);
            }
        }, "pcx-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interruption(hook, fired);
    }

    /**
     * When Ctrl-C came, waits for the end of the process instead of returning: the report is said, the
     * process exits 130, and the command must not go on to print its own summary under it.
     */
    public void holdIfFired() {
        if (fired()) {
            while (true) {
                try {
                    Thread.currentThread().join();
                } catch (InterruptedException ignored) {
                    // the process is ending; nothing is left to do on this thread
                }
            }
        }
    }

    /** Whether Ctrl-C came: print nothing more (under the printer's lock). */
    public boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is finishing the output
        }
    }
}
