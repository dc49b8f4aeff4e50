package dev.pcx.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Finds out which standard streams are terminals, each on its own (Java 17 alone can only tell
 * whether stdin and stdout both are), through jline's native provider; without it, falls back to
 * {@link System#console()}. {@code PCX_FORCE_TTY=1} treats all three as terminals, for recording
 * demos through a pipe.
 */
public final class Terminals {
    private static final int DEFAULT_WIDTH = 80;

    private Terminals() {
    }

    public static Io detect(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        TerminalProvider provider = provider();
        boolean force = "1".equals(env.get("PCX_FORCE_TTY"));
        boolean both = System.console() != null;
        boolean stdin = force || (provider != null ? isTerminal(provider, SystemStream.Input) : both);
        boolean stdout = force || (provider != null ? isTerminal(provider, SystemStream.Output) : both);
        boolean stderr = force || (provider != null ? isTerminal(provider, SystemStream.Error) : both);
        IntSupplier width = () -> width(provider, env);
        return new Io(in, out, err, stdin, stdout, stderr, width);
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
