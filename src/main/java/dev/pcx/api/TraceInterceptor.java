package dev.pcx.api;

import dev.pcx.output.DisplayWidth;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@code --debug} trace: every attempt that goes on the wire, its request line and headers,
 * the status line, headers and time of the answer. Credentials are never written: the
 * {@code Authorization} value is replaced (ARM's {@code x-ms-authorization-auxiliary} too), and so is
 * any header whose name says it holds a secret. What the server sent (header values, the reason
 * phrase, an exception's text) is cleaned of control characters as tables are: a hostile server or
 * proxy must not retitle or clear the terminal of the person debugging.
 */
final class TraceInterceptor implements Interceptor {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");

    private final Consumer<String> sink;
    private final LongSupplier nanoTime;

    TraceInterceptor(Consumer<String> sink, LongSupplier nanoTime) {
        this.sink = sink;
        this.nanoTime = nanoTime;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        StringBuilder out = new StringBuilder();
        out.append("> ").append(request.method()).append(' ').append(request.url()).append('\n');
        appendHeaders(out, "> ", request.headers());
        sink.accept(DisplayWidth.cleanLines(out.toString().stripTrailing()));
        long start = nanoTime.getAsLong();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            sink.accept(DisplayWidth.clean("! " + request.method() + ' ' + request.url().encodedPath() + " failed after "
                    + elapsed(start) + " ms: " + e));
            throw e;
        }
        StringBuilder in = new StringBuilder();
        in.append("< ").append(response.code());
        if (!response.message().isEmpty()) {
            in.append(' ').append(response.message());
        }
        in.append(" (").append(elapsed(start)).append(" ms, ").append(response.protocol()).append(")\n");
        appendHeaders(in, "< ", response.headers());
        sink.accept(DisplayWidth.cleanLines(in.toString().stripTrailing()));
        return response;
    }

    private long elapsed(long start) {
        return (nanoTime.getAsLong() - start) / 1_000_000;
    }

    static void appendHeaders(StringBuilder out, String prefix, Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            out.append(prefix).append(name).append(": ").append(redact(name, headers.value(i))).append('\n');
        }
    }

    static String redact(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (SECRET_HEADERS.contains(n) || n.contains("authorization") || n.contains("secret")
                || n.contains("token") && !n.contains("continuation")) {
            int space = value.indexOf(' ');
            String scheme = space > 0 && n.contains("authorization") ? value.substring(0, space + 1) : "";
            return scheme + "[redacted]";
        }
        return value;
    }
}
