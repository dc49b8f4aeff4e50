package dev.pcx.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Finds out which standard streams are terminals, each on its own (Java 17 alone can only tell
 * whether stdin and stdout both are). On Linux that is where {@code /proc/self/fd/N} points, which
 * costs nothing; elsewhere jline's native provider answers (it unpacks a native library, some
 * 40 ms); without it, {@link System#console()}. The terminal width is asked only when a table
 * needs it. {@code PCX_FORCE_TTY=1} treats all three as terminals, for recording demos.
 */
public final class Terminals {
    private static final int DEFAULT_WIDTH = 80;
    /** The process's standard input as {@link #detect} was given it: what jline's system terminal reads. */
    private static volatile InputStream processStdin;

    private Terminals() {
    }

    public static Io detect(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        processStdin = in;
        boolean force = "1".equals(env.get("PCX_FORCE_TTY"));
        boolean[] tty = force ? new boolean[] {true, true, true} : procFd();
        TerminalProvider provider = null;
        if (tty == null) {
            provider = provider();
            boolean both = System.console() != null;
            tty = provider == null ? new boolean[] {both, both, both} : new boolean[] {
                isTerminal(provider, SystemStream.Input),
                isTerminal(provider, SystemStream.Output),
                isTerminal(provider, SystemStream.Error)};
        }
        TerminalProvider known = provider;
        IntSupplier width = () -> width(known != null ? known : provider(), env);
        return new Io(in, out, err, tty[0], tty[1], tty[2], width);
    }

    /** Whether {@code in} is the process's standard input (not a test's), so jline may read the terminal. */
    static boolean isProcessStdin(InputStream in) {
        return in != null && in == processStdin;
    }

    /** Linux: a stream is a terminal when its descriptor links to a tty device; null when unknown. */
    private static boolean[] procFd() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return null;
        }
        boolean[] tty = new boolean[3];
        for (int fd = 0; fd < 3; fd++) {
            try {
                String target = Files.readSymbolicLink(fds.resolve(String.valueOf(fd))).toString();
                tty[fd] = target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | RuntimeException e) {
                tty[fd] = false;
            }
        }
        return tty;
    }

    private static TerminalProvider provider() {
        try {
            return TerminalProvider.load("jni");
        } catch (Throwable unavailable) {
            return null;
        }
    }

    private static boolean isTerminal(TerminalProvider provider, SystemStream stream) {
        try {
            return provider.isSystemStream(stream);
        } catch (Throwable e) {
            return System.console() != null;
        }
    }

    static int width(TerminalProvider provider, Map<String, String> env) {
        String columns = env.get("COLUMNS");
        if (columns != null) {
            try {
                int c = Integer.parseInt(columns.trim());
                if (c > 10) {
                    return c;
                }
            } catch (NumberFormatException ignored) {
                // fall through to asking the terminal
            }
        }
        if (provider != null) {
            try {
                int w = provider.systemStreamWidth(SystemStream.Output);
                if (w > 10) {
                    return w;
                }
            } catch (Throwable ignored) {
                // fall through to the default
            }
        }
        return DEFAULT_WIDTH;
    }
}
