package dev.pcx.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pcx health and the renewal desk through the packaged launcher, as a cron job or a person at a terminal runs them. */
class HealthLauncherIT {
    private static final Path PCX = Path.of("target", "pcx").toAbsolutePath();

    @TempDir
    Path config;

    private ProcessBuilder pcx(String... args) {
        ProcessBuilder pb = new ProcessBuilder(PCX.toString());
        pb.command().addAll(java.util.List.of(args));
        pb.environment().remove("PCX_ACCESS_TOKEN");
        pb.environment().remove("PCX_ENDPOINT");
        pb.environment().remove("PCX_GRAPH_ENDPOINT");
        pb.environment().put("PCX_CONFIG_DIR", config.toString());
        pb.environment().put("LANG", "C");
        return pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aGateOnACustomersIncidentsIsExit7WithOneLineOnStderr() throws Exception {
        Process p = pcx("--sandbox", "health", "-c", "contoso.partner.onmschina.cn", "--fail-on", "incident",
                "-o", "jsonl").start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(7, p.exitValue(), err.get());
        assertTrue(out.get().contains("\"EX512345\""), out.get());
        assertEquals(1, err.get().lines().count(), err.get());
        assertTrue(err.get().startsWith("pcx: health gate:"), err.get());
    }

    @Test
    void watchEndsOnCtrlCWithExit130() throws Exception {
        Process watch = pcx("--sandbox", "health", "watch", "--interval", "5s").start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertTrue(first != null && first.contains(" active "), "watching: " + first);
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(watch.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertTrue(watch.waitFor(20, TimeUnit.SECONDS), "Ctrl-C stops it");
        assertEquals(130, watch.exitValue());
        assertFalse(read(watch.getErrorStream()).contains("Exception"));
    }

    @Test
    void theRenewalGateIsExit7ThroughAPipeWithTheSummaryAndOneFailureLineOnStderr() throws Exception {
        Process p = pcx("--sandbox", "services", "renewals", "-c", "contoso.partner.onmschina.cn", "--fail-on", "decision",
                "-o", "tsv").start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(7, p.exitValue(), err.get());
        assertEquals(3, out.get().lines().count(), out.get());
        assertTrue(out.get().lines().allMatch(l -> l.startsWith("Contoso Ltd\t")), out.get());
        assertEquals(java.util.List.of("1 customer: 3 lines, 3 need a decision, 0 could not be read",
                "pcx: renewal gate: 3 lines need a decision"), err.get().lines().toList());
    }
}
