package dev.pcx.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanOutTest {
    @Test
    void everyItemHasItsOutcomeAndNoMoreThanParallelRunAtOnce() throws Exception {
        List<Integer> items = IntStream.range(0, 40).boxed().toList();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();

        FanOut.run(items, 3, "test-fan-out", i -> {
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

        FanOut.run(List.of("slow", "fast"), 2, "test-fan-out", s -> {
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

        FanOut.run(IntStream.range(0, 50).boxed().toList(), 1, "test-fan-out-stop", i -> {
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
}
