package dev.pcx.cli.health;

import dev.pcx.api.Sleeper;
import dev.pcx.api.model.ServiceHealthIssue;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The loop of {@code pcx health watch}: look, report what changed, wait, again, until interrupted
 * (Ctrl-C) or, with a gate, until an active issue trips it. Time and waiting are injected, so a
 * test drives it through any number of looks without sleeping.
 */
final class HealthWatcher {
    /** A look failed in a way worth another look later (throttled, unreachable): said, not fatal. */
    interface Retryable {
        boolean test(RuntimeException e);
    }

    private final Supplier<List<ServiceHealthIssue>> look;
    private final Function<String, ServiceHealthIssue> last;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration interval;
    private final String failOn;
    private final HealthChanges changes = new HealthChanges();

    HealthWatcher(Supplier<List<ServiceHealthIssue>> look, Function<String, ServiceHealthIssue> last, Sleeper sleeper,
                  Clock clock, Duration interval, String failOn) {
        this.look = look;
        this.last = last;
        this.sleeper = sleeper;
        this.clock = clock;
        this.interval = interval;
        this.failOn = failOn;
    }

    /** The issues active at the last successful look. */
    Collection<ServiceHealthIssue> active() {
        return changes.active();
    }

    /**
     * Watches until interrupted ({@link InterruptedException}), until the gate trips (returns true) or until
     * the output's reader has gone (returns false).
     *
     * @param events  hears each change as it is seen, then {@code null} once a look's changes are all
     *                told; answering false (to that null: the reader of the output has gone) ends the watch
     * @param failure hears a look that failed but is worth another; any other failure ends the watch
     */
    boolean run(Predicate<HealthEvent> events, Retryable retryable,
                Consumer<RuntimeException> failure) throws InterruptedException {
        while (true) {
            List<ServiceHealthIssue> active = null;
            try {
                active = look.get();
            } catch (RuntimeException e) {
                if (!retryable.test(e)) {
                    throw e;
                }
                failure.accept(e);
            }
            if (active != null) {
                changes.next(active, clock.instant(), last).forEach(events::test);
                if (!events.test(null)) {
                    return false;
                }
                if (HealthReport.trips(changes.active(), failOn)) {
                    return true;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            sleeper.sleep(interval);
        }
    }
}
