package dev.pcx.cli;

import dev.pcx.output.RecordPrinter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanOutTest {
    private static final FanOut.Label THINGS = new FanOut.Label("things", "done");

    @Test
    void everyItemHasItsOutcomeAndNoMoreThanParallelRunAtOnce() throws Exception {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();

        FanOut.over(items, THINGS, 3, "test-fan-out").run(i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            running.decrementAndGet();
            return i * 10;
        }, r -> seen.add(r));

        assertTrue(most.get() >= 1 && most.get() <= 3, "at most 3 at once: " + most.get());
        Set<Integer> expected = new HashSet<>();
        items.forEach(i -> expected.add(i * 10));
        assertEquals(expected, new HashSet<>(seen), "every outcome, once each");
        assertEquals(40, seen.size());
    }

    @Test
    void outcomesArriveInTheOrderTheyFinish() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        List<String> seen = new ArrayList<>();

        FanOut.over(List.of("slow", "fast"), THINGS, 2, "test-fan-out").run(s -> {
            if (s.equals("slow")) {
                try {
                    assertTrue(firstMayEnd.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            return s;
        }, r -> {
            seen.add(r);
            firstMayEnd.countDown(); // "fast" is handed on while "slow" is still running
            return true;
        });

        assertEquals(List.of("fast", "slow"), seen);
    }

    @Test
    void whenTheReaderStopsNothingMoreIsStartedAndWhatRunsIsStopped() throws Exception {
        AtomicInteger started = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        List<Integer> seen = new ArrayList<>();

        FanOut.over(IntStream.range(0, 50).boxed().toList(), THINGS, 1, "test-fan-out-stop").run(i -> {
            started.incrementAndGet();
            if (i > 0) {
                try {
                    never.await(); // only an interrupt ends it
                } catch (InterruptedException stopped) {
                    return -1;
                }
            }
            return i;
        }, r -> {
            seen.add(r);
            return false;
        });

        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("test-fan-out-stop")) {
                t.join(10_000);
                assertTrue(!t.isAlive(), "the work in progress was stopped");
            }
        }
        assertEquals(List.of(0), seen);
        // one thread: the first item, and at most the one it had begun when the reader went
        assertTrue(started.get() <= 2, "started " + started.get());
    }

    @Test
    void atCtrlCEveryOutcomeAlreadyKnownIsShownAndTheReportSaysHowFarItGot() throws Exception {
        FanOut<Integer> fan = FanOut.over(List.of(0, 1, 2), THINGS, 1, "test-fan-out-ctrl-c");
        List<Integer> shown = new ArrayList<>();
        RecordPrinter<Integer> printer = new RecordPrinter<>() {
            @Override
            public void print(Integer item) {
                shown.add(item);
            }

            @Override
            public void flush() {
            }

            @Override
            public void finish() {
            }

            @Override
            public long count() {
                return shown.size();
            }
        };
        FanOut<Integer>.Shown<Integer> outcomes = fan.new Shown<>(printer, printer::print, () -> "all fine");
        AtomicBoolean fired = new AtomicBoolean();
        CountDownLatch lastStarted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch mainMayGo = new CountDownLatch(1);
        AtomicInteger taken = new AtomicInteger();

        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                fan.run(i -> {
                    if (i == 2) {
                        lastStarted.countDown(); // one thread: the outcome of 1 is finished
                        try {
                            never.await();
                        } catch (InterruptedException stopped) {
                            return -1;
                        }
                    }
                    return i;
                }, outcomes.finished, () -> {
                    if (taken.incrementAndGet() > 1) {
                        await(mainMayGo); // the run is slow to take the second outcome: Ctrl-C comes first
                    }
                    return outcomes.next(fired::get);
                });
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        await(lastStarted);
        synchronized (printer) { // what Ctrl-C does (Interruption.watch)
            fired.set(true);
            outcomes.catchUp();
        }
        mainMayGo.countDown();
        run.get(10, TimeUnit.SECONDS);

        assertEquals(List.of(0, 1), shown, "the outcome finished but not taken is shown too");
        assertEquals("2 of 3 things done (shown above): all fine; the other one was not", outcomes.report());
        assertEquals(new FanOut.Outcomes(2, 3, THINGS), outcomes.outcomes());
        assertEquals("2 of 3 things done: all fine", outcomes.outcomes().summary("all fine"));
        assertEquals("3 things: all fine", new FanOut.Outcomes(3, 3, THINGS).summary("all fine"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
