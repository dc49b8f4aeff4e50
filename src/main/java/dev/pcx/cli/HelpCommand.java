package dev.pcx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pcx help [<noun> [<verb>]]}: the help of exactly the command named, at any depth
 * ({@code pcx help services set} is {@code pcx services set --help}).
 */
@Command(name = "help", helpCommand = true,
        header = "Show the help of a command: pcx help services set is pcx services set --help.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx help",
            "  pcx help services set"
        })
public final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<command>", arity = "0..*", description = "The command: a noun and a verb")
    List<String> path;

    @Override
    public Integer call() {
        CommandLine cmd = spec.root().commandLine();
        for (String word : path == null ? List.<String>of() : path) {
            CommandLine sub = cmd.getSubcommands().get(word);
            if (sub == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), Suggestions.unknownCommand(word, cmd));
            }
            cmd = sub;
        }
        cmd.usage(spec.commandLine().getOut());
        return 0;
    }
}
