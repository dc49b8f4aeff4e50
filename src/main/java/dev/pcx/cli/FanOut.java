package dev.pcx.cli;

import dev.pcx.api.CallScope;
import dev.pcx.output.RecordPrinter;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Work over many customers, at most {@code parallel} at a time, each outcome handed on as soon as
 * it is known, in the order they finish: the one fan-out of every command that works across
 * customers. The work gives every customer an outcome (a customer that cannot be read is an
 * outcome too, never dropped); throttling is waited out by the run's shared retry gate, so it slows
 * the fan-out without failing it. When the reader stops, or the run is interrupted, nothing more is
 * started and the calls still on the wire are cancelled, not left to finish.
 *
 * <p>{@link #stream} is what a command uses: the outcomes go to its output as they finish, a
 * terminal's stderr shows how far it got ({@code 12/2000 customers checked}), and Ctrl-C shows
 * every outcome already known before it reports what finished and what did not.
 */
public final class FanOut<T> {
    /** How a person reads a fan-out: {@code customers} and {@code checked} make {@code 12/2000 customers checked}. */
    public record Label(String items, String done) {
        /** {@code items} for {@code n} of them: {@code 1 customer}, {@code 2 customers}. */
        String items(int n) {
            return n == 1 && items.endsWith("s") ? items.substring(0, items.length() - 1) : items;
        }

        /** {@code 12/2000 customers checked}: a fan-out's progress on a terminal's stderr. */
        public String progress(int shown, int of) {
            return shown + "/" + of + " " + items + " " + done;
        }

        String partial(int shown, int of) {
            return shown + " of " + of + " " + items + " " + done;
        }
    }

    /** How far a fan-out got: {@code shown} outcomes of {@code of} (fewer when the reader of the output went). */
    public record Outcomes(int shown, int of, Label label) {
        public boolean complete() {
            return shown == of;
        }

        /** {@code 2000 customers: <detail>}, or {@code 12 of 2000 customers checked: <detail>} when it stopped early. */
        public String summary(String detail) {
            return (complete() ? of + " " + label.items(of) : label.partial(shown, of)) + ": " + detail;
        }
    }

    private final List<T> items;
    private final Label label;
    private final int parallel;
    private final String threadName;

    private FanOut(List<T> items, Label label, int parallel, String threadName) {
        this.items = List.copyOf(items);
        this.label = label;
        this.parallel = parallel;
        this.threadName = threadName;
    }

    /** A fan-out over {@code items}, read as {@code label} says, {@code parallel} at a time on threads named {@code threadName}. */
    public static <T> FanOut<T> over(List<T> items, Label label, int parallel, String threadName) {
        return new FanOut<>(items, label, parallel, threadName);
    }

    /**
     * Runs {@code work} on each item, giving each outcome to {@code sink} on the calling thread; when
     * {@code sink} answers false (the reader of the output has gone), the rest are not done.
     */
    public <R> void run(Function<T, R> work, Predicate<R> sink) throws InterruptedException {
        Handoff<R> finished = new Handoff<>();
        run(work, finished, () -> sink.test(finished.next()));
    }

    /**
     * Runs {@code work} on each item and gives each outcome to {@code show} (which prints it) under
     * {@code printer}'s lock, as soon as it is known; until the last, while the outcomes do not
     * stream onto the terminal themselves, a terminal's stderr shows how many are known. When the
     * reader of stdout goes, the rest are not done. On Ctrl-C every outcome already known is shown,
     * {@code printer} is finished and the run reports how many were shown, with {@code detail}, and
     * how many were not done. The caller finishes {@code printer} otherwise.
     */
    public <R> Outcomes stream(Context context, RecordPrinter<?> printer, Function<T, R> work, Consumer<R> show,
                               Supplier<String> detail) throws InterruptedException {
        Shown<R> shown = new Shown<>(printer, show, detail);
        boolean progress = printer.buffered() || !context.io().stdoutTty();
        try (Interruption interrupted = Interruption.watch(context.session(), printer, shown::catchUp,
                () -> List.of(shown.report()))) {
            run(work, shown.finished, () -> {
                if (!shown.next(interrupted::fired)) {
                    return false;
                }
                if (progress) {
                    context.session().progress().update(label.progress(shown.count(), items.size()));
                }
                return !context.io().out().checkError(); // 'pcx ... | head': stop when head has gone
            });
            interrupted.holdIfFired();
        } finally {
            context.session().progress().clear();
        }
        return shown.outcomes();
    }

    /** The fan-out itself: each outcome is put in {@code finished}; {@code next} takes one, or answers false to stop. */
    <R> void run(Function<T, R> work, Handoff<R> finished, BooleanSupplier next) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, items.size())), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // the calls of the work not finished yet, to cancel; a finished one's are let go (10,000 customers'
        // calls kept to the end were most of a run's memory)
        Set<CallScope> calls = ConcurrentHashMap.newKeySet();
        try {
            for (T item : items) {
                CallScope scope = new CallScope();
                calls.add(scope);
                pool.execute(() -> {
                    try {
                        finished.put(() -> scope.run(() -> work.apply(item)));
                    } finally {
                        calls.remove(scope);
                    }
                });
            }
            for (int i = 0; i < items.size(); i++) {
                finished.await();
                if (!next.getAsBoolean()) {
                    return;
                }
            }
        } finally {
            pool.shutdownNow(); // nothing more starts; a wait between retries ends on the interrupt
            for (CallScope scope : calls) {
                scope.cancel(); // a call on the wire does not: it is cancelled
            }
        }
    }

    /**
     * What {@link #stream} has shown. An outcome leaves {@link #finished} only under the printer's
     * lock, taken one at a time by the run or, on Ctrl-C, all at once by {@link #catchUp}: so an
     * outcome that finished is shown, whichever thread gets there first.
     */
    final class Shown<R> {
        final Handoff<R> finished = new Handoff<>();
        private final RecordPrinter<?> printer;
        private final Consumer<R> show;
        private final Supplier<String> detail;
        private int count;

        Shown(RecordPrinter<?> printer, Consumer<R> show, Supplier<String> detail) {
            this.printer = printer;
            this.show = show;
            this.detail = detail;
        }

        /** Shows the next finished outcome, unless the run was interrupted (then false: the report has shown them). */
        boolean next(BooleanSupplier interrupted) {
            synchronized (printer) {
                if (interrupted.getAsBoolean()) {
                    return false;
                }
                show(finished.next());
                printer.flush();
                return true;
            }
        }

        /** At Ctrl-C, under the printer's lock: every outcome finished and not shown yet. */
        void catchUp() {
            finished.drain(this::show);
        }

        private void show(R outcome) {
            show.accept(outcome);
            count++;
        }

        int count() {
            synchronized (printer) {
                return count;
            }
        }

        /** What an interrupted fan-out says: how many outcomes were shown, what they were, how many were not done. */
        String report() {
            int shown = count();
            int rest = items.size() - shown;
            String what = detail == null ? null : detail.get();
            return label.partial(shown, items.size()) + " (shown above)" + (what == null ? "" : ": " + what)
                    + (rest == 0 ? "" : rest == 1 ? "; the other one was not" : "; the other " + rest + " were not");
        }

        Outcomes outcomes() {
            return new Outcomes(count(), items.size(), label);
        }
    }

    /** Outcomes finished and not taken yet; a bug in the work is thrown where its outcome is taken. */
    static final class Handoff<R> {
        private final Queue<Supplier<R>> queue = new ConcurrentLinkedQueue<>();
        private final Semaphore ready = new Semaphore(0);

        /** Runs {@code work} and keeps its outcome (or the bug it threw) for the taker. */
        void put(Supplier<R> work) {
            Supplier<R> outcome;
            try {
                R value = work.get();
                outcome = () -> value;
            } catch (RuntimeException | Error bug) {
                outcome = () -> {
                    throw new IllegalStateException(bug);
                };
            }
            queue.add(outcome);
            ready.release();
        }

        /** Waits until one more outcome has finished since the last wait. */
        void await() throws InterruptedException {
            ready.acquire();
        }

        R next() {
            return queue.remove().get();
        }

        void drain(Consumer<R> to) {
            for (Supplier<R> outcome = queue.poll(); outcome != null; outcome = queue.poll()) {
                to.accept(outcome.get());
            }
        }
    }
}
