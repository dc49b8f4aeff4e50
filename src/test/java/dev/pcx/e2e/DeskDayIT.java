package dev.pcx.e2e;

import dev.pcx.output.DisplayWidth;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's day (issue 20) through the packaged launcher, the way each defect was found: in a
 * pipe as a CI job runs pcx, and at 80 and 120 columns through a pty ({@code script}).
 */
class DeskDayIT {
    private static final Path PCX = Path.of("target", "pcx").toAbsolutePath();
    private static final String CONTOSO = "contoso.partner.onmschina.cn";

    @TempDir
    Path config;

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Run bash(String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().remove("PCX_ACCESS_TOKEN");
        pb.environment().remove("PCX_ENDPOINT");
        pb.environment().remove("PCX_CUSTOMER");
        pb.environment().remove("PCX_TICKETS_STATE");
        pb.environment().put("PCX_CONFIG_DIR", config.toString());
        pb.environment().put("PCX", PCX.toString());
        pb.environment().put("TZ", "UTC");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> dev.pcx.testing.Launcher.read(p.getErrorStream()));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish in 120 s: " + script);
        return new Run(p.exitValue(), out.get(), err.get());
    }

    /** What a pty showed, without escape sequences and carriage returns. */
    private static List<String> screen(String out) {
        return out.lines().map(l -> l.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]|\r", "")).toList();
    }

    private Run pty(int cols, String command) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1)");
        return bash("script -qec 'stty cols " + cols + " rows 60; " + command + "' /dev/null");
    }

    @Test
    void aRetriedEscalationIsARecognisableReplayAndTheLedgerLivesInTheCache() throws Exception {
        Path cache = config.resolve("ci-cache");
        String step = "PCX_CONFIG_DIR=$(mktemp -d) PCX_TICKETS_STATE='" + cache + "' \"$PCX\" --sandbox tickets escalate -c "
                + CONTOSO + " --service Teams --title 'Calls drop' --description x --key job-1 --replay-exit 0 -o json"
                + " | tr -d ' \\n'; echo \" exit ${PIPESTATUS[0]}\"";
        Run first = bash(step);
        assertTrue(first.out().contains("\"replayed\":false") && first.out().endsWith(" exit 8\n"), first::toString);
        Run retried = bash(step); // another fresh runner, the cache restored
        assertTrue(retried.out().contains("\"replayed\":true") && retried.out().endsWith(" exit 0\n"), retried::toString);
        assertTrue(retried.err().startsWith("replayed: the request for key job-1 was prepared at "), retried::toString);
        assertTrue(Files.exists(cache.resolve("handoffs.json")));
    }

    @Test
    void aServiceTypoFailsTheGateBeforeAnyCustomerIsClear() throws Exception {
        Run r = bash("\"$PCX\" --sandbox health affected --service exchnage --fail-on advisory | head -3");
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().contains("no service of your partner tenant is named 'exchnage' (its services: Exchange Online"),
                r::toString);
        Run code = bash("\"$PCX\" --sandbox health affected --service exchnage --fail-on advisory > /dev/null 2>&1; echo $?");
        assertEquals("2\n", code.out());
    }

    @Test
    void healthTablesKeepTitlesAndReasonsWholeAt80And120Columns() throws Exception {
        for (int cols : new int[] {80, 120}) {
            Run r = pty(cols, "\"$PCX\" --sandbox --no-color health; \"$PCX\" --sandbox --no-color health affected"
                    + " 2>/dev/null");
            List<String> lines = screen(r.out());
            for (String line : lines) {
                assertTrue(DisplayWidth.of(line) <= cols, "wider than " + cols + ": '" + line + "'");
                assertFalse(line.contains("…"), "nothing cut at " + cols + ": '" + line + "'\n" + r);
            }
            String text = String.join(" ", lines.stream().map(String::strip).toList());
            // the title whole, on one line or wrapped over several (the dates beside its first line)
            String titles = text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", "").replaceAll("\\s+", " ");
            assertTrue(titles.contains("Some users can't send or receive email in Outlook on the web"), r::toString);
            assertTrue(text.contains("ask the customer to approve a delegated admin (GDAP) relationship in Partner Center"),
                    "a reason whole: " + r);
        }
    }

    @Test
    void aHandOffIsFollowedToClosure() throws Exception {
        Run r = bash("\"$PCX\" --sandbox tickets create -c " + CONTOSO + " --title T --severity minimal --service Teams"
                + " --description D > /dev/null; echo $?;"
                + "\"$PCX\" --sandbox tickets submitted local-1 --ref 2612010040001234 > /dev/null; echo $?;"
                + "\"$PCX\" --sandbox tickets note local-1 'called back' > /dev/null; echo $?;"
                + "\"$PCX\" --sandbox tickets list -o tsv;"
                + "\"$PCX\" --sandbox tickets close local-1 > /dev/null; echo $?;"
                + "\"$PCX\" --sandbox tickets list -o tsv | wc -l;"
                + "\"$PCX\" --sandbox tickets note 616100000000000 x 2>/dev/null; echo $?");
        List<String> out = r.out().lines().toList();
        assertEquals(List.of("8", "0", "0"), out.subList(0, 3), r::toString);
        assertTrue(out.get(3).startsWith("local-1\thandoff\tsubmitted\t2612010040001234\t"), r::toString);
        assertEquals(List.of("0", "0", "5"), out.subList(4, 7), r::toString);
    }

    @Test
    void aRejectedEnvironmentTokenNamesTheVariableAndWhatToDo() throws Exception {
        Run r = bash("PCX_ACCESS_TOKEN=abc \"$PCX\" --sandbox customers list | cat; echo \"exit ${PIPESTATUS[0]}\"");
        assertEquals("exit 3\n", r.out(), r::toString);
        assertTrue(r.err().contains("PCX_ACCESS_TOKEN") && r.err().contains("unset PCX_ACCESS_TOKEN"), r::toString);
    }

    @Test
    void anEmptyBatchIsNothingToDo() throws Exception {
        Run r = bash("printf '' | \"$PCX\" --sandbox services apply --file - -o tsv; echo \"exit $?\"");
        assertEquals("exit 0\n", r.out(), r::toString);
        assertTrue(r.err().contains("stdin has no fixes: nothing to do"), r::toString);
    }

    @Test
    void healthAsCsvCarriesTheIssuesAndPeopleSeeTheirTimeZone() throws Exception {
        Run csv = bash("\"$PCX\" --sandbox health -o csv");
        assertEquals(0, csv.exit(), csv::toString);
        assertTrue(csv.out().startsWith("Service,Service id,Service status,Issue,Class,Status,Title,Start,Last update,"),
                csv::toString);
        assertTrue(csv.out().contains(",EX512345,Incident,"), csv::toString);
        Run shanghai = bash("TZ=Asia/Shanghai \"$PCX\" --sandbox health -o wide | grep EX512345");
        assertTrue(shanghai.out().contains(" CST"), shanghai::toString);
        Run show = bash("\"$PCX\" --sandbox services show -c " + CONTOSO + " HQ | grep Created");
        assertFalse(show.out().matches("(?s).*\\d\\.\\d+Z.*"), "no fractions of a second for people: " + show);
    }
}
