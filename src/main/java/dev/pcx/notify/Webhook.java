package dev.pcx.notify;

import dev.pcx.api.PartnerCenter;
import dev.pcx.api.Sleeper;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code --webhook URL}: incident events posted to a chat tool or to any receiver of pcx's event
 * JSON. The URL is the credential, so it is never shown: not in {@link #label}, a failure, an
 * exception or the {@code --debug} trace. That is why this client leaves out pcx's trace (which
 * prints whole URLs) and writes its own line per POST with the URL redacted, and why it follows no
 * redirect (the message and its signature would go to a host nobody named). It does not retry on
 * its own either: the ledger decides what is posted again, and a POST whose answer was lost may
 * have been shown already.
 *
 * <p>Generic webhooks with a secret carry pcx's own signature, as there is no tool to follow:
 * {@code X-Pcx-Timestamp} (Unix seconds, when pcx signed) and {@code X-Pcx-Signature:
 * sha256=<lowercase hex HMAC-SHA256 of the exact body bytes, key = the secret's UTF-8>}; a
 * receiver recomputes it over the raw body before parsing it. DingTalk and Feishu are signed as
 * they document; Teams, Slack and WeCom have no signing, and a secret given for them is refused.
 */
public final class Webhook implements Destination {
    /** How much of an answer is read: the tools' answers are a few dozen bytes. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final WebhookUrl url;
    private final WebhookFormat format;
    private final WebhookBodies bodies;
    private final Pacer pacer;
    private final Clock clock;
    private final PrintStream debug;

    /**
     * @param shared the invocation's client (for https, or the cleartext one for a loopback http
     *               URL); its connections are shared, its trace left out
     * @param url    the webhook URL, whole
     * @param format null to infer it from the host ({@link WebhookFormat#infer})
     * @param secret the signing secret, or null
     * @param debug  where the redacted one-line trace of each POST goes, or null
     * @throws IllegalArgumentException a URL that is not http(s) (or plain http to another machine),
     *                                  an empty secret, or a secret for a format without signing;
     *                                  the message holds neither the URL's key nor the secret
     */
    public Webhook(OkHttpClient shared, String url, WebhookFormat format, String secret, Clock clock, Sleeper sleeper,
                   PrintStream debug) {
        this.url = WebhookUrl.parse(url, secret);
        this.format = format != null ? format : WebhookFormat.infer(this.url.url());
        if (secret != null && secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook's signing secret is empty");
        }
        if (secret != null && !this.format.signs()) {
            throw new IllegalArgumentException(this.format.tool() + " webhooks have no signing: a secret cannot be used "
                    + "with them (signing is for dingtalk, feishu and generic)");
        }
        this.bodies = new WebhookBodies(this.format, secret);
        this.pacer = new Pacer(this.format.rates(), clock, sleeper);
        this.clock = clock;
        this.debug = debug;
        this.http = PartnerCenter.untraced(shared)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .callTimeout(Duration.ofSeconds(60))
                .build();
    }

    public WebhookFormat format() {
        return format;
    }

    @Override
    public String id() {
        return format.word() + ":" + url.digest();
    }

    @Override
    public String label() {
        return format.word() + " webhook " + url.label();
    }

    /** As many of {@code pending} as one message of this format holds (generic: one). */
    @Override
    public int batch(List<IncidentEvent> pending) {
        int max = Math.min(pending.size(), format.maxEvents());
        int n = 1;
        while (n < max && bodies.fits(pending.subList(0, n + 1), clock.instant())) {
            n++;
        }
        return Math.max(1, Math.min(n, pending.size()));
    }

    @Override
    public Failure send(List<IncidentEvent> events) throws InterruptedException {
        if (events.isEmpty()) {
            return null;
        }
        pacer.await();
        WebhookBodies.Post post = bodies.post(url.url(), events, clock.instant());
        Request request = new Request.Builder().url(post.url()).headers(post.headers())
                .post(RequestBody.create(post.body(), JSON)).build();
        String line = "webhook: POST " + WebhookUrl.redacted(post.url());
        long start = clock.millis();
        Call call = http.newCall(request);
        try (Response response = call.execute()) {
            String body = start(response.body());
            trace(line + " -> " + response.code() + " (" + (clock.millis() - start) + " ms)");
            Failure failure = WebhookAnswers.read(format, response.code(), body, response.headers());
            if (failure != null && failure.retryAfter() != null) {
                pacer.hold(failure.retryAfter());
            }
            return scrub(failure);
        } catch (IOException e) {
            if (call.isCanceled() || Thread.currentThread().isInterrupted()
                    || e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
                    && !"timeout".equals(e.getMessage())) {
                trace(line + " -> interrupted after " + (clock.millis() - start) + " ms");
                throw new InterruptedException("interrupted while posting to the " + format.tool() + " webhook");
            }
            String why = describe(e);
            trace(line + " -> failed after " + (clock.millis() - start) + " ms: " + why);
            return scrub(new Failure(format.tool() + " could not be reached: " + why, null, true));
        }
    }

    /** What went wrong on the way, in a few words of pcx's (an exception's own text may hold the URL). */
    private static String describe(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "timed out (the message may have been posted)";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failed (" + e.getClass().getSimpleName() + ")";
        }
        return "the connection failed (" + e.getClass().getSimpleName() + ")";
    }

    /** The start of the answer as text, never more than {@link #MAX_ANSWER_BYTES}. */
    private static String start(ResponseBody body) throws IOException {
        Buffer buffer = new Buffer();
        BufferedSource source = body.source();
        while (buffer.size() < MAX_ANSWER_BYTES && source.read(buffer, MAX_ANSWER_BYTES - buffer.size()) != -1) {
            // read on
        }
        return buffer.readString(StandardCharsets.UTF_8);
    }

    private Failure scrub(Failure f) {
        return f == null ? null : new Failure(url.scrub(f.message()), url.scrub(f.receiverCode()), f.retryLater(),
                f.retryAfter());
    }

    private void trace(String line) {
        if (debug != null) {
            debug.println(Markup.PLAIN.clean(url.scrub(line), 1000));
        }
    }
}
