package dev.pcx.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pcx completion bash|zsh|fish}: the completion script for a shell, on stdout. */
@Command(name = "completion",
        header = "Print the shell completion script for bash, zsh or fish.",
        description = "Commands, options, output formats, clouds, statuses and other enumerated values complete; "
                + "file options complete file names; --profile completes the profiles signed in on this machine.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(pcx completion bash)                 # bash, in ~/.bashrc",
            "  source <(pcx completion zsh)                  # zsh, in ~/.zshrc",
            "  pcx completion fish > ~/.config/fish/completions/pcx.fish"
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash, zsh or fish")
    String shell;

    /** The shells. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }

    @Override
    public Integer call() {
        var root = spec.root().commandLine();
        String script = switch (shell.trim().toLowerCase(Locale.ROOT)) {
            case "bash", "zsh" -> CompletionScripts.bash(root);
            case "fish" -> CompletionScripts.fish(root);
            default -> throw CliException.usage("no completion for '" + shell + "': use bash, zsh or fish");
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
