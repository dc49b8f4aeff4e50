package dev.pcx.notify;

import dev.pcx.api.Json;
import dev.pcx.api.model.ServiceHealthIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exactly once, per destination: failures retried, restarts, a kill between send and record, overlapping runs. */
class NotifierTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final IncidentEvent.Customer A = new IncidentEvent.Customer("aaaa", "Adatum", "a.cn");
    private static final IncidentEvent.Customer B = new IncidentEvent.Customer("bbbb", "Contoso", "b.cn");

    @TempDir
    Path dir;
    private final List<String> said = Collections.synchronizedList(new ArrayList<>());

    private static ServiceHealthIssue issue(String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("service", "Exchange Online");
        m.put("classification", "Incident");
        m.put("status", "Investigating");
        m.put("title", "Mail is delayed");
        m.put("lastModifiedDateTime", "2026-12-01T07:00:00Z");
        m.put("isResolved", false);
        return Json.mapper().convertValue(m, ServiceHealthIssue.class);
    }

    /** A receiver: what it was sent, by key; it can be told to fail, or to die after receiving. */
    static final class Receiver implements Destination {
        final String id;
        final Map<String, AtomicInteger> got;
        int failNext;
        boolean dieAfterReceiving;
        int perMessage = 1;
        final List<Integer> messages = new ArrayList<>();

        Receiver(String id, Map<String, AtomicInteger> got) {
            this.id = id;
            this.got = got;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return "receiver " + id;
        }

        @Override
        public int batch(List<IncidentEvent> pending) {
            return perMessage;
        }

        @Override
        public Failure send(List<IncidentEvent> events) {
            if (failNext > 0) {
                failNext--;
                return new Failure("errcode 130101 send too fast", "130101", true);
            }
            events.forEach(e -> got.computeIfAbsent(e.key(), k -> new AtomicInteger()).incrementAndGet());
            synchronized (messages) {
                messages.add(events.size());
            }
            if (dieAfterReceiving) {
                throw new Killed();
            }
            return null;
        }
    }

    /** The process ending between sending and recording: nothing after it runs. */
    static final class Killed extends Error {
    }

    private Notifier notifier(Path file, boolean existing, Destination... to) {
        return new Notifier(new Ledger(file, true), List.of(to), i -> true, existing,
                Clock.fixed(T0, ZoneOffset.UTC), said::add);
    }

    private static List<TenantLook> poll(boolean aHit, boolean bHit) {
        return List.of(TenantLook.read(A, aHit ? List.of(issue("EX1")) : List.of()),
                TenantLook.read(B, bHit ? List.of(issue("EX1")) : List.of()));
    }

    private static Notifier.Round round(Notifier n, int minute, List<TenantLook> looks) {
        return n.round(T0.plusSeconds(60L * minute), looks, (id, c) -> null);
    }

    @Test
    void theFirstRunRecordsWhatIsGoingOnWithoutTellingThenChangesAreDelivered() {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Path file = dir.resolve("ledger.json");
        Receiver r = new Receiver("r", got);
        Notifier.Round first = round(notifier(file, false, r), 0, poll(true, false));
        assertTrue(first.baseline());
        assertEquals(1, first.events().size());
        assertEquals(Map.of(), got, "nobody is told of what was already going on");

        Notifier.Round second = round(notifier(file, false, r), 5, poll(true, true));
        assertEquals(List.of("spread"), second.events().stream().map(IncidentEvent::type).toList());
        assertEquals(1, second.delivered());
        assertEquals(1, got.size());
    }

    @Test
    void notifyExistingDeliversTheFirstRunsIssues() {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Notifier.Round first = round(notifier(dir.resolve("l.json"), true, new Receiver("r", got)), 0, poll(true, false));
        assertEquals(1, first.delivered());
        assertTrue(got.keySet().iterator().next().startsWith("EX1/1/new/"));
    }

    @Test
    void aFailedDeliveryStaysPendingAndGoesOnTheNextRunOnceAndInOrder() {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Path file = dir.resolve("ledger.json");
        Receiver r = new Receiver("r", got);
        round(notifier(file, false, r), 0, poll(false, false));
        r.failNext = 1;
        Notifier.Round failed = round(notifier(file, false, r), 5, poll(true, false));
        assertEquals(0, failed.delivered());
        assertEquals(1, failed.failed().size());
        assertEquals("1 event not delivered to receiver r: errcode 130101 send too fast; it stays pending for the next run",
                failed.failed().get(0).describe());
        assertEquals(Map.of(), got);
        LedgerState.Delivery d = new Ledger(file, true).read().events.get(0).deliveries().get("r");
        assertEquals(List.of("failed", "130101", 1), List.of(d.outcome(), d.code(), d.attempts()));

        Notifier.Round next = round(notifier(file, false, r), 10, poll(true, true)); // a spread meanwhile
        assertEquals(2, next.delivered(), "the pending new, then the spread");
        List<String> keys = new Ledger(file, true).read().events.stream().map(e -> e.event().key()).toList();
        assertEquals(List.of(1, 1), keys.stream().map(k -> got.get(k).get()).toList());

        Notifier.Round restart = round(notifier(file, false, r), 15, poll(true, true));
        assertEquals(0, restart.delivered(), "a restart delivers nothing twice");
        assertEquals(List.of(1, 1), keys.stream().map(k -> got.get(k).get()).toList());
        LedgerState.Delivery done = new Ledger(file, true).read().events.get(0).deliveries().get("r");
        assertEquals(List.of("delivered", 2), List.of(done.outcome(), done.attempts()));
    }

    @Test
    void aRunKilledBetweenSendingAndRecordingLeavesTheEventUnconfirmedNeverSentTwice() {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Path file = dir.resolve("ledger.json");
        Receiver r = new Receiver("r", got);
        round(notifier(file, false, r), 0, poll(false, false));
        r.dieAfterReceiving = true;
        assertThrows(Killed.class, () -> round(notifier(file, false, r), 5, poll(true, false)));
        assertEquals("sending", new Ledger(file, true).read().events.get(0).deliveries().get("r").outcome(),
                "recorded as being sent before it went");

        r.dieAfterReceiving = false;
        Notifier.Round after = round(notifier(file, false, r), 10, poll(true, false));
        assertEquals(0, after.delivered());
        assertEquals(1, after.unconfirmed());
        assertFalse(after.allDelivered(), "the run that finds it says so: exit 6");
        assertEquals(1, got.values().iterator().next().get(), "not sent again: it may have arrived");
        assertEquals("unconfirmed", new Ledger(file, true).read().events.get(0).deliveries().get("r").outcome());
        assertTrue(said.stream().anyMatch(s -> s.startsWith("1 event to receiver r may not have arrived")), said.toString());
    }

    @Test
    void aDestinationNamedLaterTakesOnlyTheEventsFromThenOn() {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Path file = dir.resolve("ledger.json");
        round(notifier(file, false), 0, poll(false, false));
        round(notifier(file, false), 5, poll(true, false)); // new EX1, no destination yet
        Receiver late = new Receiver("late", got);
        Notifier.Round r = round(notifier(file, false, late), 10, poll(true, true));
        assertEquals(1, r.delivered());
        assertTrue(got.keySet().iterator().next().contains("/spread/"), got.toString());
    }

    @Test
    void severalEventsGoInOneMessageWhenTheDestinationPacksThem() {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Path file = dir.resolve("ledger.json");
        Receiver r = new Receiver("r", got);
        r.perMessage = 10;
        round(notifier(file, false, r), 0, poll(false, false));
        List<TenantLook> three = List.of(TenantLook.read(A, List.of(issue("EX1"), issue("EX2"), issue("EX3"))));
        assertEquals(3, round(notifier(file, false, r), 5, three).delivered());
        assertEquals(List.of(3), r.messages);
    }

    @Test
    void theLedgerIsPrivate() throws Exception {
        Path file = dir.resolve("ledger.json");
        round(notifier(file, false), 0, poll(true, false));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void overlappingRunsDeliverEachEventOnce() throws Exception {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Path file = dir.resolve("ledger.json");
        round(notifier(file, false, new Receiver("r", got)), 0, poll(false, false));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int wave = 1; wave <= 10; wave++) {
                int minute = wave * 5;
                List<TenantLook> looks = poll(true, wave % 2 == 0);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Receiver own = new Receiver("r", got); // each run its own process: only the ledger is shared
                    runs.add(pool.submit(() -> {
                        go.await();
                        return round(notifier(file, false, own), minute, looks);
                    }));
                }
                go.countDown();
                for (Future<?> f : runs) {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        LedgerState ledger = new Ledger(file, true).read();
        assertEquals(10, ledger.events.size(), "new, then recede and spread in turn: one event per change");
        for (LedgerState.Entry e : ledger.events) {
            assertEquals(1, got.get(e.event().key()).get(), e.event().key());
            assertEquals("delivered", e.deliveries().get("r").outcome());
        }
    }

    @Test
    void aPollOlderThanTheOneRecordedIsNotComparedOnlyDeliveredFrom() {
        Map<String, AtomicInteger> got = new ConcurrentHashMap<>();
        Path file = dir.resolve("ledger.json");
        Receiver r = new Receiver("r", got);
        round(notifier(file, false, r), 0, poll(false, false));
        round(notifier(file, false, r), 10, poll(true, true));
        // a run that started reading at minute 5 and got the lock after the one of minute 10
        Notifier.Round stale = round(notifier(file, false, r), 5, poll(true, false));
        assertEquals(List.of(), stale.events(), "no recede of B from a poll older than the spread");
        assertEquals(1, new Ledger(file, true).read().events.size());
    }
}
