package dev.pcx.api;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;

/**
 * Adds the headers every Partner Center call carries. ({@code MS-RequestId} is set when the
 * request is built, once per logical call, so every retry of it carries the same one, which is what
 * makes a retried call idempotent on the service side.)
 */
final class HeadersInterceptor implements Interceptor {
    private final ApiSettings settings;

    HeadersInterceptor(ApiSettings settings) {
        this.settings = settings;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request in = chain.request();
        Request.Builder out = in.newBuilder()
                .header("Accept", "application/json")
                .header("MS-CorrelationId", settings.correlationId())
                .header("MS-Contract-Version", "v1")
                .header("X-Locale", settings.locale())
                .header("User-Agent", settings.userAgent());
        return chain.proceed(out.build());
    }
}
