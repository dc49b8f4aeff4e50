package dev.pcx.cli.health;

import dev.pcx.api.Json;
import dev.pcx.api.Sleeper;
import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.cli.CliException;
import dev.pcx.cli.ExitCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static dev.pcx.testing.GraphFixtures.issue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watch loop and its change detection, on an injected clock and sleeper: no real waiting. */
class HealthWatcherTest {
    private static ServiceHealthIssue read(String id, String classification, String status, boolean resolved) {
        return Json.mapper().convertValue(issue(id, "Exchange Online", classification, status, resolved),
                ServiceHealthIssue.class);
    }

    /** A clock that moves on a minute each time the sleeper is asked to wait. */
    private static final class Script {
        Instant now = Instant.parse("2026-11-21T08:00:00Z");
        final List<Duration> waits = new ArrayList<>();
        int stopAfter;

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        Sleeper sleeper() {
            return d -> {
                waits.add(d);
                if (waits.size() >= stopAfter) {
                    throw new InterruptedException("Ctrl-C");
                }
                now = now.plus(d);
            };
        }
    }

    private static Supplier<List<ServiceHealthIssue>> looks(List<List<ServiceHealthIssue>> looks) {
        Deque<List<ServiceHealthIssue>> queue = new ArrayDeque<>(looks);
        return () -> {
            List<ServiceHealthIssue> next = queue.poll();
            if (next instanceof Failing f) {
                throw f.failure;
            }
            return next;
        };
    }

    /** A look that fails. */
    private static final class Failing extends ArrayList<ServiceHealthIssue> {
        final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }
    }

    @Test
    void reportsWhatIsActiveThenOnlyWhatChangesWithTheTimeItWasSeen() {
        Script script = new Script();
        script.stopAfter = 5;
        HealthWatcher watcher = new HealthWatcher(looks(List.of(
                List.of(read("EX1", "Incident", "Investigating", false)),
                List.of(read("EX1", "Incident", "investigating", false)), // the same status in another casing
                List.of(read("EX1", "Incident", "ServiceDegradation", false), read("EX2", "Advisory", "Investigating", false)),
                List.of(read("EX2", "Incident", "Investigating", false)),
                List.of(read("EX2", "Incident", "ServiceRestored", true)))),
                id -> read(id, "Incident", "ServiceRestored", true), script.sleeper(), script.clock(),
                Duration.ofMinutes(1), null);
        List<String> seen = new ArrayList<>();

        assertThrows(InterruptedException.class, () -> watcher.run(e -> {
            if (e != null) {
                seen.add(e.time() + " " + e.change() + " " + e.issue().id() + " " + e.issue().status()
                        + (e.previousStatus() == null ? "" : " was " + e.previousStatus())
                        + (e.previousClassification() == null ? "" : " class was " + e.previousClassification()));
            }
            return true;
        }, e -> false, e -> { }));

        assertEquals(List.of(
                "2026-11-21T08:00:00Z active EX1 Investigating",
                "2026-11-21T08:02:00Z status EX1 ServiceDegradation was investigating",
                "2026-11-21T08:02:00Z new EX2 Investigating",
                "2026-11-21T08:03:00Z status EX2 Investigating was Investigating class was Advisory",
                "2026-11-21T08:03:00Z resolved EX1 ServiceRestored was ServiceDegradation",
                "2026-11-21T08:04:00Z resolved EX2 ServiceRestored was Investigating"), seen);
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofMinutes(1)), script.waits);
    }

    @Test
    void aGateStopsTheWatchAsSoonAsAnIssueTripsIt() throws Exception {
        Script script = new Script();
        script.stopAfter = 10;
        HealthWatcher watcher = new HealthWatcher(looks(List.of(
                List.of(read("EX2", "Advisory", "Investigating", false)),
                List.of(read("EX2", "Advisory", "Investigating", false), read("EX3", "Incident", "Investigating", false)))),
                id -> null, script.sleeper(), script.clock(), Duration.ofSeconds(30), "incident");
        List<HealthEvent> events = new ArrayList<>();
        assertTrue(watcher.run(e -> {
            if (e != null) {
                events.add(e);
            }
            return true;
        }, e -> false, e -> { }));
        assertEquals(1, script.waits.size(), "tripped at the second look");
        assertEquals("new", events.get(1).change());
    }

    @Test
    void theWatchEndsWhenTheReaderOfItsOutputHasGone() throws Exception {
        Script script = new Script();
        script.stopAfter = 10;
        HealthWatcher watcher = new HealthWatcher(looks(List.of(List.of(), List.of(), List.of())), id -> null,
                script.sleeper(), script.clock(), Duration.ofMinutes(1), null);
        int[] looks = {0};
        assertFalse(watcher.run(e -> e != null || ++looks[0] < 2, e -> false, e -> { }));
        assertEquals(2, looks[0]);
        assertEquals(1, script.waits.size());
    }

    @Test
    void aLookThatFailsForAWhileIsSaidAndTriedAgainAnyOtherEndsTheWatch() {
        Script script = new Script();
        script.stopAfter = 10;
        List<String> said = new ArrayList<>();
        HealthWatcher watcher = new HealthWatcher(looks(List.of(
                List.of(read("EX1", "Incident", "Investigating", false)),
                new Failing(new CliException(ExitCode.UNAVAILABLE, "throttled")),
                List.of(read("EX1", "Incident", "Investigating", false)),
                new Failing(new CliException(ExitCode.REFUSED, "no admin role")))),
                id -> null, script.sleeper(), script.clock(), Duration.ofMinutes(1), null);
        List<HealthEvent> events = new ArrayList<>();
        CliException end = assertThrows(CliException.class, () -> watcher.run(e -> {
            if (e != null) {
                events.add(e);
            }
            return true;
        }, e -> e instanceof CliException c && c.exitCode() == ExitCode.UNAVAILABLE, e -> said.add(e.getMessage())));
        assertEquals("no admin role", end.getMessage());
        assertEquals(List.of("throttled"), said);
        assertEquals(1, events.size(), "the failed look changed nothing: " + events);
    }
}
