package dev.pcx.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged launcher {@code target/pcx}, run as a user runs it: a real process, stdin from
 * {@code /dev/null}, {@code PCX_CONFIG_DIR} set, nothing from the test's own environment that
 * would sign it in elsewhere.
 */
public final class Launcher {
    public static final Path PCX = Path.of("target", "pcx").toAbsolutePath();

    private final Path config;

    public Launcher(Path config) {
        this.config = config;
    }

    /** Runs pcx with {@code env} added to the environment; waits at most 60 s. */
    public Pcx.Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(PCX.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(name -> name.startsWith("PCX_"));
        pb.environment().put("PCX_CONFIG_DIR", config.toString());
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(env);
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pcx did not finish in 60 s: " + args[0]);
        }
        return new Pcx.Result(p.exitValue(), out.get(), err.get());
    }

    /** A child process's stream read whole, as UTF-8. */
    public static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
