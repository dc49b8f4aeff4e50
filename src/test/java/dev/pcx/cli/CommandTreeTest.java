package dev.pcx.cli;

import dev.pcx.api.Sleeper;
import dev.pcx.testing.Pcx;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pcx builds only the commands a command line names, level by level (start-up time): which ones
 * those are, and that what the user sees is the same as with the whole tree.
 */
class CommandTreeTest {
    @TempDir
    Path config;

    private static Context context() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        return new Context(io, Map.of(), Sleeper.SYSTEM, System::nanoTime);
    }

    /** The commands built for {@code args}, as paths: "services", "services list". */
    private static Set<String> built(String... args) {
        try (Context c = context()) {
            Set<String> paths = new TreeSet<>();
            collect(Cli.commandLine(c, args), "", paths);
            return paths;
        }
    }

    private static void collect(CommandLine cmd, String prefix, Set<String> paths) {
        for (var sub : cmd.getSubcommands().entrySet()) {
            String path = prefix.isEmpty() ? sub.getKey() : prefix + " " + sub.getKey();
            paths.add(path);
            collect(sub.getValue(), path, paths);
        }
    }

    private static Set<String> all() {
        return built((String[]) null);
    }

    @Test
    void theCommandNamedIsTheOnlyOneBuiltAtEachLevelWhateverOptionsComeBeforeIt() {
        assertEquals(Set.of("customers", "customers list"), built("customers", "list"));
        assertEquals(Set.of("customers", "customers list"), built("-o", "json", "customers", "list", "--all"));
        assertEquals(Set.of("customers", "customers show"), built("--output=json", "customers", "show", "x"));
        // an option's parameter named like a command is the parameter: pcx --profile sandbox customers list
        assertEquals(Set.of("customers", "customers list"), built("--profile", "sandbox", "customers", "list"));
        assertEquals(Set.of("services", "services list"),
                built("--debug", "--timeout", "5s", "services", "--jq", ".id", "list", "-c", "x"));
        assertEquals(Set.of("health", "health affected"), built("health", "affected", "--parallel", "8"));
        // a noun's own option with a parameter named like a verb, before the verb
        assertEquals(Set.of("health", "health show"), built("health", "-c", "show", "show"));
        assertEquals(Set.of("sandbox", "sandbox incident", "sandbox incident start"),
                built("--sandbox", "sandbox", "incident", "start", "--service", "Exchange"));
        assertEquals(Set.of("api"), built("api", "GET", "/v1/customers"));
        assertEquals(Set.of(), built("--version"), "--version needs pcx alone");
    }

    @Test
    void anythingUnclearBuildsEveryCommandOfThatLevelSoMessagesAndSuggestionsAreTheWholeTrees() {
        Set<String> all = all();
        assertTrue(all.contains("services apply") && all.contains("sandbox incident resolve"), all.toString());
        assertEquals(all, built(), "bare pcx lists every command");
        assertEquals(all, built("--help"));
        assertEquals(all, built("customer", "list"), "a typo: the suggestion needs every name");
        assertEquals(all, built("-ojson", "customers"), "an option written in a way the walk does not follow");
        assertEquals(all, built("--", "customers"));
        assertEquals(all, built("help", "customers"));
        assertEquals(all, built("completion", "bash"));
        assertEquals(all, built("shell"));
        assertEquals(all, built("--no-such-flag", "customers"));
        Set<String> services = new TreeSet<>(all);
        services.removeIf(p -> !p.startsWith("services"));
        assertEquals(services, built("services"), "a bare noun lists its verbs");
        assertEquals(services, built("services", "--help"));
        assertEquals(services, built("services", "lst"), "a typo in the verb");
        assertEquals(services, built("services", "--version"));
    }

    @Test
    void everyCommandIsListedUnderTheNameItsClassDeclaresAndNoAnnotationListsSubcommands() {
        Set<Class<?>> listed = new HashSet<>();
        for (var level : CommandTree.CHILDREN.entrySet()) {
            assertEquals(0, level.getKey().getAnnotation(CommandLine.Command.class).subcommands().length,
                    level.getKey().getName() + ": picocli would build every subcommand an annotation lists");
            for (var entry : level.getValue()) {
                CommandLine.Command annotation = entry.getValue().getAnnotation(CommandLine.Command.class);
                assertEquals(entry.getKey(), annotation.name(), entry.getValue().getName());
                assertEquals(0, annotation.aliases().length, "an alias would need a place in Cli.named: " + entry.getKey());
                assertEquals(0, annotation.subcommands().length, entry.getValue().getName());
                assertTrue(listed.add(entry.getValue()), "listed twice: " + entry.getValue());
            }
        }
        try (Context c = context()) {
            assertEquals(CommandTree.children(PcxCommand.class).stream().map(Map.Entry::getKey).toList(),
                    List.copyOf(Cli.commandLine(c).getSubcommands().keySet()));
        }
    }

    @Test
    void thePathAloneGivesTheSameHelpAndErrorsAsTheWholeTree() {
        Pcx pcx = new Pcx().env("PCX_CONFIG_DIR", config.toString());
        Pcx.Result help = pcx.run("services", "set", "--help");
        assertEquals(0, help.exit(), help::toString);
        assertTrue(help.out().contains("Usage: pcx services set"), help.out());
        Pcx.Result whole = pcx.run("help", "services", "set");
        assertEquals(whole.out(), help.out(), "help from the path alone is the whole tree's");
        Pcx.Result typo = pcx.run("customers", "lst");
        assertEquals(2, typo.exit(), typo::toString);
        assertTrue(typo.err().contains("list"), "the suggestion names the verb: " + typo.err());
        for (String[] args : List.of(new String[] {"customers", "list", "--no-such-flag"},
                new String[] {"services", "set", "-c"}, new String[] {"customers", "show"},
                new String[] {"tickets", "list", "--status", "bogus"})) {
            assertEquals(whole(args), path(args), "as the whole tree says it: " + String.join(" ", args));
        }
        // --version through picocli, not the launcher's shortcut (Main.run answers a lone --version itself)
        String[] version = {"--debug", "--version"};
        assertEquals(whole(version), path(version));
        assertTrue(path(version).startsWith("0 pcx "), path(version));
        Pcx.Result rootTypo = pcx.run("custmers");
        assertEquals(2, rootTypo.exit(), rootTypo::toString);
        assertTrue(rootTypo.err().contains("customers"), rootTypo.err());
    }

    /** Exit code, stdout and stderr of {@code args} run on the tree built for them, as pcx runs. */
    private static String path(String... args) {
        return runOn(args, false);
    }

    /** The same on the whole tree. */
    private static String whole(String... args) {
        return runOn(args, true);
    }

    private static String runOn(String[] args, boolean whole) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(InputStream.nullInputStream(), new PrintStream(out, true), new PrintStream(err, true), false, false,
                false, () -> 80);
        try (Context c = new Context(io, Map.of(), Sleeper.SYSTEM, System::nanoTime)) {
            int code = whole ? Cli.commandLine(c).execute(args) : Cli.execute(c, args);
            return code + " " + out + "\n---\n" + err;
        }
    }
}
