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
}
