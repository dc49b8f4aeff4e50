package dev.pcx.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incident notifications as cron runs them, through the packaged launcher, each run its own
 * process: two overlapping runs, and a run killed (SIGKILL) between sending and recording.
 */
class IncidentNotifyIT {
    private static final Path PCX = Path.of("target", "pcx").toAbsolutePath();

    @TempDir
    Path config;

    private ProcessBuilder pcx(String... args) {
        ProcessBuilder pb = new ProcessBuilder(PCX.toString());
        pb.command().addAll(List.of(args));
        pb.environment().remove("PCX_ACCESS_TOKEN");
        pb.environment().remove("PCX_ENDPOINT");
        pb.environment().remove("PCX_GRAPH_ENDPOINT");
        pb.environment().put("PCX_CONFIG_DIR", config.toString());
        return pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    private record Run(int exit, String out, String err) {
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Run run(String... args) throws Exception {
        return finish(pcx(args).start());
    }

    private static Run finish(Process p) throws Exception {
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pcx ended");
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private String[] once(String exec) {
        return new String[] {"--sandbox", "health", "watch", "--all-customers", "--once", "--exec", exec};
    }

    private void baselineThenIncident() throws Exception {
        Run first = run(once("true"));
        assertEquals(0, first.exit(), first.err());
        Run start = run("sandbox", "incident", "start", "--service", "exchange", "--title", "Mail is delayed",
                "--customer", "contoso.partner.onmschina.cn");
        assertEquals(0, start.exit(), start.err());
    }

    @Test
    void twoOverlappingCronRunsDeliverTheEventOnce() throws Exception {
        Path got = config.resolve("got.jsonl");
        String exec = "cat >> '" + got + "'";
        baselineThenIncident();
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pcx(once(exec)).start());
        }
        List<Run> done = new ArrayList<>();
        for (Process p : runs) {
            done.add(finish(p));
        }
        for (Run r : done) {
            assertEquals(0, r.exit(), r.err());
        }
        assertEquals(1, Files.readAllLines(got).size(), Files.readString(got));
        assertEquals(1, done.stream().mapToLong(r -> r.out().lines().count()).sum(),
                "one of the two saw the change; the other found it recorded");
    }

    @Test
    void aRunKilledBetweenSendingAndRecordingLeavesItUnconfirmedAndTheNextDoesNotSendItAgain() throws Exception {
        Path got = config.resolve("got.jsonl");
        Path slow = config.resolve("slow");
        String exec = "cat >> '" + got + "'; if [ -f '" + slow + "' ]; then sleep 60; fi";
        baselineThenIncident();
        Files.createFile(slow);
        Process killed = pcx(once(exec)).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(got) && Files.readString(got).endsWith("\n"))) {
            assertTrue(System.nanoTime() < deadline, "the event reached the command");
            assertTrue(killed.isAlive(), "pcx is still waiting for the command");
            Thread.onSpinWait();
        }
        List<ProcessHandle> children = killed.descendants().toList();
        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
        assertTrue(killed.waitFor(20, TimeUnit.SECONDS));
        children.forEach(ProcessHandle::destroyForcibly);
        Files.delete(slow);

        Run next = run(once(exec)); // the same command: the same destination

        assertEquals(6, next.exit(), next.err());
        assertTrue(next.err().contains("1 event to exec 'cat >> ") && next.err().contains("may not have arrived"),
                next.err());
        assertEquals(1, Files.readAllLines(got).size(), "not sent twice");

        Run ledger = run("--sandbox", "health", "events", "--outcome", "unconfirmed", "-o", "tsv");
        assertEquals(0, ledger.exit(), ledger.err());
        assertEquals(1, ledger.out().lines().count(), ledger.out());
        assertTrue(ledger.out().contains("\tnew\tEX6"), ledger.out());
        Run after = run(once(exec));
        assertEquals(0, after.exit(), "said once: " + after.err());
    }
}
