package dev.pcx.e2e;

import dev.pcx.testing.HelpExamples;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example of every command's help, pasted into bash as a person would, on the sandbox
 * ({@code PCX_SANDBOX=1}), through the packaged launcher: each must exit 0, or the code its comment
 * gives ({@code # exit 5}). A group headed by a comment ending in ':' needs more than the sandbox (a
 * real tenant, a running server, Ctrl-C) and is only parsed, by {@code HelpExamplesTest}. The
 * examples of one command (the incident verbs together) share a state directory that starts signed
 * in as the sandbox's person, in the order the help shows them.
 */
class HelpExamplesIT {
    private static final Path PCX = Path.of("target", "pcx").toAbsolutePath();

    @TempDir
    static Path dir;

    /** An example's own word on how it ends: {@code # exit 5}. */
    private static final java.util.regex.Pattern EXIT = java.util.regex.Pattern.compile("#\\s*exit (\\d+)\\b");

    @TestFactory
    Stream<DynamicTest> everyHelpExampleRunsOnTheSandbox() throws Exception {
        Path signedIn = dir.resolve("signed-in");
        if (!Files.isDirectory(signedIn)) {
            signIn(signedIn);
        }

        List<HelpExamples.Group> groups = HelpExamples.groups(HelpExamples.commandLine()).stream()
                .filter(HelpExamples.Group::onSandbox).toList();
        assertTrue(groups.size() > 15, "groups: " + groups.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (HelpExamples.Group g : groups) {
            for (String line : g.lines()) {
                java.util.regex.Matcher expected = EXIT.matcher(line);
                int exit = expected.find() ? Integer.parseInt(expected.group(1)) : 0;
                tests.add(DynamicTest.dynamicTest(g.command() + ": " + line, () -> {
                    // one state per command; the incident verbs share one, as start, update, resolve follow each other
                    String command = g.command().startsWith("pcx sandbox incident ") ? "pcx sandbox incident" : g.command();
                    Path work = workDir(command, signedIn);
                    Run r = bash(work, work.resolve("config"), line);
                    assertEquals(exit, r.exit(), "the help example of '" + g.command() + "' fails as shown"
                            + (exit == 0 ? "" : " (its comment says exit " + exit + ")") + ":\n" + line + "\n" + r);
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Every {@code sh} block of the README, in order, in one working directory: each runs as shown
     * on the sandbox unless its first line is a comment ending in ':' that says what it needs (or it
     * builds pcx with Maven, which is what runs this test).
     */
    @TestFactory
    Stream<DynamicTest> everyReadmeExampleRunsOnTheSandbox() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : readme) {
            if (block == null && line.equals("```sh")) {
                block = new ArrayList<>();
            } else if (block != null && line.equals("```")) {
                blocks.add(block);
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        assertTrue(blocks.size() > 10, "sh blocks in the README: " + blocks.size());
        Path signedIn = dir.resolve("signed-in");
        if (!Files.isDirectory(signedIn)) {
            signIn(signedIn);
        }
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (List<String> b : blocks) {
            n++;
            String first = b.isEmpty() ? "" : b.get(0).strip();
            if (first.startsWith("#") && first.endsWith(":") || String.join("\n", b).contains("mvn ")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("README block " + n + ": " + first, () -> {
                Path work = workDir("README", signedIn);
                Run r = bash(work, work.resolve("config"), String.join("\n", b));
                assertEquals(0, r.exit(), "the README example fails as shown:\n" + String.join("\n", b) + "\n" + r);
            }));
        }
        return tests.stream();
    }

    private static void signIn(Path config) throws Exception {
        Run login = bash(dir, config, "pcx auth login");
        assertEquals(0, login.exit(), "signing in to the sandbox as a person: " + login);
    }

    /** The working directory of one command's examples: the files they name, a signed-in state. */
    private static Path workDir(String command, Path signedIn) throws IOException {
        Path work = dir.resolve(command.replace(' ', '-'));
        if (Files.isDirectory(work)) {
            return work;
        }
        Files.createDirectories(work.resolve("home/.config/fish/completions"));
        copy(signedIn, work.resolve("config"));
        Files.writeString(work.resolve("fixes.csv"), """
                customer,subscription,action,value
                contoso.partner.onmschina.cn,Sales Azure plan,activate,
                Contoso Ltd,HQ Office,quantity,30
                """, StandardCharsets.UTF_8);
        Files.writeString(work.resolve("fixes.jsonl"), """
                {"customer":"北京云创","subscription":"总部 邮件存档","action":"activate"}
                {"customer":"Fabrikam Inc","subscription":"HQ Office","action":"auto-renew","value":"on"}
                """, StandardCharsets.UTF_8);
        return work;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run bash(Path work, Path config, String script) throws Exception {
        Path wrapper = dir.resolve("bin").resolve("pcx");
        if (!Files.exists(wrapper)) {
            Files.createDirectories(wrapper.getParent());
            Files.writeString(wrapper, "#!/bin/sh\nexec '" + PCX + "' \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -eo pipefail\n" + script).directory(work.toFile());
        var env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PCX_"));
        env.put("PATH", dir.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("PCX_SANDBOX", "1");
        env.put("PCX_CONFIG_DIR", config.toString());
        env.put("HOME", work.resolve("home").toString());
        env.put("BROWSER", "true");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        // an example that leaves a process behind (or never ends) must not hang the suite
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        if (!finished) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 120 s: " + script);
        }
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
