package dev.pcx.api;

/**
 * The subscription changed between pcx reading it and writing it (409 or 412 on an
 * {@code If-Match} PATCH). pcx read it again and wrote nothing over it; the message says what it is now.
 */
public class ConflictException extends RuntimeException {
    private final String requestId;

    public ConflictException(String message, String requestId) {
        super(message);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
