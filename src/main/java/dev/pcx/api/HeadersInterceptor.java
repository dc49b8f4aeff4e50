package dev.pcx.api;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.UUID;

/**
 * Adds the headers every Partner Center call carries. {@code MS-RequestId} is new for each
 * logical call and, because this interceptor runs outside the retry loop, the same on every retry
 * of it, which is what makes a retried call idempotent on the service side.
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
        if (in.header("MS-RequestId") == null) {
            out.header("MS-RequestId", UUID.randomUUID().toString());
        }
        return chain.proceed(out.build());
    }
}
