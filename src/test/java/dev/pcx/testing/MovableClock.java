package dev.pcx.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock standing at {@code start}, moved on by setting {@link #offset}: days and minutes pass in a test without waiting. */
public final class MovableClock extends Clock {
    private final Instant start;
    public volatile Duration offset = Duration.ZERO;

    public MovableClock(Instant start) {
        this.start = start;
    }

    @Override
    public Instant instant() {
        return start.plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
