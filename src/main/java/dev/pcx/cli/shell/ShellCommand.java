package dev.pcx.cli.shell;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.output.DisplayWidth;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code pcx shell}: one warm session for a whole incident. */
@Command(name = "shell",
        header = "An interactive shell: many commands, one start, one sign-in.",
        description = {
            "Every pcx command runs inside as it does outside (same output, same exit status), on one HTTP "
                    + "client and one token, so a command costs its round trips, not a Java start. The shell's "
                    + "own global options (pcx --sandbox shell, --profile, -o ...) apply to every line.",
            "use <customer> works on one customer: commands that take -c get it when it is left out (the "
                    + "prompt shows it); use - forgets it. Tab completes commands, options, values, customer "
                    + "names, domains and ids, the subscriptions of the customer in use and profiles, from caches "
                    + "filled in the background. History is kept in $PCX_CONFIG_DIR/shell-history (0600; a "
                    + "symbolic link or another user's file there is refused, and the shell keeps no history). "
                    + "Ctrl-C cancels the running command, not the shell; Ctrl-D or exit leaves.",
            "Without a terminal, commands are read from stdin, one per line (# starts a comment), and the "
                    + "shell stops at the first that fails, with its exit code, unless --keep-going."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  printf 'customers list --limit 3\\nhealth\\n' | pcx --sandbox shell",
            "  printf 'use contoso.partner.onmschina.cn\\nservices list\\n' | \\",
            "      pcx --sandbox shell",
            "  printf 'customers show nobody\\nhealth\\n' | \\",
            "      pcx --sandbox shell --keep-going               # exit 4",
            "",
            "  # at a terminal, until exit or Ctrl-D:",
            "  pcx --sandbox shell"
        })
public final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    private final Context context;

    @Option(names = "--keep-going", description = "Without a terminal, run every line even after one fails")
    boolean keepGoing;

    ShellCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Shell shell = new Shell(context.session(), globalArgs(spec.root().commandLine().getParseResult()));
        if (!context.io().stdinTty()) {
            return fromStdin(shell);
        }
        context.session().profiles().files().ensureDir(); // the history lives beside the profiles, 0700
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            return interactive(shell, terminal, context.session().configDir().resolve("shell-history"));
        } catch (IOException e) {
            throw CliException.usage("cannot open the terminal for the shell: " + e.getMessage());
        }
    }

    /**
     * The global options given to {@code pcx shell} ({@code pcx --sandbox shell --profile x}), as
     * they were typed: the words every line of the shell starts with. Read from the parse, not from a
     * list of names, so a global option added to {@code pcx} reaches the shell's lines by itself.
     */
    static List<String> globalArgs(ParseResult parsed) {
        List<String> words = new ArrayList<>();
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (OptionSpec o : p.matchedOptions()) {
                boolean global = p == parsed ? !o.usageHelp() && !o.versionHelp() : o.inherited();
                if (!global) {
                    continue;
                }
                if (o.arity().max() == 0) {
                    words.add(o.longestName());
                } else {
                    for (String value : o.originalStringValues()) {
                        words.add(o.longestName());
                        words.add(value);
                    }
                }
            }
        }
        return words;
    }

    /** Commands from stdin, one a line; the first failure ends the run unless --keep-going. */
    int fromStdin(Shell shell) {
        BufferedReader in = new BufferedReader(new InputStreamReader(context.io().in(), StandardCharsets.UTF_8));
        DefaultParser parser = new DefaultParser().eofOnUnclosedQuote(true);
        int first = 0;
        int number = 0;
        try {
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                List<String> words;
                try {
                    words = words(parser.parse(t, t.length(), Parser.ParseContext.ACCEPT_LINE).words());
                } catch (RuntimeException unclosed) {
                    context.session().say("pcx: line " + number + ": a quote is not closed");
                    words = null;
                }
                Shell.Outcome o = words == null ? new Shell.Outcome(ExitCode.USAGE, false) : shell.run(words);
                if (o.exit() != 0 && first == 0) {
                    first = o.exit();
                }
                if (o.quit() || o.exit() != 0 && !keepGoing) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return first;
    }

    private static List<String> words(List<String> parsed) {
        List<String> out = new ArrayList<>();
        for (String w : parsed) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** The interactive loop on {@code terminal}; history in {@code history} (0600). */
    static int interactive(Shell shell, Terminal terminal, Path history) {
        Completions completions = new Completions(shell);
        completions.refreshCustomers();
        Path kept = ownHistory(history, shell.session()::say);
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("pcx")
                .completer(completions).parser(new DefaultParser())
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (kept != null) {
            builder.variable(LineReader.HISTORY_FILE, kept);
        }
        LineReader reader = builder.build();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> shell.cancel());
        int last = 0;
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt(shell, last));
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: a new line, not an exit
                } catch (EndOfFileException e) {
                    break;
                }
                Shell.Outcome o = shell.run(words(reader.getParsedLine().words()));
                last = o.exit();
                completions.refreshSubscriptions(shell.customer());
                if (o.quit()) {
                    break;
                }
                terminal.flush();
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            if (kept != null && ownHistory(kept, shell.session()::say) != null) {
                try {
                    reader.getHistory().save();
                } catch (IOException e) {
                    shell.session().say("pcx: the shell's history was not saved: " + e.getMessage());
                }
                ownHistory(kept, shell.session()::say);
            }
        }
        return last == 0 ? 0 : last;
    }

    /** {@code pcx Contoso Ltd> }, and the exit code of the last command when it failed: {@code pcx [4]> }. */
    static String prompt(Shell shell, int lastExit) {
        String label = shell.customerLabel();
        String failed = lastExit == 0 ? "" : "[" + lastExit + "]";
        return label == null ? "pcx" + (failed.isEmpty() ? "" : " " + failed) + "> "
                : "pcx " + DisplayWidth.truncate(DisplayWidth.clean(label), 30)
                + (failed.isEmpty() ? "" : " " + failed) + "> ";
    }

    /**
     * {@code file} once it is a regular file of the user's that only they may read (created 0600
     * when absent), before and after jline writes it; null when it is anything else (a symbolic
     * link, a directory, a FIFO, another user's file), said once: pcx never changes the mode of
     * what a link points to, and the shell then runs without history.
     */
    static Path ownHistory(Path file, Consumer<String> say) {
        try {
            if (!Files.isDirectory(file.getParent())) {
                return null;
            }
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return file;
            }
            PosixFileAttributes a = Files.readAttributes(file,
                    PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Object owner = Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            if (!a.isRegularFile() || !owner.equals(me)) {
                say.accept("pcx: " + file + " is " + (a.isSymbolicLink() ? "a symbolic link" : a.isRegularFile()
                        ? "another user's file" : "not a regular file") + ": the shell keeps no history this time. "
                        + "History is a file of pcx's own; to have it back: rm " + file);
                return null;
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (FileAlreadyExistsException raced) {
            return ownHistory(file, say);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // without POSIX permissions (Windows), the user's profile directory protects it
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? file : null;
        }
    }
}
