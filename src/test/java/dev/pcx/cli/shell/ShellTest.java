package dev.pcx.cli.shell;

import dev.pcx.api.Sleeper;
import dev.pcx.cli.Cli;
import dev.pcx.cli.Context;
import dev.pcx.cli.Io;
import dev.pcx.cli.Session;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxServer;
import dev.pcx.sandbox.SandboxState;
import dev.pcx.testing.Pcx;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcx shell}: commands as outside, one session for all, use, completion, history, Ctrl-C. */
class ShellTest {
    @TempDir
    Path config;

    private Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString());
    }

    @Test
    void withoutATerminalItRunsStdinLineByLineInOneSessionAsPcxWould() {
        Pcx.Result outside = pcx().run("--sandbox", "customers", "list", "--limit", "3", "-o", "tsv");
        Pcx.Result inside = pcx().stdin("""
                # a comment, then commands
                customers list --limit 3 -o tsv

                use contoso.partner.onmschina.cn
                services list -o tsv --status suspended
                """).run("--sandbox", "--debug", "shell");
        assertEquals(0, inside.exit(), inside::toString);
        assertTrue(inside.out().startsWith(outside.out()), "the same output as outside:\n" + inside.out());
        assertTrue(inside.out().contains("Sales Azure plan\t"), "use supplied -c: " + inside.out());
        assertTrue(inside.err().contains("using Contoso Ltd"), inside.err());
        long signIns = inside.err().lines().filter(l -> l.contains("POST") && l.contains("/oauth2/v2.0/token")).count();
        assertEquals(1, signIns, "one sign-in for the whole shell:\n" + inside.err());
    }

    @Test
    void theGlobalOptionsGivenToTheShellAreTheWordsEveryLineStartsWith() {
        // read from the parse: --arm-endpoint, once missing from a hand-kept list, comes through like the rest
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        Io io = new Io(InputStream.nullInputStream(), nowhere, nowhere, false, false, false, () -> 0);
        try (Context c = new Context(io, Map.of(), Sleeper.SYSTEM, System::nanoTime)) {
            CommandLine.ParseResult parsed = Cli.commandLine(c).parseArgs("--sandbox", "-o", "tsv", "--timeout=30s",
                    "shell", "--arm-endpoint", "http://127.0.0.1:9/", "--keep-going", "--no-color");
            assertEquals(List.of("--sandbox", "--output", "tsv", "--timeout", "30s", "--arm-endpoint", "http://127.0.0.1:9/",
                    "--no-color"), ShellCommand.globalArgs(parsed));
        }
    }

    @Test
    void aGlobalOptionOfTheShellReachesItsLines() {
        Pcx.Result r = pcx().stdin("customers list --limit 1 -o tsv\n").run("--sandbox", "shell", "--locale", "not a locale");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("'not a locale' is not a locale"), r.err());
    }

    @Test
    void useWithACommandRunsItForThatCustomerAndThePromptShowsAFailure() {
        Pcx.Result r = pcx().stdin("use Contoso Ltd services list -o tsv --status suspended\n")
                .run("--sandbox", "shell");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("using Contoso Ltd"), r.err());
        assertTrue(r.out().contains("Sales Azure plan\t"), r.out());
        assertEquals("pcx [4]> ", ShellCommand.prompt(new Shell(null, java.util.List.of()), 4));
    }

    @Test
    void aFormatFromTheEnvironmentGivesWayToJqOnALineAsItDoesOutside() {
        Pcx.Result inside = pcx().env("PCX_OUTPUT", "table").stdin("customers list --limit 1 --jq '.[0].id'\n")
                .run("--sandbox", "shell");
        assertEquals(0, inside.exit(), inside::toString);
        assertEquals("88aaa55a-9641-30b4-b800-f1ab218d6505\n", inside.out());
        Pcx.Result asked = pcx().stdin("customers list --limit 1 --jq '.[0].id'\n").run("--sandbox", "-o", "table", "shell");
        assertEquals(2, asked.exit(), "-o given to the shell is given to every line: " + asked);
    }

    @Test
    void theFirstFailureEndsTheRunUnlessKeepGoing() {
        String lines = "customers show nobody-at-all\ncustomers list --limit 1 -o tsv\n";
        Pcx.Result stops = pcx().stdin(lines).run("--sandbox", "shell");
        assertEquals(4, stops.exit(), stops::toString);
        assertEquals("", stops.out());
        Pcx.Result goes = pcx().stdin(lines).run("--sandbox", "shell", "--keep-going");
        assertEquals(4, goes.exit(), goes::toString);
        assertEquals(1, goes.out().lines().count(), goes.out());
        Pcx.Result nested = pcx().stdin("shell\n").run("--sandbox", "shell");
        assertEquals(2, nested.exit(), "no shell in the shell: " + nested);
        Pcx.Result quote = pcx().stdin("customers show 'unclosed\n").run("--sandbox", "shell");
        assertEquals(2, quote.exit(), quote::toString);
    }

    private Session session(InputStream in, ByteArrayOutputStream out, Map<String, String> env) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        Io io = new Io(in, o, o, false, false, false, () -> 100);
        return new Session(io, env, Sleeper.SYSTEM, System::nanoTime);
    }

    @Test
    void tabCompletesCommandsValuesAndCustomersFromABackgroundCache() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Session session = session(InputStream.nullInputStream(), out, Map.of("PCX_CONFIG_DIR", config.toString()))) {
            Shell shell = new Shell(session, List.of("--sandbox"));
            Completions completions = new Completions(shell);
            assertTrue(complete(completions, "customers li").contains("list"));
            assertTrue(complete(completions, "services list -o ").containsAll(List.of("json", "wide", "tsv")));
            assertTrue(complete(completions, "services list --status ").contains("suspended"));
            assertTrue(complete(completions, "").contains("use"));
            assertTrue(complete(completions, "services list -c ").isEmpty(), "nothing known yet, and no wait");
            completions.refreshCustomers();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<String> customers = List.of();
            while (System.nanoTime() < deadline && !customers.contains("Contoso Ltd")) {
                customers = complete(completions, "services list -c ");
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // poll until the deadline
            }
            assertTrue(customers.containsAll(List.of("Contoso Ltd", "contoso.partner.onmschina.cn")), customers.toString());
            assertTrue(complete(completions, "use ").contains("北京云创科技有限公司"));
        }
    }

    private static List<String> complete(Completions completions, String typed) {
        List<Candidate> found = new ArrayList<>();
        completions.complete(null, new DefaultParser().parse(typed, typed.length()), found);
        return found.stream().map(Candidate::value).toList();
    }

    @Test
    void aScriptedTerminalRunsCommandsAndKeepsAPrivateHistoryAcrossSessions() throws Exception {
        Path history = Files.createDirectories(config.resolve("state")).resolve("shell-history");
        String first = run(history, "customers list --limit 1 -o tsv\n");
        assertTrue(first.contains("Contoso Ltd\tcontoso.partner.onmschina.cn"), "the command ran: " + first);
        assertTrue(Files.readString(history).contains("customers list --limit 1 -o tsv"), "history: " + Files.readString(history));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        // !! brings the previous session's last line back from the history file, and runs it again
        String second = run(history, "!!\n");
        assertTrue(second.contains("Contoso Ltd\tcontoso.partner.onmschina.cn"), "history across sessions: " + second);
    }

    private String run(Path history, String typed) throws Exception {
        return ScriptedTerminal.run(config, history, typed);
    }

    @Test
    void ctrlCCancelsTheRunningCommandNotTheShell() throws Exception {
        SandboxServer slow = SandboxServer.start(new SandboxServer.Config("127.0.0.1", 0, 20, Duration.ofSeconds(20), null,
                4, SandboxState.fresh(20, 3600, 0, List.of()), null));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> env = Map.of("PCX_CONFIG_DIR", config.toString(), "PCX_ENDPOINT", slow.baseUrl(),
                    "PCX_AUTHORITY", slow.baseUrl(), "PCX_TENANT_ID", SandboxIdentity.TENANT_ID,
                    "PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID, "PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET);
            try (Session session = session(InputStream.nullInputStream(), out, env)) {
                Shell shell = new Shell(session, List.of());
                long start = System.nanoTime();
                CompletableFuture<Shell.Outcome> running = CompletableFuture.supplyAsync(
                        () -> shell.run(List.of("customers", "list")));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (session.http(okhttp3.HttpUrl.get(slow.baseUrl())).dispatcher().runningCallsCount() == 0 && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // poll until a call is on the wire
                }
                shell.cancel();
                Shell.Outcome o = running.get(10, TimeUnit.SECONDS);
                assertEquals(130, o.exit(), out.toString(StandardCharsets.UTF_8));
                assertFalse(o.quit(), "the shell goes on");
                assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 15, "cancelled, not waited out");
            }
        } finally {
            slow.close();
        }
    }
}
