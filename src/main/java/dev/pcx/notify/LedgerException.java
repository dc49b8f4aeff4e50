package dev.pcx.notify;

/**
 * The ledger file cannot be used: not a file, not pcx's, or in a place pcx cannot write. The
 * message names the file and the fix (another {@code --state}, or moving it away), and nothing of
 * the parser's or the sign-in's.
 */
public final class LedgerException extends RuntimeException {
    LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
