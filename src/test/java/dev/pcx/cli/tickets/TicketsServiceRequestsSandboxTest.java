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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner Center service requests end to end: the real CLI against the sandbox, under faults. */
class TicketsServiceRequestsSandboxTest {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    private static final String OPEN = "616100000000000";
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
                .env("PCX_TENANT_ID", SandboxIdentity.TENANT_ID).env("PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID)
                .env("PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET)
                .env("PCX_REFRESH_TOKEN", sandbox.personRefreshToken());
    }

    @Test
    void theSandboxSendsIntegerEnumsAndNumericStringIds() throws Exception {
        Pcx.Result r = person(null).run("tickets", "list", "-c", CONTOSO, "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode list = Json.mapper().readTree(r.out());
        assertEquals(2, list.size());
        assertEquals(OPEN, list.get(0).get("id").asText());
        assertEquals("open", list.get(0).get("status").asText());
    }

    @Test
    void aNoteWhoseAnswerIsLostIsAddedOnceAndReportedAdded() throws Exception {
        Pcx.Result r = person("lost@once").run("tickets", "note", OPEN, "-c", CONTOSO, "Customer confirms", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, sandbox.requests("PATCH"), "one PATCH on the wire");
        assertTrue(r.err().contains("the answer to the note was lost; the request shows it added"), r.err());
        JsonNode notes = Json.mapper().readTree(r.out()).get("notes");
        assertEquals(2, notes.size());
        assertEquals("Customer confirms", notes.get(1).get("text").asText());
    }

    @Test
    void closeThenCloseAgainIsUnchangedAndSendsOnePatch() throws Exception {
        Pcx.Result closed = person("lost@once").run("tickets", "close", OPEN, "-c", CONTOSO, "-o", "json", "--jq", ".status");
        assertEquals(0, closed.exit(), closed::toString);
        assertEquals("closed\n", closed.out());
        Pcx.Result again = person(null).run("tickets", "close", OPEN, "-c", CONTOSO);
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.err().contains("already closed; unchanged"), again.err());
        assertEquals(1, sandbox.requests("PATCH"));
    }

    @Test
    void appOnlyCredentialsStopBeforeAnyCall() {
        Pcx p = person(null);
        p.env("PCX_REFRESH_TOKEN", "");
        int before = sandbox.requests("GET");
        Pcx.Result r = p.run("tickets", "list", "-c", CONTOSO, "--source", "partner-center");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("needs app+user credentials"), r.err());
        assertEquals(before, sandbox.requests("GET"));
    }
}
