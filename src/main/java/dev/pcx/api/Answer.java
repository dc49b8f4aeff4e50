package dev.pcx.api;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;

import java.time.Duration;

/** A successful answer in full: status, headers and JSON body (null when empty), for writes that may answer 202. */
public record Answer(int status, JsonNode body, Headers headers) {
    public String header(String name) {
        return headers.get(name);
    }

    /** The id to quote to Microsoft about this answer (the service's request id, else pcx's echoed), or null. */
    public String requestId() {
        return ErrorBodies.requestId(headers);
    }

    /** The answer's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return RetryInterceptor.retryAfter(headers.get("Retry-After"));
    }
}
