package dev.pcx.api;

import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Everything the API layer needs to know about one invocation, decided by the caller.
 *
 * @param baseUrl       the API root, e.g. {@code https://partner.partnercenterapi.microsoftonline.cn}
 * @param locale        sent as {@code X-Locale}
 * @param userAgent     sent as {@code User-Agent}
 * @param correlationId sent as {@code MS-CorrelationId} on every call of this invocation
 * @param timeout       how long one logical call may take, retries and waits included
 * @param maxAttempts   attempts per logical call (1 = no retries)
 * @param trace         receives the {@code --debug} HTTP trace, secrets redacted; null for none
 */
public record ApiSettings(
        HttpUrl baseUrl,
        String locale,
        String userAgent,
        String correlationId,
        Duration timeout,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Sleeper sleeper,
        LongSupplier nanoTime,
        RetryListener retryListener,
        Consumer<String> trace) {

    public ApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        sleeper = sleeper == null ? Sleeper.SYSTEM : sleeper;
        nanoTime = nanoTime == null ? System::nanoTime : nanoTime;
        retryListener = retryListener == null ? RetryListener.NONE : retryListener;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxAttempts = Math.max(1, maxAttempts);
    }

    /** Defaults for everything but the endpoint: 5 attempts, 2 minutes per call. */
    public static ApiSettings defaults(HttpUrl baseUrl, String userAgent) {
        return new ApiSettings(baseUrl, "en-US", userAgent, RequestIds.next(),
                Duration.ofMinutes(2), null, null, 5, null, null, null, null);
    }

    public ApiSettings withSleeper(Sleeper s, LongSupplier clock) {
        return new ApiSettings(baseUrl, locale, userAgent, correlationId, timeout, connectTimeout,
                readTimeout, maxAttempts, s, clock, retryListener, trace);
    }
}
