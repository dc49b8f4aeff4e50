package dev.pcx.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Asks the person at the terminal for what is missing, on stderr; reads standard input line by
 * line for {@code --...-stdin} options. Never asks when stdin is not a terminal: it says which
 * option to give instead.
 */
public final class Prompter {
    private final Io io;
    private BufferedReader reader;

    public Prompter(Io io) {
        this.io = io;
    }

    private BufferedReader reader() {
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
        }
        return reader;
    }

    /** An answer to {@code question}; without a terminal, a usage error naming {@code option}. */
    public String ask(String question, String option) {
        requireTerminal(option);
        io.err().print(question);
        io.err().flush();
        String line = line();
        if (line == null || line.isBlank()) {
            throw CliException.usage("no answer: give " + option);
        }
        return line.trim();
    }

    /**
     * Asks a yes/no question on a terminal; without one, a usage error naming {@code option}
     * ({@code --yes}). Only y or yes (any case) is yes.
     */
    public boolean confirm(String question, String option) {
        requireTerminal(option);
        io.err().print(question + " [y/N] ");
        io.err().flush();
        String line = line();
        return line != null && (line.trim().equalsIgnoreCase("y") || line.trim().equalsIgnoreCase("yes"));
    }

    /** As {@link #ask} without echo where the terminal allows it. */
    public String secret(String question, String option) {
        requireTerminal(option);
        Console console = System.console();
        if (console != null && reader == null) {
            char[] chars = console.readPassword("%s", question);
            if (chars == null || chars.length == 0) {
                throw CliException.usage("no answer: give " + option);
            }
            return new String(chars).trim();
        }
        return ask(question, option);
    }

    private void requireTerminal(String option) {
        if (!io.stdinTty()) {
            throw CliException.usage("missing " + option + " (there is no terminal to ask on)");
        }
    }

    /** The next non-empty line of standard input, which {@code what} must be. */
    public String stdinLine(String what, String option) {
        String line;
        do {
            line = line();
        } while (line != null && line.isBlank());
        if (line == null) {
            throw CliException.usage(option + ": standard input ended before the " + what);
        }
        return line.strip();
    }

    private String line() {
        try {
            return reader().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
