package dev.pcx.cli;

import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;

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
        assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("Try 'pcx customers list --help'"), r.err());
    }

    @Test
    void unknownVerbSuggestsTheRightOne() {
        Pcx.Result r = usage("customers", "lst");
        assertTrue(r.err().contains("Did you mean: customers list?"), r.err());
    }

    @Test
    void nounWithoutVerb() {
        Pcx.Result r = usage("customers");
        assertTrue(r.err().contains("missing command: pcx customers takes one of: list, show"), r.err());
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
        assertTrue(usage("customers", "list", "--name", "").err().contains("--name needs a non-empty prefix"));
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
