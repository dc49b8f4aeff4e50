package dev.pcx.cli;

import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Option parsing and usage errors: exit 2, one clear line, no call made (there is no server). */
class UsageTest {
    private final Pcx pcx = new Pcx().env("PCX_ENDPOINT", "http://127.0.0.1:9").env("PCX_ACCESS_TOKEN", "t");

    private Pcx.Result usage(String... args) {
        Pcx.Result r = pcx.run(args);
        assertEquals(2, r.exit(), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertTrue(r.err().startsWith("pcx: "), r.err());
        assertEquals("", r.out());
        return r;
    }

    @Test
    void unknownFlag() {
        Pcx.Result r = usage("customers", "list", "--bogus");
        assertEquals("pcx: unknown option '--bogus'; see 'pcx customers list --help'\n", r.err());
    }

    @Test
    void unknownVerbSuggestsTheRightOne() {
        Pcx.Result r = usage("customers", "lst");
        assertEquals("pcx: unknown command 'lst' for 'pcx customers' (did you mean 'pcx customers list'?); "
                + "see 'pcx customers --help'\n", r.err());
    }

    @Test
    void nounWithoutVerbShowsItsHelp() {
        Pcx.Result r = pcx.run("customers");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Commands:") && r.out().contains("  list") && r.out().contains("  show"), r.out());
    }

    @Test
    void barePcxShowsTheHelp() {
        Pcx.Result r = pcx.run();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Usage: pcx [-hV]") && r.out().contains("Commands:"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void mistypedOptionsGetTheClosestName() {
        assertEquals("pcx: unknown option '--nmae' (did you mean '--name'?); see 'pcx customers list --help'\n",
                usage("customers", "list", "--nmae", "foo").err());
        assertTrue(usage("services", "list", "-c", "x", "--stauts", "active").err()
                .startsWith("pcx: unknown option '--stauts' (did you mean '--status'?)"));
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        assertEquals("pcx: missing -c/--customer CUSTOMER; see 'pcx services list --help'\n",
                usage("services", "list").err());
    }

    @Test
    void aProfileMayBeNamedLikeACommand() {
        Pcx.Result spaced = pcx.run("--profile", "sandbox", "customers", "list", "-o", "yaml");
        Pcx.Result joined = pcx.run("--profile=sandbox", "customers", "list", "-o", "yaml");
        Pcx.Result env = new Pcx().env("PCX_PROFILE", "sandbox").env("PCX_ACCESS_TOKEN", "t")
                .run("customers", "list", "-o", "yaml");
        for (Pcx.Result r : List.of(spaced, joined, env)) {
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("unknown output format 'yaml'"), "parsed up to -o: " + r.err());
        }
    }

    @Test
    void aFlagGivenTwiceOnceByItsVariableStaysOn() {
        Pcx.Result r = new Pcx().env("PCX_DEBUG", "1").env("PCX_ACCESS_TOKEN", "t").env("PCX_ENDPOINT", "http://127.0.0.1:9")
                .run("--debug", "customers", "list", "--bogus");
        assertTrue(r.err().contains("UnmatchedArgumentException"), "--debug after PCX_DEBUG=1 is still on: " + r.err());
    }

    @Test
    void plainHttpOnlyToThisMachine() {
        for (String[] args : List.of(new String[] {"--endpoint", "http://10.1.2.3:8080"},
                new String[] {"--authority", "http://login.example.com"})) {
            Pcx.Result r = new Pcx().env("PCX_TENANT_ID", "t").env("PCX_CLIENT_ID", "c").env("PCX_CLIENT_SECRET", "s")
                    .run(args[0], args[1], "customers", "list");
            assertEquals(2, r.exit(), r::toString);
            assertTrue(r.err().contains("would send tokens and secrets in clear text"), r.err());
        }
        assertTrue(Connections.loopback("127.0.0.1") && Connections.loopback("localhost") && Connections.loopback("::1"));
        assertFalse(Connections.loopback("127.0.0.1.example.com") || Connections.loopback("10.0.0.1"));
    }

    @Test
    void anArgumentStartingWithAtIsNotAFileToRead() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("pcx", ".txt");
        java.nio.file.Files.writeString(secret, "--all");
        Pcx.Result r = pcx.run("customers", "list", "--name", "@" + secret, "-o", "yaml");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("unknown output format"), r.err());
    }

    @Test
    void anUnknownStatusListsTheAcceptedOnes() {
        assertEquals("pcx: --status 'suspend' is not a subscription status: use one of active, suspended, deleted, "
                + "expired, pending, disabled\n", usage("services", "list", "-c", "contoso.cn", "--status", "suspend").err());
    }

    @Test
    void limitZero() {
        assertTrue(usage("customers", "list", "--limit", "0").err().contains("--limit must be at least 1"));
    }

    @Test
    void limitAndAllTogether() {
        assertTrue(usage("customers", "list", "--limit", "3", "--all").err().contains("mutually exclusive"));
    }

    @Test
    void emptyNamePrefix() {
        assertTrue(usage("customers", "list", "--name", "").err().contains("--name was given an empty value"));
        assertTrue(usage("customers", "list", "--name", "  ").err().contains("--name was given an empty value"));
    }

    @Test
    void unknownOutputFormat() {
        assertTrue(usage("customers", "list", "-o", "yaml").err().contains("unknown output format 'yaml'"));
    }

    @Test
    void invalidJq() {
        assertTrue(usage("customers", "list", "--jq", ".[ | x").err().contains("invalid --jq expression"));
    }

    @Test
    void jqWithATable() {
        assertTrue(usage("customers", "list", "-o", "table", "--jq", ".").err().contains("--jq works on JSON"));
    }

    @Test
    void badTimeout() {
        assertTrue(usage("customers", "list", "--timeout", "soon").err().contains("is not a duration"));
    }

    @Test
    void badCloud() {
        assertTrue(usage("--cloud", "mars", "customers", "list").err().contains("unknown cloud 'mars'"));
    }

    @Test
    void badEndpoint() {
        Pcx.Result r = new Pcx().env("PCX_ACCESS_TOKEN", "t").run("--endpoint", "not a url", "customers", "list");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("is not an http(s) URL"), r.err());
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheVerb() {
        Pcx.Result before = pcx.run("-o", "yaml", "customers", "list");
        Pcx.Result after = pcx.run("customers", "list", "-o", "yaml");
        assertEquals(before.err(), after.err());
        assertEquals(2, after.exit());
    }

    @Test
    void helpListsExitCodesAndExamples() {
        Pcx.Result r = pcx.run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+6\\s+throttled, timed out or unreachable after retries\\n.*"), r.out());
        Pcx.Result list = pcx.run("customers", "list", "--help");
        assertTrue(list.out().contains("Examples:"), list.out());
    }

    @Test
    void versionPrintsTheVersion() {
        Pcx.Result r = pcx.run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("pcx "), r.out());
    }
}
