package dev.pcx.cli.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.notify.IncidentEvent;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** health watch --all-customers and health events, end to end on the in-process sandbox. */
class EveryCustomerWatchTest {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    private static final String FABRIKAM = "fabrikam.partner.onmschina.cn";
    @TempDir
    Path config;
    private Instant now = Instant.parse("2026-12-03T09:00:00Z");

    private Pcx pcx() {
        now = now.plusSeconds(300); // each run a poll later, as cron's would be
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    private Pcx.Result once(String... more) {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"--sandbox", "health", "watch", "--all-customers"}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--once");
        return pcx().run(all.toArray(String[]::new));
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String l : out.lines().toList()) {
            nodes.add(Json.mapper().readTree(l));
        }
        return nodes;
    }

    @Test
    void aCronDayFirstRunRecordsThenAnIncidentIsDeliveredOnceToExec() throws Exception {
        Path got = config.resolve("got.jsonl");
        String exec = "cat >> '" + got + "'; printf '%s %s %s\\n' \"$PCX_EVENT_TYPE\" \"$PCX_EVENT_ISSUE\" "
                + "\"$PCX_EVENT_CUSTOMERS_COUNT\" >> '" + got + ".env'";

        Pcx.Result first = once("--exec", exec);
        assertEquals(0, first.exit(), first::toString);
        assertEquals("", first.out(), "what was already going on is recorded, not told: stdout neither (cron mails it)");
        assertTrue(first.err().contains("5 issues already active recorded, nobody told"), first.err());
        assertTrue(first.err().contains("customers could not be checked, and are not taken as clear: "), first.err());
        assertFalse(Files.exists(got), "nobody is told of what was already going on");

        Pcx.Result start = pcx().run("sandbox", "incident", "start", "--service", "exchange", "--title", "Mail is delayed",
                "--customer", CONTOSO, "--customer", FABRIKAM);
        assertEquals(0, start.exit(), start::toString);
        String id = start.out().trim();

        Pcx.Result second = once("--exec", exec);
        assertEquals(0, second.exit(), second::toString);
        JsonNode event = lines(second.out()).get(0);
        assertEquals(1, second.out().lines().count(), second.out());
        assertEquals("new", event.get("type").asText());
        assertEquals(id, event.get("issue").get("id").asText());
        assertEquals("Incident", event.get("issue").get("classification").asText());
        assertEquals(2, event.get("customersCount").asInt());
        assertEquals(List.of("Contoso Ltd", "Fabrikam Inc"), event.get("customers").findValuesAsText("companyName"));
        assertTrue(event.get("key").asText().startsWith(id + "/1/new/"), event.toString());
        assertEquals(List.of(event), lines(Files.readString(got)), "the same object on --exec's stdin");
        assertEquals("new " + id + " 2\n", Files.readString(Path.of(got + ".env")));

        Pcx.Result third = once("--exec", exec);
        assertEquals(0, third.exit(), third::toString);
        assertEquals("", third.out(), "nothing changed");
        assertEquals(1, Files.readAllLines(got).size(), "a restart delivers nothing twice");

        pcx().run("sandbox", "incident", "resolve", id);
        Pcx.Result fourth = once("--exec", exec);
        JsonNode resolved = lines(fourth.out()).get(0);
        assertEquals(List.of("resolved", "ServiceRestored", "0"), List.of(resolved.get("type").asText(),
                resolved.get("issue").get("status").asText(), resolved.get("customersCount").asText()));

        Pcx.Result ledger = pcx().run("--sandbox", "health", "events", "-o", "jsonl", "--since", "7d");
        assertEquals(0, ledger.exit(), ledger::toString);
        List<JsonNode> entries = lines(ledger.out());
        JsonNode firstOfOurs = entries.stream().filter(e -> e.get("key").equals(event.get("key"))).findFirst().orElseThrow();
        assertFalse(firstOfOurs.get("baseline").asBoolean());
        assertEquals("delivered", firstOfOurs.get("deliveries").get(0).get("outcome").asText());
        assertTrue(entries.get(0).get("baseline").asBoolean(), "the first run's are marked so");
    }

    @Test
    void aCommandThatFailsIsRetriedWithBackoffReportedExit6AndDeliveredByTheNextRun() throws Exception {
        Path ok = config.resolve("ok");
        Path got = config.resolve("got.jsonl");
        String exec = "test -f '" + ok + "' || { echo 'the PSA said no' >&2; exit 3; }; cat >> '" + got + "'";
        assertEquals(0, once().exit());
        pcx().run("sandbox", "incident", "start", "--service", "teams", "--title", "Calls drop", "--customer", CONTOSO);

        Pcx runner = pcx();
        Pcx.Result failed = runner.run("--sandbox", "health", "watch", "--all-customers", "--once", "--exec", exec);
        assertEquals(6, failed.exit(), failed::toString);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), runner.sleeps, "backoff between the 3 tries");
        assertTrue(failed.err().contains("pcx: 1 event not delivered to exec 'test -f"), failed.err());
        assertTrue(failed.err().contains("--exec exited 3 (3 tries): the PSA said no; it stays pending for the next run"),
                failed.err());
        assertEquals(1, failed.out().lines().count(), "the event is on stdout all the same");

        Pcx.Result pending = pcx().run("--sandbox", "health", "events", "--outcome", "failed", "-o", "jsonl");
        assertEquals(1, pending.out().lines().count(), pending::toString);
        assertEquals("exit 3", lines(pending.out()).get(0).get("deliveries").get(0).get("code").asText());

        Files.createFile(ok);
        Pcx.Result next = once("--exec", exec);
        assertEquals(0, next.exit(), next::toString);
        assertEquals("", next.out(), "no new event");
        assertEquals(1, Files.readAllLines(got).size(), "the pending one went");
    }

    @Test
    void anEventNoReceiverWillTakeIsDroppedByAPersonAndNoLongerHoldsBackTheOthers() throws Exception {
        assertEquals(0, once().exit());
        pcx().run("sandbox", "incident", "start", "--service", "teams", "--title", "Calls drop", "--customer", CONTOSO);
        Pcx.Result failed = once("--exec", "exit 3");
        assertEquals(6, failed.exit(), failed::toString);
        String key = lines(failed.out()).get(0).get("key").asText();

        Pcx.Result drop = pcx().run("--sandbox", "health", "events", "--drop", key, "-o", "jsonl");
        assertEquals(0, drop.exit(), drop::toString);
        assertEquals("dropped", lines(drop.out()).get(0).get("deliveries").get(0).get("outcome").asText());
        assertTrue(drop.err().contains(key + ": 1 delivery dropped"), drop.err());

        Pcx runner = pcx();
        Pcx.Result after = runner.run("--sandbox", "health", "watch", "--all-customers", "--once", "--exec", "exit 3");
        assertEquals(0, after.exit(), "nothing owed any more: " + after);
        assertEquals(List.of(), runner.sleeps, "the command was not run again");
        assertEquals(4, pcx().run("--sandbox", "health", "events", "--drop", "EX1/1/new/00000000").exit());
    }

    @Test
    void failOnStopsWith7AndATerminalGetsTheLiveView() {
        Pcx.Result r = pcx().tty(false, true, false).width(100)
                .run("--sandbox", "health", "watch", "--all-customers", "--fail-on", "incident", "--no-color");
        assertEquals(7, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Incidents across 150 customers, "), r.out());
        assertTrue(r.out().contains("customers could not be checked, and are not taken as clear"), r.out());
        assertTrue(r.out().contains("EX512345") && r.out().contains("HIT"), r.out());
        assertTrue(r.err().contains("health gate: an active issue of class incident or worse hits "), r.err());
        assertTrue(r.out().contains("! first run with "), "a note of the view, not a line breaking it: " + r.out());
        assertFalse(r.err().contains("first run with"), r.err());
        assertTrue(r.out().lines().count() <= 24, "the view fits a 24-row terminal, to be redrawn in place: " + r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() < 100), r.out());
    }

    @Test
    void optionsThatNeedAllCustomersAndBadValuesAreUsageErrorsBeforeAnyCall() {
        record Case(List<String> args, String says) {
        }
        for (Case c : List.of(
                new Case(List.of("--once"), "--once works with --all-customers"),
                new Case(List.of("--exec", "true"), "--exec works with --all-customers"),
                new Case(List.of("--all-customers", "-c", CONTOSO), "leave out -c"),
                new Case(List.of("--all-customers", "--interval", "30s"), "--interval must be at least 1m"),
                new Case(List.of("--all-customers", "--class", "outage"), "--class takes advisory or incident"),
                new Case(List.of("--all-customers", "--once", "--state", config.toString()), "is not a file"),
                new Case(List.of("--all-customers", "--exec", "true", "--exec", "true"), "is named twice"),
                new Case(List.of("--all-customers", "--webhook", "env:PCX_TEST_NO_SUCH_HOOK"),
                        "the variable PCX_TEST_NO_SUCH_HOOK is not set"))) {
            List<String> args = new java.util.ArrayList<>(List.of("--sandbox", "health", "watch"));
            args.addAll(c.args());
            Pcx.Result r = pcx().run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), c.args() + ": " + r);
            assertTrue(r.err().contains(c.says()), c.args() + ": " + r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aChangeUnderTheViewIsOneLineOfWhatChangedAndForWhom() {
        IncidentEvent.Issue issue = new IncidentEvent.Issue("EX1", "Exchange Online",
                "Incident", "investigating", "Mail is delayed", null, null);
        List<IncidentEvent.Customer> fabrikam = List.of(
                new IncidentEvent.Customer("t2", "Fabrikam Inc", FABRIKAM));
        String spread = EveryCustomerWatch.changeLine(new IncidentEvent("k", "spread",
                "2026-12-03T08:00:00Z", issue, fabrikam, 2));
        String resolved = EveryCustomerWatch.changeLine(new IncidentEvent("k", "resolved",
                "2026-12-03T08:00:00Z", issue, fabrikam, 0));
        assertTrue(spread.contains("  spread  EX1  Investigating  +1 (2): Fabrikam Inc  Mail is delayed"), spread);
        assertFalse(spread.contains("2026-"), "the view's title has the day: " + spread);
        assertTrue(resolved.contains("  resolved  EX1  Investigating  was hitting 1: Fabrikam Inc"), resolved);
    }

    @Test
    void sinceTakesOneRangeInAnyUnit() {
        for (String ok : List.of("30m", "36h", "720h", "7d", "30d")) {
            assertEquals(0, pcx().run("--sandbox", "health", "events", "--since", ok).exit(), ok);
        }
        for (String bad : List.of("0", "0h", "31d", "721h", "soon")) {
            Pcx.Result r = pcx().run("--sandbox", "health", "events", "--since", bad);
            assertEquals(2, r.exit(), bad + ": " + r);
            assertTrue(r.err().contains("a while from 1s to 30d"), r.err());
        }
    }

    @Test
    void eventsOfAKeyNoLedgerHoldsIsNotFound() {
        Pcx.Result r = pcx().run("--sandbox", "health", "events", "--key", "EX1/1/new/00000000");
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("no event EX1/1/new/00000000 in "), r.err());
    }
}
