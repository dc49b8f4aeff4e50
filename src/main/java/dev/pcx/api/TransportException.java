package dev.pcx.api;

/** Partner Center could not be reached, or did not answer in time, after every retry. */
public class TransportException extends RuntimeException {
    private final String target;

    public TransportException(String message, String target, Throwable cause) {
        super(message, cause);
        this.target = target;
    }

    /** The host (and port) pcx was talking to. */
    public String target() {
        return target;
    }
}
