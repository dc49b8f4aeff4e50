package dev.pcx.cli;

import picocli.CommandLine;

import java.lang.reflect.Constructor;

/** Builds the picocli command tree for one invocation, with pcx's factory, defaults and error handling. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(Context context) {
        CommandLine cmd = new CommandLine(PcxCommand.class, new Factory(context));
        context.bind(cmd.getCommand());
        Errors errors = new Errors(context);
        cmd.setDefaultValueProvider(new EnvDefaults(context.env()))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setOut(new java.io.PrintWriter(context.io().out(), true))
                .setErr(new java.io.PrintWriter(context.io().err(), true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAbbreviatedOptionsAllowed(false);
        String[] rootFooter = cmd.getCommandSpec().usageMessage().footer();
        for (CommandLine sub : cmd.getSubcommands().values()) {
            compactHelp(sub, rootFooter);
        }
        return cmd;
    }

    /**
     * Help of a subcommand shows its own options; the global ones, which every command inherits
     * from {@code pcx}, are named on one line instead of repeated in full, and the exit codes
     * stay on {@code pcx --help} and the man page.
     */
    private static void compactHelp(CommandLine cmd, String[] rootFooter) {
        var usage = cmd.getCommandSpec().usageMessage();
        if (java.util.Arrays.equals(usage.footer(), rootFooter)) {
            // inherited from pcx (scope INHERIT): the environment and examples belong to 'pcx --help'
            usage.footer(new String[0]);
            usage.footerHeading("");
        }
        usage.commandListHeading("%nCommands:%n");
        usage.abbreviateSynopsis(true);
        usage.exitCodeListHeading("");
        usage.exitCodeList(java.util.Map.of());
        usage.descriptionHeading("%n");
        usage.parameterListHeading("%n");
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        cmd.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, help -> {
            java.util.List<CommandLine.Model.OptionSpec> own = help.commandSpec().options().stream()
                    .filter(o -> !o.inherited() && !o.hidden() && !o.usageHelp() && !o.versionHelp())
                    .toList();
            String list = own.isEmpty() ? "" : String.format("%nOptions:%n") + help.optionListExcludingGroups(own);
            return list + String.format("%nGlobal options: -o/--output, --jq, --profile, --cloud, --endpoint,%n"
                    + "  --authority, --graph-endpoint, --sandbox, --debug, --no-color, --timeout,%n"
                    + "  --locale, -h/--help%n"
                    + "  (see 'pcx --help')%n");
        });
        for (CommandLine sub : cmd.getSubcommands().values()) {
            compactHelp(sub, rootFooter);
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
