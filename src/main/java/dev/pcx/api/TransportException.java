package dev.pcx.api;

/**
 * A service (Partner Center, the sign-in service) could not be reached, or did not answer in time,
 * after every retry: exit 6, which a CI job may retry.
 */
public class TransportException extends RuntimeException {
    private final String target;
    private final String fix;

    public TransportException(String message, String target, Throwable cause) {
        this(message, target, cause, null);
    }

    /** @param fix what to check, when not the network and {@code --endpoint} */
    public TransportException(String message, String target, Throwable cause, String fix) {
        super(message, cause);
        this.target = target;
        this.fix = fix;
    }

    /** What to check, or null for the network and {@code --endpoint}. */
    public String fix() {
        return fix;
    }

    /** The host (and port) pcx was talking to. */
    public String target() {
        return target;
    }
}
