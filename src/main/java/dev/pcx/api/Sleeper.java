package dev.pcx.api;

import java.time.Duration;

/** Waits between retries; a seam so tests can record waits instead of taking them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
