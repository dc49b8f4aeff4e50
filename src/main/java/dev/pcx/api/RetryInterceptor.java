package dev.pcx.api;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import okhttp3.ConnectionPool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries one logical call, bounded in attempts and in total time ({@link ApiSettings#timeout()}):
 * <ul>
 *   <li>429 for every method (the service did not act on it), waiting {@code Retry-After};</li>
 *   <li>502, 503, 504 and dropped or timed-out connections for reads (GET, HEAD) only;</li>
 *   <li>a refused connection for every method (nothing was sent).</li>
 * </ul>
 * Other waits back off exponentially with full jitter. The body of a successful read is read
 * here, inside the loop, so a connection dropped halfway through a page is retried as well.
 * When the next wait would not fit in the time left, the last answer is returned as it is.
 * A 429 closes a gate shared by every call of the client for as long as it asks: concurrent
 * workers (a batch) all hold back, instead of each hammering the service in turn.
 */
final class RetryInterceptor implements Interceptor {
    static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    private static final Duration BASE = Duration.ofMillis(400);
    private static final Duration CAP = Duration.ofSeconds(20);

    private final ApiSettings settings;
    private final ConnectionPool pool;
    /** {@code nanoTime} until which no call may start, after a 429. */
    private final AtomicLong gate = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param pool the client's connection pool: after a failed attempt its idle connections are
     *             dropped, so the next attempt does not take another connection the server has closed
     *             meanwhile (a watch that polls every minute finds every pooled connection dropped by a
     *             server that closes idle ones after 30 s, and would spend each attempt on one of them)
     */
    RetryInterceptor(ApiSettings settings, ConnectionPool pool) {
        this.settings = settings;
        this.pool = pool;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean read = request.method().equals("GET") || request.method().equals("HEAD");
        long deadline = settings.nanoTime().getAsLong() + settings.timeout().toNanos();
        int max = settings.maxAttempts();
        long waitedFor = Long.MIN_VALUE; // the gate closing this call has already waited out
        for (int attempt = 1; ; attempt++) {
            waitedFor = waitAtGate(deadline, waitedFor);
            long left = deadline - settings.nanoTime().getAsLong();
            if (left <= 0) {
                throw new SocketTimeoutException("no answer within " + human(settings.timeout())
                        + " (the --timeout for one call)");
            }
            Chain timed = chain
                    .withConnectTimeout(clamp(settings.connectTimeout(), left), TimeUnit.MILLISECONDS)
                    .withReadTimeout(clamp(settings.readTimeout(), left), TimeUnit.MILLISECONDS);
            Response response;
            try {
                response = timed.proceed(request);
                if (read && response.isSuccessful()) {
                    response = buffered(response);
                }
            } catch (IOException e) {
                if (chain.call().isCanceled() || e instanceof InterruptedIOException && Thread.interrupted()) {
                    throw e;
                }
                boolean retryable = (read || e instanceof ConnectException) && !(e instanceof UnknownHostException)
                        && !(e instanceof BodyTooLargeException);
                Duration wait = backoff(attempt);
                if (!retryable || attempt >= max || !fits(wait, deadline)) {
                    throw e;
                }
                settings.retryListener().retrying(request.method(), request.url().encodedPath(),
                        describe(e), wait, attempt + 1, max);
                pool.evictAll(); // idle connections only: those in use by other calls are theirs
                sleep(wait);
                continue;
            }
            int code = response.code();
            boolean retryable = code == 429 || read && (code == 502 || code == 503 || code == 504);
            if (!retryable || attempt >= max) {
                return response;
            }
            Duration retryAfter = retryAfter(response.header("Retry-After"));
            Duration wait = retryAfter != null ? retryAfter : backoff(attempt);
            if (!fits(wait, deadline)) {
                return response;
            }
            response.close();
            settings.retryListener().retrying(request.method(), request.url().encodedPath(),
                    code + (response.message().isEmpty() ? "" : " " + response.message()), wait, attempt + 1, max);
            if (code == 429) {
                // every call of this client waits it out, this one included, at the gate
                gate.accumulateAndGet(settings.nanoTime().getAsLong() + wait.toNanos(), Math::max);
            } else {
                sleep(wait);
            }
        }
    }

    /**
     * Holds a call back while a 429 has asked every call to wait, once per closing of the gate.
     *
     * @return the closing now waited out (or {@code waitedFor} when there was none to wait)
     */
    private long waitAtGate(long deadline, long waitedFor) throws IOException {
        long now = settings.nanoTime().getAsLong();
        long until = gate.get();
        if (until > now && until > waitedFor) {
            Duration wait = Duration.ofNanos(until - now);
            if (!fits(wait, deadline)) {
                throw new SocketTimeoutException("no answer within " + human(settings.timeout())
                        + " (Partner Center is throttling)");
            }
            sleep(wait);
            return until;
        }
        return waitedFor;
    }

    private static int clamp(Duration limit, long leftNanos) {
        return (int) Math.max(1, Math.min(limit.toMillis(), leftNanos / 1_000_000));
    }

    private boolean fits(Duration wait, long deadline) {
        return settings.nanoTime().getAsLong() + wait.toNanos() < deadline;
    }

    private void sleep(Duration wait) throws IOException {
        try {
            settings.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }

    static Duration backoff(int attempt) {
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt - 1, 16));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        try {
            long seconds = Long.parseLong(v);
            // a day is already far more than any --timeout: longer asks are that day, never an overflow
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, Duration.ofDays(1).toSeconds()));
        } catch (NumberFormatException notSeconds) {
            if (v.matches("\\d+")) {
                return Duration.ofDays(1); // more seconds than a long holds
            }
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return d.isNegative() ? Duration.ZERO : d.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : d;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }

    static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.toLowerCase(Locale.ROOT);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms + " ms";
    }

    /** Reads the whole body now, so a failure while reading it is a retryable failure of the call. */
    private static Response buffered(Response response) throws IOException {
        ResponseBody body = response.body();
        MediaType type = body.contentType();
        Buffer buffer = new Buffer();
        try (BufferedSource source = body.source()) {
            while (source.read(buffer, 64 * 1024) != -1) {
                if (buffer.size() > MAX_BODY_BYTES) {
                    throw new BodyTooLargeException();
                }
            }
        }
        return response.newBuilder().body(ResponseBody.create(buffer, type, buffer.size())).build();
    }

    /** A body over {@link #MAX_BODY_BYTES}: not retried, reported as a malformed response. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("the response body is larger than " + (MAX_BODY_BYTES >> 20) + " MiB");
        }
    }
}
