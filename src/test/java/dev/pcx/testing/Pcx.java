package dev.pcx.testing;

import dev.pcx.Main;
import dev.pcx.api.Sleeper;
import dev.pcx.cli.Io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs pcx in this JVM through the real {@link Main#run}, with captured streams, a settable
 * environment and terminal flags, and a sleeper that records waits instead of taking them.
 */
public final class Pcx {
    private Clock clock = Clock.systemUTC();
    private final Map<String, String> env = new HashMap<>();
    private boolean stdinTty;
    private boolean stdoutTty;
    private boolean stderrTty;
    private int width = 100;
    private String stdin = "";
    private OutputStream stdoutSink;
    public final List<Duration> sleeps = java.util.Collections.synchronizedList(new ArrayList<>());
    private Duration realPause = Duration.ZERO;

    public Pcx env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Pcx tty(boolean stdin, boolean stdout, boolean stderr) {
        this.stdinTty = stdin;
        this.stdoutTty = stdout;
        this.stderrTty = stderr;
        return this;
    }

    public Pcx width(int columns) {
        this.width = columns;
        return this;
    }

    /**
     * Makes each wait pcx asks for (retries, device-code polls) a real pause of {@code pause}
     * instead of none, for flows that wait on another thread; the asked-for waits are still recorded.
     */
    public Pcx pauseEachWait(Duration pause) {
        this.realPause = pause;
        return this;
    }

    public Pcx stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Runs on {@code clock}: the day pcx counts days left from. */
    public Pcx clock(Clock fixed) {
        this.clock = fixed;
        return this;
    }

    /** Sends stdout to {@code sink} instead of capturing it. */
    public Pcx stdout(OutputStream sink) {
        this.stdoutSink = sink;
        return this;
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(stdoutSink != null ? stdoutSink : out, false, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream, errStream,
                stdinTty, stdoutTty, stderrTty, () -> width);
        Duration pause = realPause;
        Sleeper sleeper = d -> {
            sleeps.add(d);
            if (!pause.isZero()) {
                Thread.sleep(pause.toMillis());
            }
        };
        if (!env.containsKey("PCX_CONFIG_DIR") && !env.containsKey("XDG_CONFIG_HOME") && !env.containsKey("HOME")) {
            // never the real ~/.config/pcx: local state of its own for this runner, kept across its runs
            try {
                env.put("PCX_CONFIG_DIR", java.nio.file.Files.createTempDirectory("pcx-test-config").toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        int code = Main.run(io, Map.copyOf(env), sleeper, clock, args);
        outStream.flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
