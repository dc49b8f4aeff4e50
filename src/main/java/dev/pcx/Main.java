package dev.pcx;

import dev.pcx.api.Sleeper;
import dev.pcx.cli.Cli;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.Io;
import dev.pcx.cli.Terminals;
import dev.pcx.cli.VersionProvider;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** The entry point, and the only place pcx exits. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Warmup.start(args);
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Map<String, String> env = System.getenv();
        Io io = Terminals.detect(stdin(), out, err, env);
        int code = run(io, env, Sleeper.SYSTEM, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Standard input as a plain stream. JDK 17's {@code FileInputStream.readAllBytes} asks the
     * descriptor for its size and position, which fails with "Illegal seek" on a pipe or a FIFO;
     * behind a filter, every read goes through {@code read(byte[])}, which works on anything.
     */
    static InputStream stdin() {
        return new FilterInputStream(new FileInputStream(FileDescriptor.in)) {
        };
    }

    /** Runs pcx with the given streams and environment and returns the exit code; never exits. */
    public static int run(Io io, Map<String, String> env, Sleeper sleeper, String... args) {
        return run(io, env, sleeper, Clock.systemUTC(), args);
    }

    /** As {@link #run(Io, Map, Sleeper, String...)}, on {@code clock} (tests fix the day). */
    public static int run(Io io, Map<String, String> env, Sleeper sleeper, Clock clock, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli would print, without building a command model to print it: scripts
            // call pcx --version to check the installation, and it should take no longer than Java
            for (String line : new VersionProvider().getVersion()) {
                io.out().println(line);
            }
            io.out().flush();
            return ExitCode.OK;
        }
        try (Context context = new Context(io, env, sleeper, System::nanoTime, clock)) {
            return Cli.execute(context, args);
        } catch (RuntimeException closing) {
            return ExitCode.BUG;
        }
    }
}
