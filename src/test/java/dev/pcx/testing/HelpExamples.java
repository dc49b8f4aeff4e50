package dev.pcx.testing;

import dev.pcx.api.Sleeper;
import dev.pcx.cli.Cli;
import dev.pcx.cli.Context;
import dev.pcx.cli.Io;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The examples of every command's help, as a person reads them: groups of shell lines separated by
 * blank lines, {@code \} continuations joined. A group headed by a comment ending in ':' ("# with
 * your own tenant and application:") shows what needs more than the sandbox; every other group
 * runs as shown on the sandbox.
 */
public final class HelpExamples {
    /** One group of examples of one command. */
    public record Group(String command, List<String> lines, boolean onSandbox) {
    }

    private HelpExamples() {
    }

    public static CommandLine commandLine() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        return Cli.commandLine(new Context(io, Map.of(), Sleeper.SYSTEM, System::nanoTime));
    }

    /** The raw example lines of every command, as printed (for width checks). */
    public static List<String> rawLines(CommandLine cmd) {
        List<String> out = new ArrayList<>();
        collectRaw(cmd, out);
        return out;
    }

    private static void collectRaw(CommandLine cmd, List<String> out) {
        out.addAll(exampleLines(cmd));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                collectRaw(sub, out);
            }
        });
    }

    public static List<Group> groups(CommandLine cmd) {
        List<Group> out = new ArrayList<>();
        collect(cmd, out);
        return out;
    }

    private static void collect(CommandLine cmd, List<Group> out) {
        String name = cmd.getCommandSpec().qualifiedName();
        List<String> current = new ArrayList<>();
        boolean onSandbox = true;
        StringBuilder joined = null;
        for (String raw : exampleLines(cmd)) {
            String line = raw.strip();
            if (joined != null) {
                joined.append(' ').append(strip(line));
                if (!line.endsWith("\\")) {
                    current.add(joined.toString());
                    joined = null;
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                if (!current.isEmpty()) {
                    out.add(new Group(name, current, onSandbox));
                    current = new ArrayList<>();
                }
                onSandbox = line.isEmpty() ? true : !line.endsWith(":");
                continue;
            }
            if (line.endsWith("\\")) {
                joined = new StringBuilder(strip(line));
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            out.add(new Group(name, current, onSandbox));
        }
        cmd.getSubcommands().forEach((n, sub) -> {
            if (n.equals(sub.getCommandName())) {
                collect(sub, out);
            }
        });
    }

    private static String strip(String line) {
        return line.endsWith("\\") ? line.substring(0, line.length() - 1).strip() : line;
    }

    /** The footer lines that are examples: all of a command's, or those after "Examples:" in pcx's. */
    private static List<String> exampleLines(CommandLine cmd) {
        var usage = cmd.getCommandSpec().usageMessage();
        List<String> lines = new ArrayList<>();
        boolean in = usage.footerHeading().contains("Examples");
        for (String l : usage.footer()) {
            String line = l.replace("%%", "%");
            if (in) {
                lines.add(line);
            } else if (line.strip().equals("Examples:")) {
                in = true;
            }
        }
        return lines;
    }
}
