package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tickets end to end: the real CLI on the in-process sandbox, hand-offs kept in a temporary config dir. */
class TicketsSandboxTest {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    @TempDir
    Path config;

    private Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_SANDBOX", "1");
    }

    private Pcx.Result create(Pcx pcx, String... more) {
        String[] base = {"tickets", "create", "-c", CONTOSO, "--title", "Mail delayed", "--severity", "Moderate",
            "--service", "Exchange", "--description", "Mail to outside domains waits 2 hours."};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return pcx.run(args);
    }

    private Path stateFile() {
        return config.resolve("tickets").resolve("handoffs.json");
    }

    @Test
    void createOn21VianetIsAHandOffPrintedReadyToPasteAndKept() throws Exception {
        Pcx.Result r = create(pcx());
        assertEquals(8, r.exit(), r::toString);
        assertTrue(r.out().contains("Service request for 21Vianet, prepared by pcx: no API exists to file it."), r.out());
        assertTrue(r.out().contains(HandOffComposer.CHINA_PATH), r.out());
        assertTrue(r.out().contains("Title:    Mail delayed\nSeverity: moderate\nService:  Exchange\n"), r.out());
        assertTrue(r.out().contains("Customer: Contoso") && r.out().contains("(" + CONTOSO + "), tenant "), r.out());
        assertTrue(r.out().contains("Mail to outside domains waits 2 hours."), r.out());
        assertTrue(r.out().contains(HandOffComposer.CHINA_ADMIN_CENTER), r.out());
        assertTrue(r.out().contains("Admin portal of Exchange"), r.out());
        assertTrue(r.out().contains(HandOffComposer.CHINA_PHONE), r.out());
        assertTrue(r.err().startsWith("prepared local-1 for a person to submit"), r.err());
        assertFalse(r.err().contains("pcx:"), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateFile().getParent())));
        JsonNode kept = Json.mapper().readTree(stateFile().toFile());
        assertEquals(1, kept.size());
        assertEquals(r.out(), kept.get(0).get("text").asText());
    }

    @Test
    void onGlobalTheHandOffGoesToTheMicrosoft365AdminCenter() {
        Pcx.Result r = create(pcx(), "--cloud", "global");
        assertEquals(8, r.exit(), r::toString);
        assertTrue(r.out().contains("Service request for Microsoft"), r.out());
        assertTrue(r.out().contains(HandOffComposer.GLOBAL_PATH), r.out());
        assertTrue(r.out().contains(HandOffComposer.GLOBAL_ADMIN_CENTER), r.out());
        assertFalse(r.out().contains(HandOffComposer.CHINA_PHONE), r.out());
    }

    @Test
    void aRetriedCreateWithTheSameKeyReusesTheKeptRequest() throws Exception {
        Pcx.Result first = create(pcx(), "--key", "ci-42");
        assertEquals(8, first.exit(), first::toString);
        assertTrue(first.out().contains("pcx-key: ci-42"), first.out());
        Pcx.Result again = create(pcx(), "--key", "ci-42");
        assertEquals(8, again.exit(), again::toString);
        assertEquals(first.out(), again.out());
        assertTrue(again.err().contains("the request for key ci-42 was prepared at ") && again.err().contains(
                "as local-1; shown again, not prepared twice"), again.err());
        assertEquals(1, Json.mapper().readTree(stateFile().toFile()).size());

        Pcx.Result other = create(pcx(), "--key", "ci-43");
        assertEquals(8, other.exit(), other::toString);
        assertTrue(other.err().startsWith("prepared local-2"), other.err());

        Pcx.Result found = pcx().run("tickets", "list", "--key", "ci-42", "-o", "jsonl", "--jq", ".id");
        assertEquals(0, found.exit(), found::toString);
        assertEquals("local-1\n", found.out());
        Pcx.Result all = pcx().run("tickets", "list", "-o", "tsv");
        assertEquals(2, all.out().lines().count(), all.out());
    }

    @Test
    void aKeyUsedForAnotherCustomerIsRefused() {
        assertEquals(8, create(pcx(), "--key", "ci-1").exit());
        Pcx.Result r = pcx().run("tickets", "create", "-c", "北京云创", "--title", "T", "--severity", "minimal",
                "--service", "Teams", "--description", "D", "--key", "ci-1");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: key ci-1 was used for another customer"), r.err());
    }

    @Test
    void withoutATerminalEveryMissingFieldIsNamed() {
        Pcx.Result r = pcx().run("tickets", "create", "--title", "T");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("pcx: missing --customer, --severity, --service, --description (or --description-file) "
                + "(there is no terminal to ask on)\n", r.err());
        assertFalse(Files.exists(stateFile()));
    }

    @Test
    void onATerminalMissingFieldsAreAskedFor() {
        Pcx.Result r = pcx().tty(true, true, true).stdin("Contoso Ltd\nCalls drop\nurgent\ncritical\nTeams\nCalls end after 5 min\n")
                .run("tickets", "create");
        assertEquals(8, r.exit(), r::toString);
        assertTrue(r.err().contains("Customer (tenant id, domain or name): Title: Severity (critical, moderate, minimal): "),
                r.err());
        assertTrue(r.err().contains("'urgent' is not a severity: use critical, moderate, minimal (--severity)"),
                r.err());
        assertTrue(r.out().contains("Title:    Calls drop\nSeverity: critical\nService:  Teams\n"), r.out());
        assertTrue(r.out().contains("Calls end after 5 min"), r.out());

        Pcx.Result asked = pcx().tty(true, true, true)
                .stdin("contoso\ncontoso.partner.onmschina.cn\nMail\nmoderate\nExchange\nSince 9\n").run("tickets", "create");
        assertEquals(8, asked.exit(), asked::toString);
        assertTrue(asked.err().contains("Customer (tenant id, domain or name): 'contoso' matches 2 customers")
                && asked.err().contains("Customer (tenant id, domain or name): Title: "),
                "an ambiguous customer is asked again at once, before the other answers: " + asked.err());
    }

    @Test
    void theDescriptionComesFromStandardInput() {
        Pcx.Result r = create(pcx().stdin("第一行\n第二行\n"), "--description-file", "-");
        assertEquals(2, r.exit(), "--description and --description-file together: " + r);
        r = pcx().stdin("第一行\n第二行\n").run("tickets", "create", "-c", CONTOSO, "--title", "T", "--severity",
                "minimal", "--service", "Teams", "--description-file", "-", "-o", "json");
        assertEquals(8, r.exit(), r::toString);
        assertTrue(r.out().contains("\"description\": \"第一行\\n第二行\\n\""), r.out());
        assertTrue(r.out().contains("\"channel\": \"handoff\""), r.out());
    }

    @Test
    void badValuesAreUsageErrorsBeforeAnything() {
        Pcx.Result r = pcx().run("tickets", "create", "-c", CONTOSO, "--severity", "high");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("pcx: 'high' is not a severity: use critical, moderate, minimal (--severity)\n", r.err());
        r = create(pcx(), "--key", "has space");
        assertEquals(2, r.exit(), r::toString);
        assertFalse(Files.exists(stateFile()));
    }

    @Test
    void showPrintsTheKeptRequestAgain() throws Exception {
        Pcx.Result made = create(pcx());
        Pcx.Result shown = pcx().run("tickets", "show", "local-1");
        assertEquals(0, shown.exit(), shown::toString);
        assertEquals(made.out(), shown.out());
        Pcx.Result json = pcx().run("tickets", "show", "local-1", "-o", "json");
        JsonNode h = Json.mapper().readTree(json.out());
        assertEquals("Mail delayed", h.get("title").asText());
        assertEquals("moderate", h.get("severity").asText());
        assertEquals(CONTOSO, h.get("customerDomain").asText());
        Pcx.Result missing = pcx().run("tickets", "show", "local-9");
        assertEquals(4, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("pcx --sandbox tickets list"), missing.err());
    }

    @Test
    void aStateFileOpenToOthersIsRefusedNotUsed() throws Exception {
        create(pcx());
        Files.setPosixFilePermissions(stateFile(), PosixFilePermissions.fromString("rw-r--r--"));
        Pcx.Result r = pcx().run("tickets", "list");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("chmod 600"), r.err());
    }

    @Test
    void escalateFindsAKnownIssueAndPreparesNothing() {
        Pcx.Result r = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "exchange", "--title", "Mail delayed",
                "-o", "tsv");
        assertEquals(7, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Exchange Online\tEX512345\tIncident\t"), r.out());
        assertTrue(r.err().startsWith("pcx: a known issue covers exchange in Contoso Ltd (EX512345): nothing was "
                + "prepared; follow it with 'pcx --sandbox health show EX512345 -c "), r.err());
        assertTrue(r.err().contains("or prepare the request anyway with --force"), r.err());
        assertFalse(Files.exists(stateFile()));
    }

    @Test
    void escapeSequencesSomeoneTypedAreShownNotObeyed() {
        Pcx.Result r = pcx().run("tickets", "create", "-c", CONTOSO, "--title", "a\u001b[31mb", "--severity", "moderate",
                "--service", "Exchange", "--description", "x\u001b]0;pwn\u0007y");
        assertEquals(8, r.exit(), r::toString);
        Pcx.Result shown = pcx().run("tickets", "show", "local-1");
        assertFalse(r.out().contains("\u001b") || shown.out().contains("\u001b") || shown.out().contains("\u0007"),
                shown.out());
        assertTrue(shown.out().contains("a\uFFFD[31mb"), shown.out());
        Pcx.Result json = pcx().run("tickets", "show", "local-1", "-o", "json");
        assertTrue(json.out().contains("a\\u001B[31mb"), "JSON keeps the text, escaped: " + json.out());
    }

    @Test
    void escalatePrintsOneJsonObjectWhateverTheOutcomeSoJqWorksOnEach() {
        Pcx.Result known = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "exchange", "--title", "Mail",
                "--jq", ".id");
        assertEquals(7, known.exit(), known::toString);
        assertEquals("EX512345\n", known.out());
        Pcx.Result prepared = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "teams", "--title", "Calls",
                "--jq", ".id");
        assertEquals(8, prepared.exit(), prepared::toString);
        assertTrue(prepared.out().matches("local-\\d+\n"), prepared.out());
    }

    @Test
    void escalateWithAServiceNameTheTenantDoesNotHaveIsAUsageErrorNotAHandOffWithoutTheCheck() {
        Pcx.Result typo = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "Exhange", "--title", "Mail");
        assertEquals(2, typo.exit(), typo::toString);
        assertTrue(typo.err().contains("no service of Contoso Ltd is named 'Exhange' (its services: ")
                && typo.err().contains("Exchange Online") && typo.err().contains("--force"), typo.err());
        assertFalse(Files.exists(stateFile()), "nothing prepared");
        Pcx.Result forced = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "Exhange", "--title", "Mail",
                "--force");
        assertEquals(8, forced.exit(), forced::toString);
    }

    @Test
    void escalateWithForcePreparesTheRequestWithTheIssueInItsEvidence() {
        Pcx.Result r = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "exchange", "--title", "Mail delayed",
                "--force", "--description", "Since 9:00 no mail arrives.");
        assertEquals(8, r.exit(), r::toString);
        assertTrue(r.out().contains("Since 9:00 no mail arrives.\n\nEvidence gathered by pcx:\n"
                + "- Service health of exchange in the customer's tenant: active issues, filed anyway (--force):\n"
                + "    EX512345 (Incident, ServiceDegradation, since "), r.out());
        assertTrue(r.out().contains("- Checked at "), r.out());
        assertTrue(r.err().contains("preparing the request anyway (--force)"), r.err());
    }

    @Test
    void escalateWithoutAKnownIssuePreparesTheRequestOnceForAKey() throws Exception {
        Pcx.Result r = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "Teams", "--title", "Calls drop",
                "--key", "ci-7");
        assertEquals(8, r.exit(), r::toString);
        assertTrue(r.out().contains("- Service health of Teams in the customer's tenant: no active issue "
                + "(Microsoft Teams: ServiceOperational)\n- Subscriptions for Teams: "), r.out());
        assertTrue(r.out().contains("Severity: moderate"), r.out());
        assertTrue(r.out().contains("pcx-key: ci-7"), r.out());
        Pcx.Result again = pcx().run("tickets", "escalate", "-c", CONTOSO, "--service", "Teams", "--title", "Calls drop",
                "--key", "ci-7");
        assertEquals(8, again.exit(), again::toString);
        assertEquals(r.out(), again.out());
        assertTrue(again.err().contains("shown again, not prepared twice"), again.err());
        assertEquals(1, Json.mapper().readTree(stateFile().toFile()).size());
    }

    @Test
    void escalateNamesEveryMissingRequiredOption() {
        Pcx.Result r = pcx().run("tickets", "escalate", "--title", "T");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--customer") && r.err().contains("--service"), r.err());
    }

    @Test
    void escalateWhereHealthCannotBeCheckedSaysSoAndPreparesTheRequest() {
        Pcx.Result r = pcx().run("tickets", "escalate", "-c", "深圳华信", "--service", "Teams", "--title", "Calls drop");
        assertEquals(8, r.exit(), r::toString);
        assertTrue(r.err().contains("note: the health of Teams could not be checked (the application is not consented"),
                r.err());
        assertTrue(r.out().contains("- Service health of Teams in the customer's tenant: could not be checked (the "
                + "application is not consented"), r.out());
    }

    @Test
    void parallelRetriesWithOneKeyKeepOneRequest() throws Exception {
        int n = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Pcx.Result>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                runs.add(pool.submit(() -> create(pcx(), "--key", "ci-par")));
            }
            java.util.Set<String> texts = new java.util.HashSet<>();
            for (var f : runs) {
                Pcx.Result r = f.get();
                assertEquals(8, r.exit(), r::toString);
                texts.add(r.out());
            }
            assertEquals(1, texts.size(), "every run prints the one request");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Json.mapper().readTree(stateFile().toFile()).size());
    }

    @Test
    void aReplayIsVisibleToAScriptAndMayExitOtherwise() throws Exception {
        String[] escalate = {"tickets", "escalate", "-c", CONTOSO, "--service", "Teams", "--title", "Calls drop",
            "--description", "x", "--key", "job-1", "-o", "json"};
        Pcx.Result first = pcx().run(escalate);
        assertEquals(8, first.exit(), first::toString);
        JsonNode a = Json.mapper().readTree(first.out());
        assertFalse(a.get("replayed").asBoolean(), first.out());
        assertEquals("prepared", a.get("status").asText());
        Pcx.Result again = pcx().run(escalate);
        assertEquals(8, again.exit(), again::toString); // the contract: a person still has to submit it
        JsonNode b = Json.mapper().readTree(again.out());
        assertTrue(b.get("replayed").asBoolean(), again.out());
        assertEquals(a.get("createdDateTime"), b.get("createdDateTime")); // when it was first prepared
        assertTrue(again.err().startsWith("replayed: "), again.err());
        String[] skip = java.util.Arrays.copyOf(escalate, escalate.length + 2);
        skip[escalate.length] = "--replay-exit";
        skip[escalate.length + 1] = "0";
        Pcx.Result skipped = pcx().run(skip);
        assertEquals(0, skipped.exit(), skipped::toString);
        // the ledger never keeps "replayed"
        assertFalse(Files.readString(stateFile()).contains("replayed"));
        Pcx.Result bad = create(pcx(), "--key", "job-2", "--replay-exit", "300");
        assertEquals(2, bad.exit(), bad::toString);
    }

    @Test
    void theLedgerMovesWithStateOrItsVariableSoAFreshRunnerFindsTheKey(@TempDir Path cache) throws Exception {
        Path fresh1 = Files.createTempDirectory(config, "runner1");
        Path fresh2 = Files.createTempDirectory(config, "runner2");
        Files.setPosixFilePermissions(fresh1, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(fresh2, PosixFilePermissions.fromString("rwx------"));
        Path ledger = cache.resolve("pcx-tickets");
        Pcx.Result first = create(new Pcx().env("PCX_CONFIG_DIR", fresh1.toString()).env("PCX_SANDBOX", "1"),
                "--key", "job-9", "--state", ledger.toString());
        assertEquals(8, first.exit(), first::toString);
        assertTrue(Files.exists(ledger.resolve("handoffs.json")));
        assertFalse(Files.exists(fresh1.resolve("tickets").resolve("handoffs.json")));
        Pcx.Result retried = create(new Pcx().env("PCX_CONFIG_DIR", fresh2.toString()).env("PCX_SANDBOX", "1")
                .env("PCX_TICKETS_STATE", ledger.toString()), "--key", "job-9", "-o", "json", "--jq", ".replayed");
        assertEquals(8, retried.exit(), retried::toString);
        assertEquals("true\n", retried.out());
        Pcx.Result listed = new Pcx().env("PCX_CONFIG_DIR", fresh2.toString()).env("PCX_SANDBOX", "1")
                .run("tickets", "list", "--state", ledger.toString(), "-o", "jsonl", "--jq", ".id");
        assertEquals("local-1\n", listed.out(), listed::toString);
    }

    @Test
    void aHandOffIsSubmittedNotedAndClosedAndListedWhileOpen() throws Exception {
        assertEquals(8, create(pcx()).exit());
        assertEquals(8, create(pcx(), "--key", "other").exit());
        Pcx.Result sub = pcx().run("tickets", "submitted", "local-1", "--ref", "2612010040001234", "-o", "json");
        assertEquals(0, sub.exit(), sub::toString);
        JsonNode h = Json.mapper().readTree(sub.out());
        assertEquals("submitted", h.get("status").asText());
        assertEquals("2612010040001234", h.get("reference").asText());
        Pcx.Result note = pcx().run("tickets", "note", "local-1", "called back");
        assertEquals(0, note.exit(), note::toString);
        Pcx.Result listed = pcx().run("tickets", "list", "-o", "csv");
        assertEquals(0, listed.exit(), listed::toString);
        assertTrue(listed.out().startsWith("Id,Channel,Status,Reference,"), listed.out());
        assertTrue(listed.out().contains("local-1,handoff,submitted,2612010040001234,"), listed.out());
        assertTrue(listed.out().contains("local-2,handoff,prepared,,"), listed.out());
        Pcx.Result closed = pcx().run("tickets", "close", "local-1", "-o", "json");
        assertEquals(0, closed.exit(), closed::toString);
        JsonNode c = Json.mapper().readTree(closed.out());
        assertEquals("closed", c.get("status").asText());
        assertEquals("called back", c.get("notes").get(0).get("text").asText());
        Pcx.Result twice = pcx().run("tickets", "close", "local-1");
        assertEquals(0, twice.exit(), twice::toString);
        assertTrue(twice.err().contains("already closed; unchanged"), twice.err());
        Pcx.Result open = pcx().run("tickets", "list", "-o", "jsonl", "--jq", ".id");
        assertEquals("local-2\n", open.out(), open::toString);
        assertTrue(open.err().contains("1 closed hand-off is not listed"), open.err());
        assertEquals("local-1\n", pcx().run("tickets", "list", "--status", "closed", "-o", "jsonl", "--jq", ".id").out());
        assertEquals(2, pcx().run("tickets", "list", "--status", "all", "-o", "jsonl").out().lines().count());
        Pcx.Result shown = pcx().run("tickets", "show", "local-1");
        assertTrue(shown.out().contains("Status: closed, case 2612010040001234"), shown.out());
        assertTrue(shown.out().contains("called back"), shown.out());
        // refusals: one code for what a request does not offer; a hand-off not kept is not found
        assertEquals(5, pcx().run("tickets", "submitted", "local-1", "--ref", "99").exit());
        assertEquals(5, pcx().run("tickets", "submitted", "616100000000000", "--ref", "99").exit());
        assertEquals(5, pcx().run("tickets", "note", "616100000000000", "x").exit());
        assertEquals(5, pcx().run("tickets", "close", "616100000000000").exit());
        assertEquals(4, pcx().run("tickets", "note", "local-9", "x").exit());
        assertEquals(4, pcx().run("tickets", "close", "local-9").exit());
        assertEquals(2, pcx().run("tickets", "submitted", "local-2", "--ref", "").exit());
        // a hand-off prepared on 21Vianet is not listed under --cloud global
        assertEquals("", pcx().run("--cloud", "global", "tickets", "list", "--status", "all", "-o", "jsonl").out());
    }
}
