package dev.pcx.api;

/** A call cancelled on purpose (Ctrl-C in {@code pcx shell}): exit 130, like an interrupted pcx. */
public class CancelledException extends TransportException {
    public CancelledException(String target, Throwable cause) {
        super("interrupted", target, cause);
    }
}
