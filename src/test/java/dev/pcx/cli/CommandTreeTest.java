package dev.pcx.cli;

import dev.pcx.api.Sleeper;
import dev.pcx.testing.Pcx;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pcx builds only the branch of the command tree a command line names (start-up time): which
 * branch that is, and that what the user sees is the same as with the whole tree.
 */
class CommandTreeTest {
    @TempDir
    Path config;

    private static Context context() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        return new Context(io, Map.of(), Sleeper.SYSTEM, System::nanoTime);
    }

    private static Class<?> branch(String... args) {
        try (Context c = context()) {
            return Cli.branch(new CommandLine(PcxCommand.class).getCommandSpec(), args);
        }
    }

    @Test
    void theCommandNamedIsTheOnlyBranchBuiltWhateverGlobalOptionsComeBeforeIt() {
        assertEquals(dev.pcx.cli.customers.CustomersCommand.class, branch("customers", "list"));
        assertEquals(dev.pcx.cli.customers.CustomersCommand.class, branch("-o", "json", "customers", "list"));
        assertEquals(dev.pcx.cli.customers.CustomersCommand.class, branch("--output=json", "customers"));
        // an option's parameter named like a command is the parameter: pcx --profile sandbox customers list
        assertEquals(dev.pcx.cli.customers.CustomersCommand.class, branch("--profile", "sandbox", "customers", "list"));
        assertEquals(dev.pcx.cli.sandbox.SandboxCommand.class, branch("--sandbox", "sandbox", "reset"));
        assertEquals(dev.pcx.cli.services.ServicesCommand.class, branch("--debug", "--timeout", "5s", "services", "list"));
        assertEquals(ApiCommand.class, branch("api", "GET", "/v1/customers"));
        assertEquals(PcxCommand.class, branch("--version"), "--version needs pcx alone");
    }

    @Test
    void anythingUnclearBuildsTheWholeTreeSoMessagesAndSuggestionsAreThoseOfTheWholeTree() {
        assertNull(branch(), "bare pcx lists every command");
        assertNull(branch("--help"));
        assertNull(branch("customer", "list"), "a typo: the suggestion needs every name");
        assertNull(branch("-ojson", "customers"), "an option pcx does not know as written");
        assertNull(branch("--", "customers"));
        assertNull(branch("help", "customers"));
        assertNull(branch("completion", "bash"));
        assertNull(branch("shell"));
        assertNull(branch("--no-such-flag", "customers"));
    }

    @Test
    void everyCommandIsListedUnderTheNameItsClassDeclares() {
        for (var entry : PcxCommand.COMMANDS) {
            CommandLine.Command annotation = entry.getValue().getAnnotation(CommandLine.Command.class);
            assertEquals(entry.getKey(), annotation.name(), entry.getValue().getName());
            assertTrue(annotation.aliases().length == 0, "an alias would need a place in Cli.branch: " + entry.getKey());
        }
        try (Context c = context()) {
            assertEquals(PcxCommand.COMMANDS.stream().map(Map.Entry::getKey).toList(),
                    List.copyOf(Cli.commandLine(c).getSubcommands().keySet()));
        }
    }

    @Test
    void aBranchAloneGivesTheSameHelpAndErrorsAsTheWholeTree() {
        Pcx pcx = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result help = pcx.run("customers", "list", "--help");
        assertEquals(0, help.exit(), help::toString);
        assertTrue(help.out().contains("Usage: pcx customers list"), help.out());
        Pcx.Result whole = pcx.run("help", "customers", "list");
        assertEquals(whole.out(), help.out(), "help from the branch alone is the whole tree's");
        Pcx.Result typo = pcx.run("customers", "lst");
        assertEquals(2, typo.exit(), typo::toString);
        assertTrue(typo.err().contains("list"), "the suggestion comes from the branch: " + typo.err());
        Pcx.Result bad = pcx.run("customers", "list", "--no-such-flag");
        assertEquals(2, bad.exit(), bad::toString);
        Pcx.Result version = pcx.run("--version");
        assertEquals(0, version.exit(), version::toString);
        assertTrue(version.out().startsWith("pcx "), version.out());
        Pcx.Result rootTypo = pcx.run("custmers");
        assertEquals(2, rootTypo.exit(), rootTypo::toString);
        assertTrue(rootTypo.err().contains("customers"), rootTypo.err());
    }
}
