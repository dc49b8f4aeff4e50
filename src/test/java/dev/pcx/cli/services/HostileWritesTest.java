package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * Writes on a hostile network (issue 12): a PATCH whose answer is lost is never sent again by any
 * layer, and its outcome is read, not guessed. The sandbox's faults drop the connection before the
 * change ({@code drop}) or after it ({@code lost}); its request counts show what went on the wire.
 */
class HostileWritesTest {
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

    @Test
    void aWriteWhoseAnswerIsLostIsNeverSentTwiceAndItsOutcomeIsReadNotGuessed() throws Exception {
        Pcx.Result applied = pcx("lost@once").run("services", "set", "-c", CONTOSO, "HQ Office", "--name", "HQ renamed",
                "-o", "tsv");
        assertEquals(0, applied.exit(), "applied, its answer lost, then read back: " + applied);
        assertTrue(applied.out().contains("\tapplied\t"), applied.out());
        assertEquals(1, sandbox.server().requests("PATCH"), "one PATCH on the wire");
        assertEquals("HQ renamed", list(CONTOSO).get(0).get("friendlyName").asText());
    }

    @Test
    void aWriteDroppedBeforeItWasAppliedSaysSoAndIsNotRetried() throws Exception {
        Pcx.Result dropped = pcx("drop@once").run("services", "set", "-c", CONTOSO, "HQ Office", "--name", "HQ renamed");
        assertEquals(6, dropped.exit(), dropped::toString);
        assertTrue(dropped.err().contains("was lost") && dropped.err().contains("does not show the change")
                && dropped.err().contains("run the command again"), dropped.err());
        assertFalse(dropped.err().contains("changed while pcx was changing it"), "never a conflict with itself");
        assertEquals(1, sandbox.server().requests("PATCH"), "one PATCH on the wire");
        Path file = Files.writeString(config.resolve("four.csv"), """
                contoso.partner.onmschina.cn,HQ Office,quantity,6
                contoso.partner.onmschina.cn,HQ Office,auto-renew,on
                contoso.partner.onmschina.cn,Sales Azure plan,activate
                contoso.partner.onmschina.cn,R&D Microsoft 365 E5,name,R&D E5
                """);
        pcx("drop@once").run("services", "apply", "--file", file.toString());
        assertEquals(1 + 4, sandbox.server().requests("PATCH"), "a four-line batch sends four PATCHes, whatever is dropped");
    }
}
