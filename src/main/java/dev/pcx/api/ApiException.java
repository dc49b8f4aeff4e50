package dev.pcx.api;

import java.time.Duration;

/**
 * Partner Center answered with an error status. Carries what a person needs to act or to open a
 * case with Microsoft: the HTTP status, the ApiFault {@code code} and {@code description}, and
 * the {@code MS-RequestId} of the call.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String reason;
    private final String faultCode;
    private final String description;
    private final String requestId;
    private final String method;
    private final String path;
    private final Duration retryAfter;

    public ApiException(int status, String reason, String faultCode, String description,
                        String requestId, String method, String path, Duration retryAfter) {
        super(buildMessage(status, reason, faultCode, description, method, path));
        this.status = status;
        this.reason = reason;
        this.faultCode = faultCode;
        this.description = description;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    private static String buildMessage(int status, String reason, String code, String description,
                                       String method, String path) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(path).append(": ").append(status);
        if (reason != null && !reason.isBlank()) {
            sb.append(' ').append(reason);
        }
        if (description != null && !description.isBlank()) {
            sb.append(": ").append(description);
        }
        if (code != null) {
            sb.append(" (code ").append(code).append(')');
        }
        return sb.toString();
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** The ApiFault business code ({@code 800090}), or null when the body had none. */
    public String faultCode() {
        return faultCode;
    }

    /** The ApiFault description, the 429 message, or a summary of a non-JSON body; may be null. */
    public String description() {
        return description;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
