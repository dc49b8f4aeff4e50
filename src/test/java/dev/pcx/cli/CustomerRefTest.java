package dev.pcx.cli;

import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A customer reference is checked once, as it is read: the same messages from parse, the converter and a command line. */
class CustomerRefTest {
    private static final String MALFORMED = "3fa85f64-5717-4562-b3fc-2c963f66afa";
    private static final String MALFORMED_MESSAGE = "'" + MALFORMED + "' is not a valid tenant id (8-4-4-4-12 hex digits, "
            + "e.g. 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0)";
    private static final String EMPTY_MESSAGE = "the customer is empty: give a tenant id, a domain or the start of a "
            + "company name";

    /** A command with nothing but the two mixins, to parse without running anything. */
    @Command(name = "probe")
    static final class Probe {
        @Mixin
        OptionalCustomerOption customer;
    }

    @Command(name = "needs")
    static final class Needs {
        @Mixin
        CustomerOption customer;
    }

    @Test
    void parseKeepsTheTextAsTypedTrimmedAndTellsItsKind() {
        CustomerRef ref = CustomerRef.parse("  Contoso Ltd ");
        assertEquals("Contoso Ltd", ref.text());
        assertEquals("tickets list -c Contoso Ltd", "tickets list -c " + ref);
        assertEquals(CustomerResolver.Kind.NAME, ref.kind());
        assertEquals(CustomerResolver.Kind.DOMAIN, CustomerRef.parse("contoso.partner.onmschina.cn").kind());
        assertEquals(CustomerResolver.Kind.TENANT_ID, CustomerRef.parse("0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0").kind());
    }

    @Test
    void aBlankOrMalformedTextIsAUsageErrorWithResolversMessage() {
        CliException malformed = assertThrows(CliException.class, () -> CustomerRef.parse(MALFORMED));
        assertEquals(ExitCode.USAGE, malformed.exitCode());
        assertEquals(MALFORMED_MESSAGE, malformed.getMessage());
        CliException blank = assertThrows(CliException.class, () -> CustomerRef.parse(" \u200b "));
        assertEquals(ExitCode.USAGE, blank.exitCode());
        assertEquals(EMPTY_MESSAGE, blank.getMessage());
        assertThrows(CliException.class, () -> new CustomerRef(null), "the constructor checks as parse does");
    }

    @Test
    void theConverterRejectsAMalformedIdWhileParsing() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(new Probe()).parseArgs("-c", MALFORMED));
        assertEquals("Invalid value for option '--customer': " + MALFORMED_MESSAGE, e.getMessage());
        assertThrows(CommandLine.ParameterException.class, () -> new CommandLine(new Needs()).parseArgs("--customer", MALFORMED));
    }

    @Test
    void theMixinsHoldTheReferenceOrNull() {
        Probe without = new Probe();
        new CommandLine(without).parseArgs();
        assertNull(without.customer.customer);
        Needs with = new Needs();
        new CommandLine(with).parseArgs("-c", " contoso.cn ");
        assertEquals(CustomerRef.parse("contoso.cn"), with.customer.customer);
        assertThrows(CommandLine.MissingParameterException.class, () -> new CommandLine(new Needs()).parseArgs());
    }

    @Test
    void aMalformedCustomerIsExit2OnOneLineBeforeAnyCall() {
        assertRefused("option '--customer'", "pcx services list", "services", "list", "-c", MALFORMED);
        assertRefused("option '--customer'", "pcx health", "health", "--customer", MALFORMED);
        assertRefused("positional parameter at index 0 (<customer>)", "pcx customers show", "customers", "show", MALFORMED);
    }

    /** {@code args} are refused as picocli refuses a bad value: exit 2, one line naming the value's place and the help. */
    private static void assertRefused(String where, String command, String... args) {
        // nothing listens on port 9: any call would be exit 5, not 2
        Pcx.Result r = new Pcx().env("PCX_ENDPOINT", "http://127.0.0.1:9").env("PCX_ACCESS_TOKEN", "t").run(args);
        assertEquals(2, r.exit(), r::toString);
        assertEquals("pcx: invalid value for " + where + ": " + MALFORMED_MESSAGE + "; see '" + command + " --help'\n",
                r.err());
        assertEquals("", r.out());
    }
}
