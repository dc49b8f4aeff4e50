package dev.pcx.api;

import java.time.Duration;

/** Told before each retry, so a person watching a terminal knows why pcx is waiting. */
@FunctionalInterface
public interface RetryListener {
    RetryListener NONE = (method, path, cause, wait, attempt, maxAttempts) -> { };

    /**
     * @param cause   {@code "429 Too Many Requests"}, {@code "503 Service Unavailable"},
     *                {@code "connection reset"}...
     * @param attempt the attempt about to be made (2 for the first retry)
     */
    void retrying(String method, String path, String cause, Duration wait, int attempt, int maxAttempts);
}
