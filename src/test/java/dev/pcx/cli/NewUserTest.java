package dev.pcx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new user met first (issue 7), each through the real command line against the sandbox:
 * false messages, cut-off reasons, decorated machine output, batches that report one kind of
 * problem per run, hints that do not work as printed.
 */
class NewUserTest {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    @TempDir
    Path config;
    @org.junit.jupiter.api.extension.RegisterExtension
    final dev.pcx.testing.AppSandbox sandbox = new dev.pcx.testing.AppSandbox(40);

    private Pcx pcx() {
        return sandbox.pcx(config, null);
    }

    private static String plain(String line) {
        return line.replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void aTableOnATerminalEndsWithTheTruthNotNothingFound() {
        Pcx.Result r = pcx().tty(true, true, true).width(100).run("customers", "list", "--limit", "3");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(4, r.out().lines().count(), r.out());
        assertFalse(r.err().contains("no customers"), r.err());
        assertTrue(r.err().contains("showed the first 3 customers; --all for every one"), r.err());
        Pcx.Result subs = pcx().tty(true, true, true).width(100).run("services", "list", "-c", CONTOSO);
        assertFalse(subs.err().contains("has no subscriptions"), subs.err());
    }

    @Test
    void tablesFitTheTerminalLeavingOutTheLeastUsefulColumnsAndNeverCuttingUrls() {
        Pcx.Result r = pcx().tty(true, true, true).width(80).run("services", "list", "-c", CONTOSO);
        assertEquals(0, r.exit(), r::toString);
        r.out().lines().map(NewUserTest::plain)
                .forEach(l -> assertTrue(dev.pcx.output.DisplayWidth.of(l) <= 80, "too wide: " + l));
        assertTrue(r.out().contains("HQ Office 365 E3  "), "readable text gets the room: " + r.out());
        assertFalse(r.out().contains("SUBSCRIPTION ID"), r.out());
        assertTrue(r.err().contains("(-o wide shows billing, commitment end, subscription id)"), r.err());
        Pcx.Result wide = pcx().tty(true, true, true).width(80).run("services", "list", "-c", CONTOSO, "-o", "wide");
        assertTrue(wide.out().contains("SUBSCRIPTION ID") && wide.out().contains("1346F405-8F6A-3FC1-860F-1F80652BE1AA"),
                wide.out());
        Pcx.Result narrow = pcx().tty(true, true, true).width(60).run("customers", "list", "--limit", "5");
        narrow.out().lines().map(NewUserTest::plain)
                .forEach(l -> assertTrue(dev.pcx.output.DisplayWidth.of(l) <= 60, "too wide: " + l));
    }

    @Test
    void machineFormatsCarryRawValues() throws Exception {
        Pcx.Result csv = pcx().run("services", "list", "-c", "北京云创", "-o", "csv");
        assertEquals(0, csv.exit(), csv::toString);
        assertFalse(csv.out().contains("\n+ ") || csv.out().contains(",+ "), "no add-on marker in CSV: " + csv.out());
        assertFalse(csv.out().contains(",on,") || csv.out().contains(",off,"), csv.out());
        assertTrue(csv.out().contains(",true,") || csv.out().contains(",false,"), csv.out());
        Pcx.Result show = pcx().run("services", "show", "-c", CONTOSO, "HQ Office", "-o", "tsv");
        assertFalse(show.out().contains("5 Licenses"), "a quantity is a number: " + show.out());
        assertTrue(show.out().contains("\t5\tLicenses\t"), "the unit has a column of its own: " + show.out());
    }

    @Test
    void aRefusedChangeIsOneWholeLineOnStderrInEveryFormat() {
        for (String format : List.of("table", "json", "csv")) {
            Pcx.Result r = pcx().tty(false, true, false).width(60).run("services", "set", "-c", CONTOSO,
                    "R&D Microsoft 365 E5", "--quantity", "2", "-o", format);
            assertEquals(5, r.exit(), r::toString);
            String line = r.err().lines().filter(l -> l.startsWith("pcx: ")).findFirst().orElse("");
            assertTrue(line.contains("Quantity decrease is not allowed") && line.contains("(code 800090)")
                    && line.contains("request id"), format + ": " + r.err());
        }
    }

    @Test
    void aChineseExcelCsvIsReadAsGb18030AndSaysSo() throws Exception {
        Path file = config.resolve("fixes.csv");
        Files.write(file, "北京云创,总部 邮件存档,activate\n".getBytes(Charset.forName("GBK")));
        Pcx.Result r = pcx().run("services", "apply", "--file", file.toString(), "-o", "tsv");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("\tactivate\tapplied"), r.out());
        assertTrue(r.err().contains("is not UTF-8; read it as GB18030") && r.err().contains("iconv -f gbk -t utf-8"),
                r.err());
    }

    @Test
    void aBatchReportsEveryKindOfBadLineInOnePassWithCandidates() throws Exception {
        Path file = Files.writeString(config.resolve("fixes.csv"), """
                contoso,HQ,activate
                Contoso Ltd,HQ,explode
                nobody at all,HQ,activate
                Contoso Ltd,HQ Office,quantity,7
                Contoso Ltd,1346F405-8F6A-3FC1-860F-1F80652BE1AA,quantity,8
                Contoso Ltd,00000000-0000-0000-0000-000000000001,activate
                """);
        Pcx.Result r = pcx().run("services", "apply", "--file", file.toString());
        assertEquals(2, r.exit(), r::toString);
        String err = r.err();
        assertTrue(err.startsWith("pcx: " + file + " has 5 problems; nothing was changed:"), err);
        assertTrue(err.contains("  line 1: 'contoso' matches") && err.contains("\n      Contoso Ltd ") && err.contains("  contoso.partner"), err);
        assertTrue(err.contains("  line 2: unknown action 'explode'"), err);
        assertTrue(err.contains("  line 3: no customer's company name starts with 'nobody at all'"), err);
        assertTrue(err.contains("  line 5: contradicts line 4: both set the quantity of subscription"), err);
        assertTrue(err.contains("  line 6: customer ") && err.contains("has no subscription 00000000"), err);
        Pcx.Result after = pcx().run("services", "show", "-c", CONTOSO, "HQ Office", "-o", "json", "--jq", ".quantity");
        assertEquals("5\n", after.out(), "nothing was written");
    }

    @Test
    void everyChangeVerbTakesYes() {
        Pcx.Result r = pcx().run("services", "set", "-c", CONTOSO, "HQ Office", "--auto-renew", "off", "-y");
        assertEquals(0, r.exit(), r::toString);
    }

    @Test
    void aCustomDomainFindsItsCustomer() throws Exception {
        Pcx.Result r = pcx().run("customers", "show", "contoso.cn", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("Contoso Ltd", Json.mapper().readTree(r.out()).path("companyProfile").path("companyName").asText());
    }

    @Test
    void hintsOnTheSandboxNameTheSandbox() {
        Pcx.Result r = new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_TENANT_ID", SandboxIdentity.TENANT_ID)
                .env("PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID).env("PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET)
                .run("--sandbox", "services", "admin", "-c", CONTOSO);
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("'pcx --sandbox auth login'"), r.err());
    }

    @Test
    void authStatusJsonCarriesIsoTimestamps() throws Exception {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        assertEquals(0, p.run("--sandbox", "auth", "login").exit());
        Pcx.Result r = p.run("--sandbox", "auth", "status", "-o", "json");
        JsonNode row = Json.mapper().readTree(r.out()).get(0);
        assertTrue(row.path("expiresAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), r.out());
        Pcx.Result table = p.tty(false, true, false).run("--sandbox", "auth", "status");
        assertTrue(table.out().contains("in 5") || table.out().contains("in 1 h"), table.out());
    }

    @Test
    void completionScriptsForEveryShell() {
        Pcx.Result bash = new Pcx().run("completion", "bash");
        assertEquals(0, bash.exit());
        assertTrue(bash.out().contains("function _pcx_profiles()"), "profiles complete");
        assertTrue(bash.out().contains("local STATUS_option_args=(\"active\" \"suspended\""), "statuses complete");
        assertTrue(bash.out().contains("compgen -f"), "files complete");
        Pcx.Result fish = new Pcx().run("completion", "fish");
        assertTrue(fish.out().contains("-l output -r -a 'table wide json jsonl csv tsv'"), fish.out());
        assertTrue(fish.out().contains("-s f -l file -r -F"), fish.out());
        assertEquals(2, new Pcx().run("completion", "tcsh").exit());
    }

    @Test
    void renamingByTheOldNameIsSafeToRunAgain() {
        String[] rename = {"services", "set", "-c", CONTOSO, "HQ Office", "--name", "Head office E3", "-o", "tsv"};
        Pcx.Result first = pcx().run(rename);
        assertEquals(0, first.exit(), first::toString);
        assertTrue(first.out().contains("\tapplied\t"), first.out());
        Pcx.Result again = pcx().run(rename);
        assertEquals(0, again.exit(), "the old name is gone, the new one is there: " + again);
        assertTrue(again.out().contains("\tunchanged\t"), again.out());
    }

    @Test
    void aCsvLineWithMoreFieldsThanColumnsIsRefusedNeverReadAsAPrefix() throws Exception {
        Path file = Files.writeString(config.resolve("commas.csv"), """
                Contoso Ltd,HQ Office,quantity,1,000
                Contoso Ltd,HQ Office,name,HQ Sales, Shanghai office
                Contoso Ltd,HQ Office
                contoso,HQ,activate
                Contoso Ltd,"HQ Office,suspend
                """);
        Pcx.Result r = pcx().run("services", "apply", "--file", file.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("line 1: has 5 fields where a line has at most 4"), r.err());
        assertTrue(r.err().contains("line 2: has 5 fields"), r.err());
        assertTrue(r.err().contains("line 3: has 2 fields where a line needs customer,subscription,action"), r.err());
        assertTrue(r.err().contains("line 4: 'contoso' matches"), "the lines before a broken quote are checked too: " + r.err());
        assertTrue(r.err().contains("line 5: a quoted field is not closed"), r.err());
        assertFalse(r.err().contains("null"), r.err());
        Pcx.Result after = pcx().run("services", "show", "-c", CONTOSO, "HQ Office", "-o", "json", "--jq", ".quantity");
        assertEquals("5\n", after.out(), "nothing was written");
    }

    @Test
    void suspendingSeveralFindsEveryOneBeforeChangingAny() throws Exception {
        Pcx.Result r = pcx().run("services", "suspend", "-c", CONTOSO, "HQ Office",
                "00000000-0000-0000-0000-000000000000", "--yes");
        assertEquals(4, r.exit(), r::toString);
        Pcx.Result hq = pcx().run("services", "show", "-c", CONTOSO, "HQ Office", "-o", "json", "--jq", ".status");
        assertEquals("active\n", hq.out(), "HQ Office was not suspended");
    }

    @Test
    void invisibleCharactersPastedIntoAReferenceAreIgnored() throws Exception {
        Pcx.Result r = pcx().run("customers", "show", "contoso.partner.onmschina.cn\u200b", "-o", "json", "--jq",
                ".companyProfile.companyName");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("Contoso Ltd\n", r.out());
        assertEquals(0, pcx().run("services", "show", "-c", "Contoso\u00a0Ltd", "HQ\u00a0Office").exit());
    }

    @Test
    void hostileNamesNeverReachATerminalThroughJsonOrJq() throws Exception {
        assertEquals(0, pcx().run("services", "set", "-c", CONTOSO, "HQ Office", "--name",
                "Bad\u001b]0;pwned\u0007Name\u202eX").exit());
        Pcx.Result raw = pcx().tty(false, true, false).run("services", "show", "-c", CONTOSO,
                "1346F405-8F6A-3FC1-860F-1F80652BE1AA", "--jq", ".friendlyName");
        assertTrue(raw.out().chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x202e), raw.out());
        Pcx.Result json = pcx().run("services", "show", "-c", CONTOSO, "1346F405-8F6A-3FC1-860F-1F80652BE1AA", "-o", "json");
        assertTrue(json.out().contains("\\u202E") && json.out().chars().noneMatch(c -> c == 0x202e || c == 0x1b),
                "escaped in JSON, the same value: " + json.out());
        assertEquals("Bad\u001b]0;pwned\u0007Name\u202eX",
                Json.mapper().readTree(json.out()).path("friendlyName").asText());
    }

    @Test
    void adminLinksForHealthAndTicketsAreInEveryFormat() {
        Pcx.Result csv = new Pcx().env("PCX_CONFIG_DIR", config.toString())
                .run("--sandbox", "services", "admin", "-c", CONTOSO, "-o", "csv");
        assertEquals(0, csv.exit(), csv::toString);
        assertTrue(csv.out().startsWith("Service,Id,Group,Admin portal,Service health,Service ticket\n"), csv.out());
        assertTrue(csv.out().contains("CSDEST=ServiceStatus") || csv.out().contains("ServiceHealth"), csv.out());
    }

    @Test
    void healthAffectedSaysWhyItFailsAndAnUnknownIssueIsNotFound() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result gate = p.run("--sandbox", "health", "affected", "--fail-on", "incident", "-o", "jsonl");
        assertEquals(7, gate.exit(), gate::toString);
        assertTrue(gate.err().lines().anyMatch(l -> l.startsWith("pcx: health gate: ")), gate.err());
        Pcx.Result unknown = p.run("--sandbox", "health", "affected", "--issue", "EX51234", "-o", "jsonl");
        // the sandbox's customers that refuse are 'unknown': which customers have no such issue is not
        // known for every customer, so the run is 5 (some could not be checked), not 4
        assertEquals(5, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("could not be checked"), unknown.err());
        assertTrue(unknown.err().lines().anyMatch(l -> l.startsWith("pcx: ")), "a failure says so: " + unknown.err());
        assertTrue(unknown.err().contains("pcx: no customer's tenant that could be read lists an issue EX51234, active "
                + "or resolved (active there: EX512345, "), "the typo is named, with the ids there are: " + unknown.err());
        assertFalse(unknown.out().contains("\"clear\""), "no customer is said clear of an issue nobody has");
        assertTrue(unknown.out().contains("\"unknown\""), unknown.out());
    }

    @Test
    void hintsAfterAFailedLookupNameTheCommandAsThisCommandLineRunsIt() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result subscription = p.run("--sandbox", "services", "show", "-c", CONTOSO, "nosuch");
        assertEquals(4, subscription.exit(), subscription::toString);
        assertTrue(subscription.err().contains("(list them: pcx --sandbox services list -c "), subscription.err());
        Pcx.Result customer = p.run("--sandbox", "customers", "show", "zzzz");
        assertEquals(4, customer.exit(), customer::toString);
        assertTrue(customer.err().contains("(pcx --sandbox customers list --name ...)"), customer.err());
        Pcx.Result tenant = p.run("--sandbox", "services", "list", "-c", "00000000-0000-0000-0000-000000000001");
        assertEquals(4, tenant.exit(), tenant::toString);
        assertTrue(tenant.err().contains("(find it with: pcx --sandbox customers list --name ...)"), tenant.err());
    }

    @Test
    void healthAffectedWithAServiceNameNoServiceHasIsAUsageErrorBeforeAnyCustomerIsClear() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result typo = p.run("--sandbox", "health", "affected", "--service", "Exchnage", "--fail-on", "advisory",
                "-o", "jsonl");
        assertEquals(2, typo.exit(), typo::toString);
        assertEquals("", typo.out(), "no customer is said clear");
        assertTrue(typo.err().contains("no service of your partner tenant is named 'Exchnage' (its services: ")
                && typo.err().contains("Exchange Online"), typo.err());
        Pcx.Result real = p.run("--sandbox", "health", "affected", "--service", "exchange", "-o", "jsonl");
        assertEquals(5, real.exit(), "some customers refuse, as without --service: " + real);
        assertTrue(real.out().contains("\"status\":\"affected\""), real.out());
        Pcx.Result one = p.run("--sandbox", "health", "-c", CONTOSO, "--service", "Exchnage");
        assertEquals(2, one.exit(), one::toString);
        assertTrue(one.err().contains("(its services: ") && one.err().contains("Exchange Online"), one.err());
    }

    @Test
    void onAFreshConfigTheSandboxStatusShowsWhoItsCommandsRunAs() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result fresh = p.run("--sandbox", "auth", "status", "-o", "tsv");
        assertEquals(0, fresh.exit(), fresh::toString);
        assertTrue(fresh.out().startsWith("(sandbox)\ttrue\tchina\t" + SandboxIdentity.TENANT_ID), fresh.out());
        assertEquals(0, p.run("--sandbox", "auth", "login").exit());
        Pcx.Result real = p.run("auth", "status");
        assertEquals(3, real.exit(), real::toString);
        assertTrue(real.err().contains("commands without --sandbox use the profile 'default', which is not signed in: "
                + "sign it in with 'pcx auth login'") && real.err().contains("sandbox signs in to the sandbox: add --sandbox"),
                real.err());
        Pcx.Result customer = p.env("PCX_CUSTOMER", CONTOSO).run("--sandbox", "auth", "status");
        assertTrue(customer.err().contains("default customer (PCX_CUSTOMER, used where -c is left out): " + CONTOSO),
                customer.err());
    }

    @Test
    void hintsOnTheSandboxKeepTheSandbox() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result r = p.run("--sandbox", "auth", "switch", "nosuch");
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("'pcx --sandbox auth login --profile nosuch'"), r.err());
    }

    @Test
    void aDefaultCustomerComesFromTheEnvironmentAndAPositionalOneIsCaught() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_SANDBOX", "1");
        Pcx.Result positional = p.run("services", "list", CONTOSO);
        assertEquals(2, positional.exit(), positional::toString);
        assertTrue(positional.err().contains("(did you mean '-c " + CONTOSO + "'?)"), positional.err());
        Pcx.Result byEnv = p.env("PCX_CUSTOMER", CONTOSO).run("services", "list", "-o", "jsonl");
        assertEquals(0, byEnv.exit(), byEnv::toString);
        assertFalse(byEnv.out().isEmpty());
    }

    @Test
    void aMistypedDomainListsItsNearMisses() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_SANDBOX", "1");
        Pcx.Result r = p.run("services", "list", "-c", "contso.partner.onmschina.cn");
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("no customer has the domain 'contso.partner.onmschina.cn'; did you mean:"), r.err());
        assertTrue(r.err().contains(CONTOSO), r.err());
    }

    @Test
    void completionCoversTheGateProfilesAfterSwitchAndHelp() {
        Pcx.Result bash = new Pcx().run("completion", "bash");
        String switchFunction = bash.out().substring(bash.out().indexOf("function _picocli_pcx_auth_switch()"));
        switchFunction = switchFunction.substring(0, switchFunction.indexOf("\n}\n"));
        assertTrue(switchFunction.contains("local positionals=\"$(_pcx_profiles)\""), switchFunction);
        String help = bash.out().substring(bash.out().indexOf("function _picocli_pcx_help()"));
        assertTrue(help.substring(0, help.indexOf("\n}\n")).contains("customers\nservices\nhealth"), help);
        assertTrue(bash.out().contains("(\"advisory\" \"incident\")"), "--fail-on completes");
        Pcx.Result fish = new Pcx().run("completion", "fish");
        assertTrue(fish.out().contains("-l fail-on -r -a 'advisory incident'"), fish.out());
        assertTrue(fish.out().contains("__fish_seen_subcommand_from auth; and __fish_seen_subcommand_from switch' -a '("),
                fish.out());
    }

    @Test
    void habitsFromOtherToolsGetPcxsWords() {
        Pcx p = new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_SANDBOX", "1");
        Pcx.Result version = p.run("version");
        assertEquals(0, version.exit(), version::toString);
        assertTrue(version.out().startsWith("pcx "), version.out());
        Pcx.Result query = p.run("customers", "list", "--query", "x");
        assertEquals(2, query.exit());
        assertTrue(query.err().contains("(did you mean '--jq'?)"), query.err());
        Pcx.Result api = p.run("api", "GET", "/v1/customers");
        assertEquals(2, api.exit());
        assertTrue(api.err().contains("(did you mean 'pcx api -X GET /v1/customers'?)"), api.err());
        Pcx.Result timeout = p.env("PCX_TIMEOUT", "abc").run("customers", "list");
        assertEquals(2, timeout.exit());
        assertTrue(timeout.err().startsWith("pcx: invalid value for PCX_TIMEOUT (the environment's --timeout): 'abc'"),
                timeout.err());
        Pcx.Result typed = p.env("PCX_TIMEOUT", "abc").run("customers", "list", "--timeout", "xyz");
        assertTrue(typed.err().contains("option '--timeout'"), typed.err());
    }
}
