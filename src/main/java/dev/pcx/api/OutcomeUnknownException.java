package dev.pcx.api;

/**
 * A write whose answer was lost (the connection dropped, or --timeout ran out) and whose effect pcx
 * could not establish by reading the resource again: it may or may not have been applied. Exit 6,
 * with the command that checks.
 */
public class OutcomeUnknownException extends TransportException {
    public OutcomeUnknownException(String message, String target, Throwable cause, String fix) {
        super(message, target, cause, fix);
    }
}
