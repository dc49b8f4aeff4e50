package dev.pcx.e2e;

import dev.pcx.sandbox.SandboxIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged launcher, {@code target/pcx}, as a user runs it: a real process against the sandbox. */
class LauncherIT {
    private static final Path PCX = Path.of("target", "pcx").toAbsolutePath();

    @TempDir
    Path config;

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private ProcessBuilder pcx(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(PCX.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("PCX_ACCESS_TOKEN");
        pb.environment().remove("PCX_ENDPOINT");
        pb.environment().put("PCX_CONFIG_DIR", config.toString());
        pb.environment().put("LANG", "C");
        pb.environment().put("LC_ALL", "C");
        pb.environment().putAll(env);
        return pb;
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        Process p = pcx(env, args).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pcx did not finish in 60 s");
        return new Run(p.exitValue(), out.get(), err.get());
    }

    /** The next line {@code in} gives, within 30 s (null at its end). */
    private static String nextLine(BufferedReader in) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return in.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void theReadmeFirstCommandWorks() throws Exception {
        assertTrue(Files.isExecutable(PCX), "mvn package writes target/pcx");
        Run r = run(Map.of(), "--sandbox", "customers", "list", "--limit", "4", "-o", "csv");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(5, r.out().lines().count(), r::toString);
        assertTrue(r.out().contains("北京云创科技有限公司"), "UTF-8 even under LANG=C: " + r.out());
    }

    @Test
    void versionAndHelp() throws Exception {
        Run v = run(Map.of(), "--version");
        assertEquals(0, v.exit(), v::toString);
        assertTrue(v.out().startsWith("pcx "), v.out());
        assertEquals("", v.err(), "no JVM warning leaks out: " + v.err());
        Run h = run(Map.of(), "--help");
        assertTrue(h.out().contains("Exit codes:"), h.out());
    }

    @Test
    void pcxJavaOptsComeAfterTheLaunchersOwnSoTheyWin() throws Exception {
        Run mine = run(Map.of("PCX_JAVA_OPTS", "-XX:CompileThresholdScaling=1 -Xms16m -XX:+PrintFlagsFinal"), "--version");
        assertEquals(0, mine.exit(), mine::toString);
        assertTrue(mine.out().lines().anyMatch(l -> l.matches("\\s*double CompileThresholdScaling\\s+= 1\\.0+ .*")),
                "the launcher sets 4; PCX_JAVA_OPTS said 1");
        assertTrue(mine.out().lines().anyMatch(l -> l.matches("\\s*size_t InitialHeapSize\\s+= 16777216 .*")),
                "the launcher sets 48m; PCX_JAVA_OPTS said 16m");
        Run small = run(Map.of("PCX_JAVA_OPTS", "-Xmx32m"), "--sandbox", "customers", "list", "--limit", "1");
        assertEquals(0, small.exit(), "a maximum heap below pcx's usual initial one: " + small);
        Run plain = run(Map.of("PCX_JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");
        assertTrue(plain.out().lines().anyMatch(l -> l.matches("\\s*double CompileThresholdScaling\\s+= 4\\.0+ .*")),
                plain.out().lines().filter(l -> l.contains("CompileThresholdScaling")).toList().toString());
    }

    @Test
    void interruptingIsExit130() throws Exception {
        Process server = pcx(Map.of(), "sandbox", "serve", "--port", "0").start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String url = nextLine(lines);
        assertTrue(url != null && url.startsWith("http://"), "serving: " + url);
        // the JVM's own pid (the launcher execs java, so the process is the JVM)
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertTrue(server.waitFor(20, TimeUnit.SECONDS), "Ctrl-C stops it");
        assertEquals(130, server.exitValue());
    }

    private Run bash(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().remove("PCX_ACCESS_TOKEN");
        pb.environment().remove("PCX_ENDPOINT");
        pb.environment().put("PCX_CONFIG_DIR", config.toString());
        pb.environment().put("PCX", PCX.toString());
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not finish in 60 s: " + script);
        return new Run(p.exitValue(), out.get(), err.get());
    }

    @Test
    void aBatchIsReadFromAPipeAFifoAndProcessSubstitution() throws Exception {
        String fix = "printf 'contoso.partner.onmschina.cn,HQ,activate\\n'";
        Run pipe = bash(fix + " | \"$PCX\" --sandbox services apply --file - -o tsv");
        assertEquals(0, pipe.exit(), "a pipe is not seekable, and must be read all the same: " + pipe);
        assertTrue(pipe.out().contains("\tactivate\tunchanged"), pipe::toString);
        Run substituted = bash("\"$PCX\" --sandbox services apply --file <(" + fix + ") -o tsv");
        assertEquals(0, substituted.exit(), substituted::toString);
        Path fifo = config.resolve("fixes.fifo");
        Run viaFifo = bash("mkfifo '" + fifo + "' && (" + fix + " > '" + fifo + "' &) && \"$PCX\" --sandbox services apply "
                + "--file '" + fifo + "' -o tsv");
        assertEquals(0, viaFifo.exit(), viaFifo::toString);
        assertTrue(viaFifo.out().contains("\tunchanged"), viaFifo::toString);
    }

    @Test
    void aTableFitsAnEightyColumnTerminal() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1)");
        Run r = bash("script -qec 'stty cols 80 rows 40; \"$PCX\" --sandbox --no-color services list -c "
                + "contoso.partner.onmschina.cn; \"$PCX\" --sandbox --no-color customers list --limit 5' /dev/null");
        assertEquals(0, r.exit(), r::toString);
        List<String> lines = r.out().lines().map(l -> l.replaceAll("\u001b\\[[0-9;]*[A-Za-z]|\r", "")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("HQ Office 365 E3")), r::toString);
        for (String line : lines) {
            assertTrue(dev.pcx.output.DisplayWidth.of(line) <= 80, "wider than the terminal: '" + line + "'");
        }
        assertTrue(r.out().contains("showed the first 5 customers"), r::toString);
        assertFalse(r.out().contains("no customers"), "no false 'nothing found' after rows: " + r);
    }

    @Test
    void theBrowserGetsNoSecretFromTheEnvironment() throws Exception {
        assertEquals(0, run(Map.of(), "--sandbox", "auth", "login").exit());
        Path seen = config.resolve("browser-env.txt");
        Path browser = config.resolve("browser.sh");
        Files.writeString(browser, "#!/bin/sh\nenv > '" + seen + ".tmp' && mv '" + seen + ".tmp' '" + seen + "'\n");
        assertTrue(browser.toFile().setExecutable(true));
        Run r = run(Map.of("BROWSER", browser.toString(), "PCX_CLIENT_SECRET", "s3cret-in-env"),
                "--sandbox", "services", "admin", "-c", "contoso.partner.onmschina.cn", "exchange", "--open");
        assertEquals(0, r.exit(), r::toString);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(seen) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll until the deadline
        }
        String env = Files.readString(seen);
        assertTrue(env.contains("HOME=") || env.contains("PATH="), env);
        assertFalse(env.contains("s3cret-in-env") || env.contains("PCX_"), "no PCX_ variable reaches the browser: " + env);
    }

    @Test
    void ctrlCDuringABatchReportsWhatWasDoneAndWhatWasInFlight() throws Exception {
        Process server = pcx(Map.of(), "sandbox", "serve", "--port", "0", "--latency", "400ms").start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String url = nextLine(lines);
            Path fixes = Files.writeString(config.resolve("slow.csv"), String.join("\n",
                    "contoso.partner.onmschina.cn,HQ Office,auto-renew,on",
                    "contoso.partner.onmschina.cn,Sales Azure plan,activate",
                    "fabrikam.partner.onmschina.cn,HQ Office,auto-renew,on",
                    "contoso.partner.onmschina.cn,R&D,name,R&D renamed") + "\n");
            Process batch = pcx(Map.of("PCX_ENDPOINT", url, "PCX_AUTHORITY", url,
                    "PCX_TENANT_ID", SandboxIdentity.TENANT_ID, "PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID,
                    "PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET),
                    "services", "apply", "--file", fixes.toString(), "--parallel", "1")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(batch.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(batch.getErrorStream()));
            // poll until the first change is written to the sandbox's state (the batch is then applying)
            Path state = config.resolve("sandbox").resolve("state.json");
            long before = Files.exists(state) ? Files.getLastModifiedTime(state).toMillis() : 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (batch.isAlive() && System.nanoTime() < deadline
                    && (!Files.exists(state) || Files.getLastModifiedTime(state).toMillis() == before)) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L); // poll until the deadline
            }
            assertTrue(batch.isAlive(), "still applying when Ctrl-C comes");
            new ProcessBuilder("kill", "-INT", String.valueOf(batch.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertTrue(batch.waitFor(60, TimeUnit.SECONDS), "the batch ends on Ctrl-C");
            String stderr = err.get(10, TimeUnit.SECONDS);
            assertEquals(130, batch.exitValue(), stderr);
            assertTrue(stderr.contains("pcx: interrupted: ") && stderr.contains(" fixes done (shown above)")
                    && stderr.contains("not started"), stderr);
            java.util.regex.Matcher done = java.util.regex.Pattern.compile("interrupted: (\\d+) of 4 fixes done").matcher(stderr);
            assertTrue(done.find(), stderr);
            int known = Integer.parseInt(done.group(1));
            String results = out.get(10, TimeUnit.SECONDS);
            // the table of the results known: a header and one row each (none at all when none was done)
            assertEquals(known == 0 ? 0 : known + 1, results.lines().count(), "the results known are shown: " + results);
            assertTrue(stderr.contains("in flight") && (known == 4 || stderr.contains("check with: pcx services show")
                    || stderr.contains(" 0 in flight")), stderr);
        } finally {
            server.destroy();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void ctrlCDuringHealthAffectedShowsEveryCustomerCheckedAndSaysHowManyWereNot() throws Exception {
        Process server = pcx(Map.of(), "sandbox", "serve", "--port", "0", "--latency", "200ms", "--approve-after", "0")
                .start();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String url = nextLine(serverOut);
            Map<String, String> env = Map.of("PCX_ENDPOINT", url, "PCX_AUTHORITY", url, "PCX_GRAPH_ENDPOINT", url);
            Run login = run(env, "auth", "login", "--tenant", SandboxIdentity.TENANT_ID, "--client-id",
                    SandboxIdentity.CLIENT_ID);
            assertEquals(0, login.exit(), login::toString);
            Process scan = pcx(env, "health", "affected", "-o", "jsonl", "--parallel", "2")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(scan.getErrorStream()));
            BufferedReader out = new BufferedReader(new InputStreamReader(scan.getInputStream(), StandardCharsets.UTF_8));
            List<String> rows = new ArrayList<>();
            rows.add(nextLine(out));
            assertTrue(scan.isAlive(), "still checking when Ctrl-C comes");
            new ProcessBuilder("kill", "-INT", String.valueOf(scan.pid())).start().waitFor(10, TimeUnit.SECONDS);
            rows.addAll(CompletableFuture.supplyAsync(() -> out.lines().toList()).get(60, TimeUnit.SECONDS));
            assertTrue(scan.waitFor(60, TimeUnit.SECONDS), "the scan ends on Ctrl-C");
            String stderr = err.get(10, TimeUnit.SECONDS);
            assertEquals(130, scan.exitValue(), stderr);
            java.util.regex.Matcher report = java.util.regex.Pattern.compile("pcx: interrupted: (\\d+) of (\\d+) customers "
                    + "checked \\(shown above\\): \\d+ affected, \\d+ clear, \\d+ could not be checked; the other (\\d+) were not")
                    .matcher(stderr);
            assertTrue(report.find(), stderr);
            int shown = Integer.parseInt(report.group(1));
            assertEquals(Integer.parseInt(report.group(2)), shown + Integer.parseInt(report.group(3)), stderr);
            assertEquals(shown, rows.size(), "every customer checked is on stdout, none dropped: " + rows);
            assertTrue(rows.stream().allMatch(r -> r.startsWith("{\"tenantId\":") && r.endsWith("}")), rows.toString());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnknownCustomerIsOneLineAndExit4() throws Exception {
        Run r = run(Map.of(), "--sandbox", "customers", "show", "no such company");
        assertEquals(4, r.exit(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
    }

    @Test
    void aStandaloneSandboxServesAnotherPcxProcess() throws Exception {
        Process server = pcx(Map.of(), "sandbox", "serve", "--port", "0", "--customers", "2500").start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String url = nextLine(lines);
            assertTrue(url != null && url.startsWith("http://127.0.0.1:"), "first stdout line is the URL: " + url);

            Map<String, String> ci = Map.of("PCX_ENDPOINT", url, "PCX_AUTHORITY", url,
                    "PCX_TENANT_ID", SandboxIdentity.TENANT_ID, "PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID,
                    "PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET);
            Run walk = run(ci, "customers", "list", "--all", "-o", "jsonl");
            assertEquals(0, walk.exit(), walk::toString);
            assertEquals(2500, walk.out().lines().count());
            assertEquals(2500, walk.out().lines().distinct().count());

            Run forged = run(Map.of("PCX_ENDPOINT", url, "PCX_ACCESS_TOKEN", "not-a-token"), "customers", "list");
            assertEquals(3, forged.exit(), forged::toString);
            Run noCredentials = run(Map.of("PCX_ENDPOINT", url), "customers", "list");
            assertEquals(3, noCredentials.exit(), noCredentials::toString);

            Process login = pcx(Map.of("PCX_ENDPOINT", url, "PCX_AUTHORITY", url), "auth", "login",
                    "--tenant", SandboxIdentity.TENANT_ID, "--client-id", SandboxIdentity.CLIENT_ID)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            BufferedReader prompt = new BufferedReader(new InputStreamReader(login.getErrorStream(), StandardCharsets.UTF_8));
            String code = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = prompt.readLine()) != null; ) {
                        int at = line.indexOf("enter the code ");
                        if (at >= 0) {
                            return line.substring(at + 15).split(" ")[0];
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            assertTrue(code != null, "the device code is shown on stderr");
            Run approve = run(Map.of("PCX_ENDPOINT", url), "sandbox", "approve", code);
            assertEquals(0, approve.exit(), approve::toString);
            assertTrue(login.waitFor(30, TimeUnit.SECONDS), "login finishes once approved");
            assertEquals(0, login.exitValue());
            Run asPerson = run(Map.of("PCX_ENDPOINT", url, "PCX_AUTHORITY", url), "auth", "status");
            assertEquals(0, asPerson.exit(), asPerson::toString);
            assertTrue(asPerson.out().contains(SandboxIdentity.USER), asPerson.out());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the sandbox stops on SIGTERM");
        }
    }
}
