package dev.pcx.api;

import okhttp3.Call;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** What the clients of pcx's services (Partner Center, Graph, Azure Resource Manager) say alike. */
final class Calls {
    private Calls() {
    }

    /** {@code host}, or {@code host:port} when the port is not the scheme's. */
    static String host(HttpUrl base) {
        return base.host() + (base.port() == HttpUrl.defaultPort(base.scheme()) ? "" : ":" + base.port());
    }

    /**
     * What an I/O failure of {@code call} to {@code base} is: Ctrl-C (the thread interrupted, or the
     * call cancelled: {@code pcx shell}) is exit 130; OkHttp cancels a call whose whole-call timeout
     * ran out too, and says "timeout", which is a time-out; an unknown host; anything else.
     */
    static TransportException failure(IOException e, Call call, HttpUrl base) {
        String host = host(base);
        if (e instanceof InterruptedIOException) {
            if (Thread.currentThread().isInterrupted() || call.isCanceled() && !"timeout".equals(e.getMessage())) {
                return new CancelledException(host, e);
            }
            return new TransportException(e instanceof SocketTimeoutException && e.getMessage() != null
                    && e.getMessage().startsWith("no answer within") ? e.getMessage()
                    : "timed out talking to " + host, host, e);
        }
        if (e instanceof UnknownHostException) {
            return new TransportException("cannot resolve " + base.host(), host, e);
        }
        if (call.isCanceled()) {
            return new CancelledException(host, e);
        }
        return new TransportException("cannot reach " + host + ": " + RetryInterceptor.describe(e), host, e);
    }

    /**
     * A link {@code service} returned, which must stay on {@code base}'s scheme, host and port:
     * pcx sends its {@code credentials} nowhere else.
     */
    static HttpUrl sameOrigin(String target, HttpUrl base, String service, String credentials) {
        HttpUrl url = HttpUrl.parse(target);
        if (url == null || !url.scheme().equals(base.scheme()) || !url.host().equalsIgnoreCase(base.host())
                || url.port() != base.port()) {
            throw new MalformedResponseException(service + " returned a link to another host ("
                    + (url == null ? target : url.host()) + "); pcx does not follow it with your " + credentials, null,
                    null);
        }
        return url;
    }
}
