package dev.pcx.api;

import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Adds the headers every call to one service carries, as its adapter names them (Partner Center's
 * correlation id, contract version and locale; Graph's and ARM's accept and user agent). Per-call
 * ids ({@code MS-RequestId}, {@code client-request-id}) are set when the request is built, once per
 * logical call, so every retry of it carries the same one, which is what makes a retried call
 * idempotent on the service side.
 */
final class HeadersInterceptor implements Interceptor {
    private final Headers headers;

    /** @param namesAndValues name, value, name, value… */
    HeadersInterceptor(String... namesAndValues) {
        this.headers = Headers.of(namesAndValues);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request.Builder out = chain.request().newBuilder();
        headers.forEach(h -> out.header(h.getFirst(), h.getSecond()));
        return chain.proceed(out.build());
    }
}
