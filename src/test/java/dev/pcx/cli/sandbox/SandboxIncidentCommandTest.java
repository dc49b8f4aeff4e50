package dev.pcx.cli.sandbox;

import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcx sandbox incident update --add-customer/--remove-customer}: what a person types and reads. */
class SandboxIncidentCommandTest {
    @TempDir
    Path config;

    private Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString());
    }

    @Test
    void anIssueSpreadsAndRecedesAndSaysWhomItHits() {
        Pcx.Result start = pcx().run("sandbox", "incident", "start", "--service", "teams", "--title", "Calls drop",
                "--customer", "contoso.partner.onmschina.cn");
        assertEquals(0, start.exit(), start::toString);
        String id = start.out().strip();
        assertEquals("MI600001", id, "the id the help examples use");

        Pcx.Result spread = pcx().run("sandbox", "incident", "update", id, "--add-customer",
                "fabrikam.partner.onmschina.cn", "--add-customer", "bjyunchuang.partner.onmschina.cn");
        assertEquals(0, spread.exit(), spread::toString);
        assertEquals(id + " spread to fabrikam.partner.onmschina.cn, bjyunchuang.partner.onmschina.cn; it hits "
                + "3 customers\n", spread.err());
        assertFalse(spread.err().contains("updated"), "a spread is no update");

        Pcx.Result recede = pcx().run("sandbox", "incident", "update", id, "--remove-customer",
                "fabrikam.partner.onmschina.cn", "--status", "RestoringService");
        assertEquals(0, recede.exit(), recede::toString);
        assertEquals("updated " + id + "\n" + id + " receded from fabrikam.partner.onmschina.cn; it hits 2 customers\n",
                recede.err());

        Pcx.Result listed = pcx().run("--sandbox", "health", "affected", "--issue", id, "-o", "csv");
        assertTrue(listed.out().contains("bjyunchuang.partner.onmschina.cn,affected")
                && listed.out().contains("contoso.partner.onmschina.cn,affected")
                && !listed.out().contains("fabrikam.partner.onmschina.cn,affected"), listed.toString());
    }

    @Test
    void whatCannotSpreadOrRecedeIsAUsageErrorNamingTheFix() {
        Pcx.Result all = pcx().run("sandbox", "incident", "start", "--service", "Exchange", "--title", "Mail");
        String everyone = all.out().strip();
        Pcx.Result some = pcx().run("sandbox", "incident", "start", "--service", "teams", "--title", "Calls drop",
                "--customer", "contoso.partner.onmschina.cn");
        String id = some.out().strip();

        Pcx.Result toAll = pcx().run("sandbox", "incident", "update", everyone, "--add-customer",
                "fabrikam.partner.onmschina.cn");
        assertEquals(2, toAll.exit(), toAll::toString);
        assertTrue(toAll.err().contains(everyone
                + " hits every tenant with Exchange Online (it was started without --customer)"), toAll.err());

        Pcx.Result last = pcx().run("sandbox", "incident", "update", id, "--remove-customer",
                "contoso.partner.onmschina.cn");
        assertEquals(2, last.exit(), last::toString);
        assertTrue(last.err().contains("pcx sandbox incident resolve " + id), last.err());

        Pcx.Result unknown = pcx().run("sandbox", "incident", "update", id, "--add-customer", "nope.example.cn");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("the sandbox has no customer 'nope.example.cn' (give a tenant id or a "
                + "domain, e.g. contoso.partner.onmschina.cn)"), unknown.err());

        Pcx.Result missing = pcx().run("sandbox", "incident", "update", "ZZ1", "--add-customer",
                "fabrikam.partner.onmschina.cn");
        assertEquals(4, missing.exit(), missing::toString);
    }
}
