package dev.pcx.cli;

import dev.pcx.api.CancelledException;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Asks the person at the terminal for what is missing, on stderr; reads standard input line by
 * line for {@code --...-stdin} options. Never asks when stdin is not a terminal: it says which
 * option to give instead. On the process's own terminal a question is read with jline: line
 * editing, and Tab completing the answers a question has ({@link #choose}).
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
        return choose(question, option, List.of());
    }

    /**
     * An answer to {@code question}, Tab completing {@code choices} on the process's terminal;
     * without a terminal, a usage error naming {@code option}. The caller checks the answer.
     */
    public String choose(String question, String option, List<String> choices) {
        requireTerminal(option);
        if (reader == null && Terminals.isProcessStdin(io.in())) {
            Terminal terminal;
            try {
                terminal = TerminalBuilder.builder().system(true).build();
            } catch (IOException | RuntimeException noTerminal) {
                terminal = null; // asked the plain way below
            }
            if (terminal != null) {
                try (Terminal t = terminal) {
                    return read(t, question, option, choices);
                } catch (IOException closing) {
                    throw new UncheckedIOException(closing);
                }
            }
        }
        return plain(question, option);
    }

    /** One answer read on {@code terminal} with jline, Tab completing {@code choices}. */
    static String read(Terminal terminal, String question, String option, List<String> choices) {
        LineReader lineReader = LineReaderBuilder.builder().terminal(terminal)
                .completer(completer(choices))
                .parser(wholeLine())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        String line;
        try {
            line = lineReader.readLine(question);
        } catch (UserInterruptException e) {
            throw new CancelledException("the question for " + option, e);
        } catch (EndOfFileException e) {
            line = null;
        }
        if (line == null || line.isBlank()) {
            throw CliException.usage("no answer: give " + option);
        }
        return line.trim();
    }

    /** The answer is one word, spaces and all: a service is called "Exchange Online". */
    private static Parser wholeLine() {
        return (line, cursor, context) -> new CompletingParsedLine() {
            @Override
            public CharSequence escape(CharSequence candidate, boolean complete) {
                return candidate; // an answer is taken as typed: nothing to quote
            }

            @Override
            public int rawWordCursor() {
                return cursor;
            }

            @Override
            public int rawWordLength() {
                return line.length();
            }

            @Override
            public String word() {
                return line;
            }

            @Override
            public int wordCursor() {
                return cursor;
            }

            @Override
            public int wordIndex() {
                return 0;
            }

            @Override
            public List<String> words() {
                return List.of(line);
            }

            @Override
            public String line() {
                return line;
            }

            @Override
            public int cursor() {
                return cursor;
            }
        };
    }

    /** Completes the whole answer from {@code choices}, whatever it contains (service names have spaces). */
    static Completer completer(List<String> choices) {
        return (lineReader, parsed, candidates) -> {
            for (String c : choices) {
                candidates.add(new Candidate(c, c, null, null, null, null, true));
            }
        };
    }

    private String plain(String question, String option) {
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
