package dev.pcx.notify;

import dev.pcx.api.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Keeps one destination within its tool's posting rate for the run: before each message it waits
 * (with the injected sleeper, on the injected clock) until no window would hold more messages than
 * the tool allows. Going over is worse than waiting: DingTalk throttles a robot for ten minutes.
 * A {@code Retry-After} the tool sent is kept too, so the next message does not go before it.
 */
final class Pacer {
    /** Longest {@code Retry-After} honoured by waiting: DingTalk's own throttle period. */
    static final Duration MAX_HOLD = Duration.ofMinutes(10);

    /** At most {@code count} messages in any {@code per}. */
    record Rate(int count, Duration per) {
    }

    private final List<Rate> rates;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private final int keep;
    private Instant notBefore = Instant.MIN;

    Pacer(List<Rate> rates, Clock clock, Sleeper sleeper) {
        this.rates = List.copyOf(rates);
        this.clock = clock;
        this.sleeper = sleeper;
        this.keep = rates.stream().mapToInt(Rate::count).max().orElse(0);
    }

    /** Waits until a message may go, and counts it as gone. */
    synchronized void await() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            Instant until = earliest(now);
            if (!until.isAfter(now)) {
                if (keep > 0) {
                    sent.addLast(now);
                    while (sent.size() > keep) {
                        sent.removeFirst();
                    }
                }
                return;
            }
            sleeper.sleep(Duration.between(now, until));
        }
    }

    /** The tool asked for no message before {@code now + wait} (bounded by {@link #MAX_HOLD}). */
    synchronized void hold(Duration wait) {
        Duration d = wait.compareTo(MAX_HOLD) > 0 ? MAX_HOLD : wait;
        Instant until = clock.instant().plus(d);
        if (until.isAfter(notBefore)) {
            notBefore = until;
        }
    }

    private Instant earliest(Instant now) {
        Instant until = notBefore;
        for (Rate rate : rates) {
            // the rate.count-th most recent message must have left the window
            if (sent.size() >= rate.count()) {
                Iterator<Instant> newestFirst = sent.descendingIterator();
                Instant nth = null;
                for (int i = 0; i < rate.count(); i++) {
                    nth = newestFirst.next();
                }
                Instant free = nth.plus(rate.per());
                if (free.isAfter(until)) {
                    until = free;
                }
            }
        }
        return until.isAfter(now) ? until : now;
    }
}
