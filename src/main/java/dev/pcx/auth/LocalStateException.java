package dev.pcx.auth;

/** A file of pcx's local state is unreadable, corrupt or too open; the message names the fix. */
public class LocalStateException extends RuntimeException {
    public LocalStateException(String message, Throwable cause) {
        super(message, cause);
    }

    public LocalStateException(String message) {
        super(message);
    }
}
