package dev.pcx;

import dev.pcx.api.PartnerCenter;
import dev.pcx.api.Sleeper;
import dev.pcx.cli.Io;
import dev.pcx.cli.Terminals;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxServer;

import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for the class-data archive ({@code pom.xml}, phase package): the
 * commands people run most, in one JVM, on the in-process sandbox, so that the classes they load
 * are archived. Plus OkHttp's TLS set-up, which the sandbox (plain http on loopback) does not need
 * and Partner Center does. Not a command: run as {@code java -cp pcx.jar dev.pcx.Training DIR}.
 */
final class Training {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    /** A mistyped command: the training of what a usage error loads; the one command expected to fail. */
    private static final List<String> TYPO = List.of("custmers");
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--sandbox", "customers", "list", "--limit", "5"),
            List.of("--sandbox", "customers", "list", "--all", "-o", "jsonl"),
            List.of("--sandbox", "customers", "show", CONTOSO, "-o", "json"),
            List.of("--sandbox", "services", "list", "-c", CONTOSO),
            List.of("--sandbox", "services", "list", "-c", CONTOSO, "-o", "tsv"),
            List.of("--sandbox", "health", "-c", CONTOSO),
            List.of("--sandbox", "tickets", "list", "-c", CONTOSO),
            List.of("customers", "list", "--help"),
            TYPO);

    private Training() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Files.createDirectories(config);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("PCX_CONFIG_DIR", config.toString(), "PATH", System.getenv("PATH"));
        PartnerCenter.warmUp();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        // what Main.main does before it runs a command: the warm-up threads and the terminal check
        Warmup.start(new String[] {"customers", "list"});
        Terminals.detect(InputStream.nullInputStream(), sink, sink, env);
        // the build's log of the training run (pom.xml sends it to target/cds-training.log)
        PrintStream log = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        for (List<String> command : COMMANDS) {
            run(command, env, "", sink, log);
        }
        // a stored profile signed in to an API over http, as a person's later commands and the
        // benchmark use it: the profile's token source and what reads it, which --sandbox skips
        try (SandboxServer api = SandboxServer.startInProcess(config.resolve("api"))) {
            Map<String, String> stored = Map.of("PCX_CONFIG_DIR", config.resolve("stored").toString(),
                    "PATH", System.getenv("PATH"), "PCX_ENDPOINT", api.baseUrl(), "PCX_AUTHORITY", api.baseUrl());
            Files.createDirectories(config.resolve("stored"));
            Files.setPosixFilePermissions(config.resolve("stored"), PosixFilePermissions.fromString("rwx------"));
            run(List.of("auth", "login", "--app", "--client-secret-stdin", "--save-secret",
                    "--tenant", SandboxIdentity.TENANT_ID, "--client-id", SandboxIdentity.CLIENT_ID),
                    stored, SandboxIdentity.CLIENT_SECRET + "\n", sink, log);
            run(List.of("customers", "list"), stored, "", sink, log);
            run(List.of("customers", "list", "--all", "-o", "jsonl"), stored, "", sink, log);
        }
    }

    private static void run(List<String> command, Map<String, String> env, String stdin, PrintStream sink,
                            PrintStream log) {
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), sink, sink,
                false, false, false, () -> 80);
        int code = Main.run(io, env, Sleeper.SYSTEM, command.toArray(String[]::new));
        log.println("pcx " + String.join(" ", command) + ": exit " + code);
        if (code != 0 && !command.equals(TYPO)) {
            throw new IllegalStateException("the training run failed: pcx " + String.join(" ", command));
        }
    }
}
