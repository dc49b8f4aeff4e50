package dev.pcx.cli;

import dev.pcx.cli.auth.AuthCommand;
import dev.pcx.cli.customers.CustomersCommand;
import dev.pcx.cli.health.HealthCommand;
import dev.pcx.cli.sandbox.SandboxCommand;
import dev.pcx.cli.sandbox.SandboxIncident;
import dev.pcx.cli.services.ServicesCommand;
import dev.pcx.cli.shell.ShellCommand;
import dev.pcx.cli.tickets.TicketsCommand;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * Every command of pcx and the commands under it, in the order help lists them, each under the
 * name its {@code @Command} declares (a test holds them to it). picocli would build the model of
 * every subcommand an annotation lists before parsing anything; {@link Cli} adds them from here
 * instead, only those a command line names (see {@link Cli#commandLine(Context, String[])}).
 */
final class CommandTree {
    static final Map<Class<?>, List<Map.Entry<String, Class<?>>>> CHILDREN = Map.of(
            PcxCommand.class, List.of(
                    entry("customers", CustomersCommand.class),
                    entry("services", ServicesCommand.class),
                    entry("health", HealthCommand.class),
                    entry("tickets", TicketsCommand.class),
                    entry("auth", AuthCommand.class),
                    entry("sandbox", SandboxCommand.class),
                    entry("api", ApiCommand.class),
                    entry("shell", ShellCommand.class),
                    entry("completion", CompletionCommand.class),
                    entry("version", VersionCommand.class),
                    entry("help", HelpCommand.class)),
            CustomersCommand.class, CustomersCommand.VERBS,
            ServicesCommand.class, ServicesCommand.VERBS,
            HealthCommand.class, HealthCommand.VERBS,
            TicketsCommand.class, TicketsCommand.VERBS,
            AuthCommand.class, AuthCommand.VERBS,
            SandboxCommand.class, SandboxCommand.VERBS,
            SandboxIncident.class, SandboxIncident.VERBS);

    /** Commands that need the whole tree whatever follows them: they show or complete any command. */
    static final Set<Class<?>> WHOLE_TREE = Set.of(HelpCommand.class, CompletionCommand.class, ShellCommand.class);

    private CommandTree() {
    }

    static List<Map.Entry<String, Class<?>>> children(Class<?> command) {
        return CHILDREN.getOrDefault(command, List.of());
    }
}
