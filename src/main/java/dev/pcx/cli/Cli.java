package dev.pcx.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds the picocli command tree for one invocation, with pcx's factory, defaults and error handling. */
public final class Cli {
    static {
        // Start-up, which picocli spends by default on what pcx never uses: a lookup of Groovy's
        // closure class, and of java.sql's and java.time's classes for built-in converters (every
        // Duration option of pcx names its own converter). Each lookup of a class the runtime
        // lacks reads pcx.jar's directory, and java.time's are initialised, formatters included.
        // A value given on the command line (-D in PCX_JAVA_OPTS) wins.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.(sql|time)\\..*");
        }
    }

    private Cli() {
    }

    /** The whole command tree: for help, completion, the shell's completion and the generated docs. */
    public static CommandLine commandLine(Context context) {
        return commandLine(context, null);
    }

    /**
     * The command tree {@code args} need: at each level, only the command they name when they
     * clearly name one ({@code services list …} builds {@code pcx}, {@code services} and
     * {@code list}, not the six other verbs), and {@code pcx} alone for {@code --version}; every
     * command of a level otherwise (help, completion, the shell, a bare noun, anything unclear or
     * wrong), so that every message and suggestion is what the whole tree gives. Building a
     * command's model is most of pcx's start-up: this keeps it to the path that runs.
     */
    public static CommandLine commandLine(Context context, String[] args) {
        CommandLine cmd = new CommandLine(PcxCommand.class, new Factory(context));
        grow(cmd, PcxCommand.class, args, 0);
        context.bind(cmd.getCommand());
        ((PcxCommand) cmd.getCommand()).env = context.env();
        Errors errors = new Errors(context);
        cmd.setDefaultValueProvider(new EnvDefaults(context.env()))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler((ex, a) -> errors.handleParseException(
                        Suggestions.fromEnvironment(Suggestions.positionalCustomer(ex, a), a, context.env()), a))
                .setOut(new PrintWriter(context.io().out(), true))
                .setErr(new PrintWriter(context.io().err(), true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAbbreviatedOptionsAllowed(false)
                // a profile may be named like a command: pcx --profile sandbox customers list
                .setAllowSubcommandsAsOptionParameters(true)
                // an argument starting with @ is an argument, never a file to read in its place
                .setExpandAtFiles(false)
                .setUsageHelpAutoWidth(false)
                .setUsageHelpWidth(helpWidth(context.io()))
                .setExecutionStrategy(parsed -> {
                    refuseEmptyValues(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                });
        // the commands first, then the global options: what a newcomer looks for comes before 30 lines of flags
        List<String> keys = new ArrayList<>(cmd.getHelpSectionKeys());
        List<String> commands = List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
        keys.removeAll(commands);
        keys.addAll(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING), commands);
        cmd.setHelpSectionKeys(keys);
        var root = cmd.getCommandSpec().usageMessage();
        if (root.optionListHeading() == null || root.optionListHeading().isBlank()) {
            root.optionListHeading("%nGlobal options:%n");
        }
        if (root.commandListHeading() != null && !root.commandListHeading().startsWith("%n")) {
            root.commandListHeading("%n" + root.commandListHeading());
        }
        verbatimExamples(cmd);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            compactHelp(sub, root);
        }
        return cmd;
    }

    /**
     * Adds the commands under {@code cmd} that {@code args} (from {@code from} on) need, and
     * theirs, recursively; all of them when {@code args} is null.
     */
    private static void grow(CommandLine cmd, Class<?> type, String[] args, int from) {
        int[] at = {from};
        Class<?> only = args == null ? null : named(cmd.getCommandSpec(), CommandTree.children(type), args, at);
        if (only == PcxCommand.class) {
            return; // --version: pcx alone
        }
        for (var child : CommandTree.children(type)) {
            if (only == null || only == child.getValue()) {
                cmd.addSubcommand(child.getKey(), child.getValue());
                grow(cmd.getSubcommands().get(child.getKey()), child.getValue(), only == null ? null : args, at[0] + 1);
            }
        }
    }

    /**
     * The command among {@code children} that {@code args} name next (from {@code at[0]} on),
     * its index left in {@code at}; {@link PcxCommand} itself for a bare {@code --version} at the
     * top; null for all of them. Options of {@code spec} are skipped with their parameters, as
     * picocli reads them; anything else before the name (a stray word, {@code --}, {@code --help},
     * an option written in a way this does not follow) means all of them.
     */
    static Class<?> named(CommandLine.Model.CommandSpec spec, List<Map.Entry<String, Class<?>>> children,
                          String[] args, int[] at) {
        boolean version = false;
        for (int i = at[0]; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("-") && !a.equals("-") && !a.equals("--")) {
                int eq = a.indexOf('=');
                CommandLine.Model.OptionSpec option = spec.findOption(eq > 0 && a.startsWith("--") ? a.substring(0, eq) : a);
                if (option == null || option.usageHelp()) {
                    return null;
                }
                version |= option.versionHelp();
                if (eq < 0 && option.arity().max() > 0) {
                    i++;
                }
                continue;
            }
            for (var child : children) {
                if (child.getKey().equals(a)) {
                    at[0] = i;
                    return CommandTree.WHOLE_TREE.contains(child.getValue()) ? null : child.getValue();
                }
            }
            return null;
        }
        return version && spec.parent() == null ? PcxCommand.class : null;
    }

    /**
     * An option given an empty (or blank) value on the command line is a usage error naming it: a
     * script's {@code -o "$FMT"} with {@code FMT} unset must not fall back to a default and exit 0.
     * No option of pcx means anything by an empty value. (Variables, PCX_OUTPUT and the like, are
     * defaults: an empty one is as if unset.)
     */
    static void refuseEmptyValues(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            for (CommandLine.Model.OptionSpec option : level.matchedOptions()) {
                if (option.arity().max() == 0) {
                    continue;
                }
                for (String value : option.originalStringValues()) {
                    if (value == null || value.isBlank()) {
                        throw new CommandLine.ParameterException(level.commandSpec().commandLine(),
                                String.join("/", option.names()) + " was given an empty value: give it one (an unset "
                                        + "variable in a script?), or leave the option out");
                    }
                }
            }
        }
    }

    /** Help prose fits the terminal it is shown on (80 columns elsewhere, within picocli's 55 to 160). */
    static int helpWidth(Io io) {
        int width = io.stdoutTty() ? io.terminalWidth() : 80;
        return Math.max(55, Math.min(160, width));
    }

    /**
     * Examples are shown as written, never wrapped: a wrapped example breaks when pasted. (They are
     * written to fit 80 columns, long ones with {@code \\} continuations; a test holds them to it.)
     */
    private static void verbatimExamples(CommandLine cmd) {
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            String[] lines = help.commandSpec().usageMessage().footer();
            StringBuilder sb = new StringBuilder();
            for (String line : lines) {
                sb.append(line.replace("%n", System.lineSeparator()).replace("%%", "%")).append(System.lineSeparator());
            }
            return sb.toString();
        });
        for (CommandLine sub : cmd.getSubcommands().values()) {
            verbatimExamples(sub);
        }
    }

    /**
     * Help of a subcommand shows its own options; the global ones, which every command inherits
     * from {@code pcx}, are named on one line instead of repeated in full, and the exit codes
     * stay on {@code pcx --help} and the man page.
     */
    private static void compactHelp(CommandLine cmd, CommandLine.Model.UsageMessageSpec root) {
        var usage = cmd.getCommandSpec().usageMessage();
        // inherited from pcx (scope INHERIT): pcx's description, environment and examples are pcx's own
        if (Arrays.equals(usage.footer(), root.footer())) {
            usage.footer(new String[0]);
            usage.footerHeading("");
        }
        if (Arrays.equals(usage.description(), root.description())) {
            usage.description(new String[0]);
        }
        if (Arrays.equals(usage.header(), root.header())) {
            usage.header(new String[0]);
        }
        usage.commandListHeading("%nCommands:%n");
        usage.abbreviateSynopsis(true);
        usage.exitCodeListHeading("");
        usage.exitCodeList(Map.of());
        usage.descriptionHeading("%n");
        usage.parameterListHeading("%n");
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> {
            List<CommandLine.Model.OptionSpec> own = help.commandSpec().options().stream()
                    .filter(o -> !o.inherited() && !o.hidden() && !o.usageHelp() && !o.versionHelp())
                    .toList();
            String list = own.isEmpty() ? "" : String.format("%nOptions:%n") + help.optionListExcludingGroups(own);
            // every option of pcx is global (scope INHERIT), named as pcx declares it; help last
            CommandLine.Model.CommandSpec pcx = help.commandSpec().root();
            String globals = Stream.concat(
                    pcx.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp() && !o.hidden()),
                    pcx.options().stream().filter(CommandLine.Model.OptionSpec::usageHelp))
                    .map(o -> String.join("/", o.names()))
                    .collect(Collectors.joining(", "));
            return list + String.format("%n") + wrap("Global options: " + globals + " (see 'pcx --help')",
                    help.commandSpec().usageMessage().width());
        });
        for (CommandLine sub : cmd.getSubcommands().values()) {
            compactHelp(sub, root);
        }
    }

    /** {@code text} wrapped at spaces to {@code width} columns, continuation lines indented by two. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append(System.lineSeparator());
                line.setLength(0);
                line.append("  ");
            }
            if (!line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append(System.lineSeparator()).toString();
    }

    /**
     * Runs one command line in {@code context} and returns its exit code, any failure reported as
     * pcx reports it; stdout is flushed. What {@code pcx} does once, and {@code pcx shell} per line.
     */
    public static int execute(Context context, String... args) {
        try {
            return commandLine(context, args).execute(args);
        } catch (Throwable t) {
            return report(context, t);
        } finally {
            context.io().out().flush();
        }
    }

    /** Reports a failure that escaped picocli (an Error, say) the same way as any other. */
    public static int report(Context context, Throwable t) {
        return new Errors(context).report(t);
    }

    /** Gives a command class a {@link Context} when its constructor asks for one. */
    private static final class Factory implements CommandLine.IFactory {
        private final Context context;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(Context context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> withContext = cls.getDeclaredConstructor(Context.class);
                withContext.setAccessible(true);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException none) {
                return fallback.create(cls);
            }
        }
    }
}
