package dev.pcx.cli;

/** The exit codes of pcx: a contract with scripts (DESIGN.md), listed in {@code pcx --help}. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int BUG = 1;
    public static final int USAGE = 2;
    public static final int AUTH = 3;
    public static final int NOT_FOUND = 4;
    public static final int REFUSED = 5;
    public static final int UNAVAILABLE = 6;
    public static final int GATE = 7;
    /** Prepared for a person to submit in a portal: no API exists for it (the text is on stdout). */
    public static final int HANDED_OFF = 8;
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
