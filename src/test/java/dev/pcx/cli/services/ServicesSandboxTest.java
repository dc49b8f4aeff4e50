package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** services end to end: the real CLI against the sandbox, batches included. */
class ServicesSandboxTest {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    @TempDir
    Path config;
    @org.junit.jupiter.api.extension.RegisterExtension
    final dev.pcx.testing.AppSandbox sandbox = new dev.pcx.testing.AppSandbox(40);

    /** pcx signed in from the environment (app-only) to a sandbox with {@code faults}. */
    private Pcx pcx(String faults) {
        return sandbox.pcx(config, faults);
    }

    private JsonNode list(String customer) throws Exception {
        Pcx.Result r = pcx(null).run("services", "list", "-c", customer, "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        return Json.mapper().readTree(r.out());
    }

    private static String status(JsonNode subs, String namePrefix) {
        for (JsonNode s : subs) {
            if (s.get("friendlyName").asText().startsWith(namePrefix)) {
                return s.get("status").asText();
            }
        }
        throw new AssertionError("no " + namePrefix + " in " + subs);
    }

    @Test
    void listShowsEveryStatusIncludingOnesPcxDoesNotKnow() throws Exception {
        pcx(null);
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        for (int i = 0; i < 12; i++) {
            Pcx.Result r = pcx(null).run("services", "list", "-c", customerId(i), "-o", "jsonl", "--jq", ".status");
            assertEquals(0, r.exit(), r::toString);
            r.out().lines().forEach(statuses::add);
        }
        assertTrue(statuses.containsAll(List.of("active", "suspended", "expired", "deleted", "pending", "disabled",
                "locked_by_microsoft")), statuses.toString());
        Pcx.Result suspended = pcx(null).run("services", "list", "-c", CONTOSO, "--status", "Suspended", "-o", "tsv");
        assertEquals(1, suspended.out().lines().count(), suspended.out());
    }

    private String customerId(int i) throws Exception {
        Pcx.Result r = pcx(null).run("customers", "list", "--limit", String.valueOf(i + 1), "-o", "jsonl", "--jq", ".id");
        return r.out().lines().toList().get(i);
    }

    @Test
    void showTakesANamePrefixAndPrintsTheWholeSubscription() throws Exception {
        Pcx.Result r = pcx(null).run("services", "show", "-c", CONTOSO, "hq", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode s = Json.mapper().readTree(r.out());
        assertEquals("HQ Office 365 E3", s.get("friendlyName").asText());
        assertEquals("Subscription", s.get("attributes").get("objectType").asText());
        Pcx.Result ambiguous = pcx(null).run("services", "show", "-c", "Fabrikam Inc", "r&d");
        assertEquals(2, ambiguous.exit(), ambiguous::toString);
        assertTrue(ambiguous.err().contains("matches 2 subscriptions"), ambiguous.err());
        Pcx.Result missing = pcx(null).run("services", "show", "-c", CONTOSO, "nothing like it");
        assertEquals(4, missing.exit(), missing::toString);
    }

    @Test
    void aBatchWithAGoodAnUnchangedAndAFailingFixReportsEachAndIsSafeToRunAgain() throws Exception {
        Path file = Files.writeString(config.resolve("fixes.csv"), """
                customer,subscription,action,value
                contoso.partner.onmschina.cn,Sales Azure,activate,
                contoso.partner.onmschina.cn,HQ Office,quantity,25
                contoso.partner.onmschina.cn,R&D Microsoft 365 E5,quantity,2
                contoso.partner.onmschina.cn,HQ Office,auto-renew,off
                """);

        Pcx.Result first = pcx(null).run("services", "apply", "--file", file.toString(), "-o", "tsv");

        assertEquals(5, first.exit(), first::toString);
        List<String> lines = first.out().lines().toList();
        assertEquals(4, lines.size(), first.out());
        assertTrue(lines.get(0).startsWith("2\t") && lines.get(0).contains("\tactivate\tapplied\tstatus: suspended → active\t"),
                lines.get(0));
        assertTrue(lines.get(1).contains("\tquantity 25\tapplied\tquantity: 5 → 25\t"), lines.get(1));
        assertTrue(lines.get(2).contains("\tfailed\t\tPartner Center refused the request (400): Quantity decrease is not "
                + "allowed"), lines.get(2));
        assertTrue(lines.get(2).contains("(code 800090)"), lines.get(2));
        assertTrue(lines.get(3).endsWith("\tauto-renew off\tunchanged\t\t"), lines.get(3));
        assertTrue(first.err().lines().anyMatch(l -> l.startsWith("pcx: line 4: ") && l.contains("(code 800090)")
                && l.contains("request id")), "the whole failure is one line on stderr: " + first.err());
        assertTrue(first.err().contains("2 applied, 1 failed, 1 unchanged"), first.err());

        Pcx.Result again = pcx(null).run("services", "apply", "--file", file.toString(), "-o", "json");
        assertEquals(5, again.exit(), again::toString);
        JsonNode results = Json.mapper().readTree(again.out());
        assertEquals(List.of("unchanged", "unchanged", "failed", "unchanged"),
                java.util.stream.StreamSupport.stream(results.spliterator(), false).map(n -> n.get("result").asText()).toList());
    }

    @Test
    void aLineNamingAnUnknownSubscriptionStopsTheWholeBatchBeforeAnyChange() throws Exception {
        Path file = Files.writeString(config.resolve("fixes.jsonl"), """
                {"customer":"contoso.partner.onmschina.cn","subscription":"Sales Azure","action":"activate"}
                {"customer":"contoso.partner.onmschina.cn","subscription":"No such thing","action":"suspend"}
                {"customer":"nobody at all","subscription":"x","action":"suspend"}
                """);
        Pcx.Result r = pcx(null).run("services", "apply", "--file", file.toString(), "--yes");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains(file + " has 2 problems; nothing was changed"), r.err());
        assertTrue(r.err().contains("line 2: no subscription of customer"), r.err());
        assertTrue(r.err().contains("line 3: no customer's company name starts with 'nobody at all'"), r.err());
        assertEquals("suspended", status(list(CONTOSO), "Sales Azure"), "line 1 was not applied either");
    }

    @Test
    void aBatchUnderThrottlingStillAppliesEverythingWaitingTogether() throws Exception {
        StringBuilder fixes = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            String customer = customerId(i);
            for (JsonNode sub : list(customer)) {
                if ("active".equals(sub.get("status").asText()) && "Licenses".equals(sub.get("unitType").asText())) {
                    fixes.append(customer).append(',').append(sub.get("id").asText()).append(",quantity,")
                            .append(sub.get("quantity").asInt() + 1).append('\n');
                    break;
                }
            }
        }
        sandbox.stop();
        Pcx throttled = pcx("429@once"); // every call is throttled once, whatever the interleaving
        Path file = Files.writeString(config.resolve("many.csv"), fixes.toString());
        long expected = fixes.toString().lines().count();
        assertTrue(expected >= 5, "enough fixes to run in parallel: " + expected);

        Pcx.Result r = throttled.run("services", "apply", "--file", file.toString(), "--parallel", "4", "-o", "jsonl",
                "--jq", ".result");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(expected, r.out().lines().filter("applied"::equals).count(), r.out());
        assertTrue(throttled.sleeps.size() >= expected, "it waited out the 429s: " + throttled.sleeps.size());
    }

    @Test
    void aBatchThatSuspendsNeedsYesWithoutATerminal() throws Exception {
        Path file = Files.writeString(config.resolve("s.csv"), CONTOSO + ",HQ Office,suspend\n");
        Pcx.Result r = pcx(null).run("services", "apply", "--file", file.toString());
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("add --yes"), r.err());
        Pcx.Result viaStdin = pcx(null).stdin(CONTOSO + ",HQ Office,suspend\n")
                .run("services", "apply", "--file", "-", "--yes", "-o", "csv");
        assertEquals(0, viaStdin.exit(), viaStdin::toString);
        assertTrue(viaStdin.out().contains("applied"), viaStdin.out());
    }

    @Test
    void managedServicesNeedAPersonAndListAbsoluteAdminLinks() throws Exception {
        Pcx.Result appOnly = pcx(null).run("services", "admin", "-c", CONTOSO);
        assertEquals(3, appOnly.exit(), appOnly::toString);
        assertTrue(appOnly.err().contains("needs app+user credentials"), appOnly.err());

        Pcx person = new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_ENDPOINT", sandbox.server().baseUrl())
                .env("PCX_AUTHORITY", sandbox.server().baseUrl());
        assertEquals(0, person.run("auth", "login", "--tenant", SandboxIdentity.TENANT_ID, "--client-id",
                SandboxIdentity.CLIENT_ID).exit());
        Pcx.Result r = person.run("services", "admin", "-c", CONTOSO, "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode services = Json.mapper().readTree(r.out());
        assertEquals(4, services.size());
        assertTrue(services.get(0).get("links").get("adminService").get("uri").asText()
                .startsWith("https://portal.partner.microsoftonline.cn/Partner/BeginClientSession.aspx?CTID="));

        Pcx.Result open = person.run("services", "admin", "-c", CONTOSO, "exch", "--open");
        assertEquals(0, open.exit(), open::toString);
        assertTrue(open.out().strip().endsWith("CSDEST=Exchange"), "no browser here: the URL is printed: " + open.out());

        Path opened = config.resolve("opened.txt");
        Path browser = Files.writeString(config.resolve("browser.sh"), "#!/bin/sh\necho \"$1\" > " + opened + "\n");
        browser.toFile().setExecutable(true);
        Pcx.Result viaBrowser = person.env("BROWSER", browser.toString()).run("services", "admin", "-c", CONTOSO,
                "sharepoint", "--open");
        assertEquals(0, viaBrowser.exit(), viaBrowser::toString);
        assertEquals("", viaBrowser.out());
        long deadline = System.nanoTime() + 10_000_000_000L;
        // the browser runs on its own: the file may exist before its line is written
        while ((!Files.exists(opened) || Files.readString(opened).isBlank()) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        assertTrue(Files.readString(opened).contains("CSDEST=SharePoint"));
        Pcx.Result two = person.run("services", "admin", "-c", CONTOSO, "--open");
        assertEquals(2, two.exit(), "--open needs one service: " + two);
    }
}
