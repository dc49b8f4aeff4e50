package dev.pcx.api;

/**
 * Partner Center (or something between pcx and it) answered with a body pcx cannot use: not
 * JSON, the wrong shape, or paging that loops. Nothing about it is the user's fault, and nothing
 * about it is a bug in pcx, so it carries the request id to report.
 */
public class MalformedResponseException extends RuntimeException {
    private final String requestId;

    public MalformedResponseException(String message, String requestId, Throwable cause) {
        super(message, cause);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
