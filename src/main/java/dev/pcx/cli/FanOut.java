package dev.pcx.cli;

import dev.pcx.api.CallScope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Work over many customers, at most {@code parallel} at a time, each outcome handed on as soon as
 * it is known, in the order they finish: the one fan-out of every command that works across
 * customers. The work gives every customer an outcome (a customer that cannot be read is an
 * outcome too, never dropped); throttling is waited out by the run's shared retry gate, so it slows
 * the fan-out without failing it. When the reader stops, or the run is interrupted, nothing more is
 * started and the calls still on the wire are cancelled, not left to finish.
 */
public final class FanOut {
    private FanOut() {
    }

    /**
     * Runs {@code work} on each of {@code items}, giving each outcome to {@code sink} on the calling
     * thread; when {@code sink} answers false (the reader of the output has gone), the rest are not
     * done.
     */
    public static <T, R> void run(List<T> items, int parallel, String threadName, Function<T, R> work,
                                  Predicate<R> sink) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, items.size())), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        List<CallScope> calls = new ArrayList<>(items.size());
        try {
            CompletionService<R> done = new ExecutorCompletionService<>(pool);
            for (T item : items) {
                CallScope scope = new CallScope();
                calls.add(scope);
                done.submit(() -> scope.run(() -> work.apply(item)));
            }
            for (int i = 0; i < items.size(); i++) {
                try {
                    if (!sink.test(done.take().get())) {
                        return;
                    }
                } catch (ExecutionException bug) {
                    throw new IllegalStateException(bug.getCause());
                }
            }
        } finally {
            pool.shutdownNow(); // nothing more starts; a wait between retries ends on the interrupt
            for (CallScope scope : calls) {
                scope.cancel(); // a call on the wire does not: it is cancelled
            }
        }
    }
}
