package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxServer;
import dev.pcx.sandbox.SandboxState;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Azure support tickets end to end: the real CLI against the sandbox's Azure Resource Manager, under faults. */
class TicketsAzureSandboxTest {
    static final String CONTOSO = "contoso.partner.onmschina.cn";
    static final String FABRIKAM = "fabrikam.partner.onmschina.cn";
    /** Contoso's Azure subscription (customer 0), and Fabrikam's two (customer 2: the second refuses as CSP). */
    static final String SUB = "5c7e0a2f-a2f1-4b3c-9d8e-000000000000";
    static final String FABRIKAM_CSP = "5c7e0a2f-a2f1-4b3c-9d8e-000000000005";
    @TempDir
    Path config;
    private SandboxServer sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Pcx person(String faults) {
        if (sandbox == null) {
            sandbox = SandboxServer.start(SandboxServer.Config.of(40).withFaults(faults)
                    .withState(SandboxState.fresh(40, 3600, 0, List.of())));
        }
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_CLOUD", "global")
                .env("PCX_ENDPOINT", sandbox.baseUrl()).env("PCX_AUTHORITY", sandbox.baseUrl())
                .env("PCX_ARM_ENDPOINT", sandbox.baseUrl())
                .env("PCX_TENANT_ID", SandboxIdentity.TENANT_ID).env("PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID)
                .env("PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET)
                .env("PCX_REFRESH_TOKEN", sandbox.personRefreshToken());
    }

    static List<String> create(String customer, String sub, String... more) {
        List<String> args = new ArrayList<>(List.of("tickets", "create", "-c", customer, "--azure-subscription", sub,
                "--title", "VM restarts", "--severity", "moderate", "--service", "Virtual Machine running Windows",
                "--problem", "slow", "--description", "Restarts every night at 02:00.",
                "--contact", "Wei Li <desk@example.com>", "--country", "CHN"));
        args.addAll(List.of(more));
        return args;
    }

    private int tickets(String sub) throws Exception {
        Pcx.Result r = person(null).run("tickets", "list", "-c", CONTOSO, "--azure-subscription", sub, "--source", "azure",
                "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        return Json.mapper().readTree(r.out()).size();
    }

    @Test
    void createsATicketThroughThe202AndShowsIt() throws Exception {
        Pcx pcx = person(null);
        Pcx.Result r = pcx.run(create(CONTOSO, SUB, "-o", "json").toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        JsonNode t = Json.mapper().readTree(r.out());
        assertEquals("Open", t.path("properties").path("status").asText());
        assertEquals("moderate", t.path("properties").path("severity").asText());
        assertTrue(r.err().contains("filed Azure support ticket"), r.err());
        assertTrue(r.err().contains("Azure Support API"), r.err());
        assertEquals(3, tickets(SUB));
    }

    @Test
    void aCreateDroppedBeforeAzureActedIsSentAgainAsTheSameRequestAndFiledOnce() throws Exception {
        // drop@once drops the first attempt of each request (by its client request id): the PUT sent
        // again after the drop is the same request, with the same id, so it goes through
        Pcx.Result r = person("drop@once").run(create(CONTOSO, SUB, "--key", "ci-drop").toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("filing it again under the same name"), r.err());
        assertEquals(3, tickets(SUB), "two seeded, one filed");
    }

    @Test
    void aCreateWhoseAnswerIsLostFilesOneTicketAndARerunWithTheKeyFilesNone() throws Exception {
        Pcx.Result r = person("lost@once").run(create(CONTOSO, SUB, "--key", "ci-42", "-o", "json").toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("was lost; the ticket is there: filed once"), r.err());
        assertEquals(1, sandbox.requests("PUT"), "one PUT on the wire");
        String name = Json.mapper().readTree(r.out()).get("name").asText();

        Pcx.Result again = person(null).run(create(CONTOSO, SUB, "--key", "ci-42", "-o", "json").toArray(String[]::new));
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.err().contains("shown again, not filed twice"), again.err());
        assertEquals(name, Json.mapper().readTree(again.out()).get("name").asText());
        assertEquals(1, sandbox.requests("PUT"), "the rerun sent no PUT");
        assertEquals(3, tickets(SUB), "two seeded, one filed");

        Pcx.Result byKey = person(null).run("tickets", "list", "-c", CONTOSO, "--azure-subscription", SUB, "--key",
                "ci-42", "-o", "jsonl", "--jq", ".name");
        assertEquals(0, byKey.exit(), byKey::toString);
        assertEquals(name + "\n", byKey.out());
    }

    @Test
    void withoutAKeyALostAnswerIsStillReadBackByTheNameItWasFiledUnder() throws Exception {
        Pcx.Result r = person("lost@once").run(create(CONTOSO, SUB).toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, sandbox.requests("PUT"));
        assertEquals(3, tickets(SUB));
    }

    @Test
    void escalateWithAKeyFilesOnceAcrossRetriedJobs() throws Exception {
        List<String> args = new ArrayList<>(List.of("tickets", "escalate", "-c", CONTOSO, "--azure-subscription", SUB,
                "--service", "Storage Account", "--problem", "Cannot reach", "--title", "Storage unreachable",
                "--contact", "Wei Li <desk@example.com>", "--country", "CHN", "--key", "ci-99", "-o", "json"));
        Pcx.Result first = person("lost@once").run(args.toArray(String[]::new));
        assertEquals(0, first.exit(), first::toString);
        JsonNode t = Json.mapper().readTree(first.out());
        assertTrue(t.path("properties").path("description").asText().contains("pcx-key: ci-99"));
        Pcx.Result second = person(null).run(args.toArray(String[]::new));
        assertEquals(0, second.exit(), second::toString);
        assertTrue(second.err().contains("shown again, not checked or filed twice"), second.err());
        assertEquals(1, sandbox.requests("PUT"));
        assertEquals(3, tickets(SUB));
    }

    @Test
    void anIndirectSubscriptionIsRefusedWithTheCspMessage() {
        Pcx.Result r = person(null).run(create(FABRIKAM, FABRIKAM_CSP).toArray(String[]::new));
        assertEquals(5, r.exit(), r::toString);
        List<String> failures = r.err().lines().filter(l -> l.startsWith("pcx: ")).toList();
        assertEquals(1, failures.size(), r.err());
        assertTrue(failures.get(0).contains("Your support plan type is CSP"), failures.get(0));
        assertEquals(1, sandbox.requests("PUT"), "one PUT, refused");
    }

    @Test
    void aSubscriptionOfAnotherCustomerIsRejectedByTheTokenCheck() {
        // issue 20 item 5: Azure's token check says the subscription is another tenant's: exit 4, not "sign in again"
        Pcx.Result r = person(null).run(create(FABRIKAM, SUB).toArray(String[]::new));
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("pcx: subscription " + SUB + " does not belong to the customer's tenant"), r.err());
        assertTrue(r.err().contains("Azure says it is another tenant's (The access token is from the wrong issuer"), r.err());
    }

    @Test
    void showByNumberThenCloseTwice() throws Exception {
        Pcx.Result shown = person(null).run("tickets", "show", "2611000000000001", "-c", CONTOSO,
                "--azure-subscription", SUB);
        assertEquals(0, shown.exit(), shown::toString);
        assertTrue(shown.out().contains("sandbox-ticket-1") && shown.out().contains("We are looking into it"),
                shown.out());
        assertTrue(shown.err().contains("through the Azure Support API on subscription " + SUB), shown.err());

        Pcx.Result closed = person(null).run("tickets", "close", "sandbox-ticket-1", "-c", CONTOSO,
                "--azure-subscription", SUB, "-o", "json", "--jq", ".properties.status");
        assertEquals(0, closed.exit(), closed::toString);
        assertEquals("Closed\n", closed.out());
        Pcx.Result again = person(null).run("tickets", "close", "sandbox-ticket-1", "-c", CONTOSO,
                "--azure-subscription", SUB);
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.err().contains("already closed; unchanged"), again.err());
        assertEquals(1, sandbox.requests("PATCH"));
    }

    @Test
    void aNoteWhoseAnswerIsLostIsSentOnce() {
        Pcx.Result note = person("lost@once").run("tickets", "note", "sandbox-ticket-1", "-c", CONTOSO,
                "--azure-subscription", SUB, "Restarts stopped after the update");
        assertEquals(0, note.exit(), note::toString);
        assertTrue(note.err().contains("the answer to the note was lost; the ticket shows it added"), note.err());
        assertEquals(1, sandbox.requests("PUT"));

    }

    @Test
    void appOnlyCredentialsStopBeforeAnyCall() {
        Pcx p = person(null);
        p.env("PCX_REFRESH_TOKEN", "");
        Pcx.Result r = p.run(create(CONTOSO, SUB).toArray(String[]::new));
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("needs app+user credentials"), r.err());
        assertEquals(0, sandbox.requests("GET"));
    }

    @Test
    void onTheChinaCloudCreateWithASubscriptionIsAHandOff() {
        Pcx p = person(null);
        p.env("PCX_CLOUD", "china");
        Pcx.Result r = p.run(create(CONTOSO, SUB).toArray(String[]::new));
        assertEquals(8, r.exit(), r::toString);
        assertEquals(1, r.err().split("Azure operated by 21Vianet has no Azure Support API", -1).length - 1,
                "said once: " + r.err());
        assertTrue(r.out().contains("Azure subscription: " + SUB), r.out());
        // where a person files an Azure request: Azure's support, not the Microsoft 365 admin centers
        assertTrue(r.out().contains("the Azure portal operated by 21Vianet") && r.out().contains("https://support.azure.cn"),
                r.out());
        assertFalse(r.out().contains("Office 365 admin center") || r.out().contains("400-089-0365"), r.out());
        assertEquals(0, sandbox.requests("PUT"));
    }

    @Test
    void parallelRunsWithOneKeyFileOneTicket() throws Exception {
        person(null);
        List<String> args = create(CONTOSO, SUB, "--key", "ci-parallel", "--jq", ".name");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Pcx.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Pcx p = person(null);
                runs.add(pool.submit(() -> p.run(args.toArray(String[]::new))));
            }
            int filed = 0;
            for (var run : runs) {
                Pcx.Result r = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(0, r.exit(), r::toString);
                filed += r.err().contains("filed Azure support ticket ") ? 1 : 0;
            }
            assertEquals(1, filed, "one run filed it; the others found it filed (before or in a conflict)");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, tickets(SUB), "two seeded, one filed");
    }

    @Test
    void aProfileKeepsEachTenantsGraphAndArmTokensSideBySideAndReusesThem() throws Exception {
        try (dev.pcx.testing.SandboxFixture fixture = dev.pcx.testing.SandboxFixture.start(config, 12, 0, List.of())) {
            Pcx pcx = fixture.pcx().env("PCX_CLOUD", "global").env("PCX_GRAPH_ENDPOINT", fixture.url)
                    .env("PCX_ARM_ENDPOINT", fixture.url);
            assertEquals(0, pcx.run("auth", "login", "--tenant", SandboxIdentity.TENANT_ID, "--client-id",
                    SandboxIdentity.CLIENT_ID).exit());
            assertEquals(0, pcx.run("health", "-c", CONTOSO).exit());
            Pcx.Result listed = pcx.run("tickets", "list", "-c", CONTOSO, "--azure-subscription", SUB, "--source",
                    "azure");
            assertEquals(0, listed.exit(), listed::toString);
            Path dir = config.resolve("tenant-tokens").resolve("default");
            java.util.Set<String> kept;
            try (var files = java.nio.file.Files.list(dir)) {
                kept = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                        .collect(java.util.stream.Collectors.toSet());
            }
            String contoso = "88aaa55a-9641-30b4-b800-f1ab218d6505";
            assertEquals(java.util.Set.of(contoso + "@graph.microsoft.com.json", contoso + "@management.azure.com.json",
                    SandboxIdentity.TENANT_ID + "@management.azure.com.json"), kept);
            int grants = fixture.server.refreshGrants();
            Pcx.Result again = pcx.run("tickets", "list", "-c", CONTOSO, "--azure-subscription", SUB, "--source",
                    "azure");
            assertEquals(0, again.exit(), again::toString);
            assertEquals(grants, fixture.server.refreshGrants(), "both kept ARM tokens were used");
            assertEquals(0, pcx.run("customers", "list", "--limit", "1").exit(), "the rotated refresh token was saved");
        }
    }

    @Test
    void aKeyNamesOneRequestOnOneChannelWhicheverCameFirst() throws Exception {
        int before = tickets(SUB);
        List<String> handOff = List.of("tickets", "create", "-c", CONTOSO, "--title", "Mail delayed", "--severity",
                "moderate", "--service", "Exchange", "--description", "Since 09:00.");
        List<String> first = new ArrayList<>(handOff);
        first.addAll(List.of("--key", "mix-1"));
        assertEquals(8, person(null).run(first.toArray(String[]::new)).exit());
        Pcx.Result azure = person(null).run(create(CONTOSO, SUB, "--key", "mix-1").toArray(String[]::new));
        assertEquals(2, azure.exit(), azure::toString);
        assertTrue(azure.err().contains("key mix-1 already names hand-off local-"), azure.err());
        assertEquals(before, tickets(SUB), "nothing filed");

        Pcx.Result filed = person(null).run(create(CONTOSO, SUB, "--key", "mix-2").toArray(String[]::new));
        assertEquals(0, filed.exit(), filed::toString);
        List<String> second = new ArrayList<>(handOff);
        second.addAll(List.of("--key", "mix-2"));
        Pcx.Result after = person(null).run(second.toArray(String[]::new));
        assertEquals(2, after.exit(), after::toString);
        assertTrue(after.err().contains("key mix-2 already names Azure support ticket "), after.err());
    }

    /** Issue 20 item 5: another customer's subscription is not a sign-in problem. */
    @Test
    void anotherCustomersSubscriptionIsNotFoundNotSignInAgain() {
        Pcx.Result r = person(null).run("tickets", "list", "-c", CONTOSO, "--azure-subscription", FABRIKAM_CSP,
                "--source", "azure");
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("subscription " + FABRIKAM_CSP + " does not belong to the customer's tenant"), r.err());
        assertTrue(r.err().contains("check --azure-subscription"), r.err());
        assertFalse(r.err().contains("sign in again"), r.err());
    }
}
