package dev.pcx.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * The process's streams and what is known about them: which are terminals, and how wide the
 * terminal is (asked only when a table needs it). Commands print only through this; tests build
 * one over byte arrays with the terminal flags they want.
 */
public record Io(InputStream in, PrintStream out, PrintStream err,
                 boolean stdinTty, boolean stdoutTty, boolean stderrTty, IntSupplier width) {

    /** Columns of the terminal stdout is on, or 0 when stdout is not a terminal. */
    public int terminalWidth() {
        return stdoutTty ? width.getAsInt() : 0;
    }
}
