package dev.pcx.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shell completion scripts generated from the command tree: bash (which zsh runs through
 * bashcompinit, as the script sets up itself) and fish. Commands, options and the values of
 * enumerated options complete; file options complete file names; {@code --profile} and
 * {@code auth switch} complete the profiles signed in on this machine (asked of
 * {@code pcx auth status --offline}); {@code help} completes the commands.
 */
public final class CompletionScripts {
    /** Profile names, from the local state only (no call). */
    private static final String PROFILES = "pcx auth status --offline -o tsv 2>/dev/null | cut -f1";

    private CompletionScripts() {
    }

    public static String bash(CommandLine root) {
        String script = AutoComplete.bash("pcx", root);
        String noValues = "    '--profile')\n      return\n      ;;";
        String profiles = "    '--profile')\n      local IFS=$'\\n'\n"
                + "      COMPREPLY=( $(compgen -W \"$(_pcx_profiles)\" -- \"${curr_word}\") )\n"
                + "      return $?\n      ;;";
        script = script.replace(noValues, profiles);
        script = positionals(script, "_picocli_pcx_auth_switch", "$(_pcx_profiles)");
        script = positionals(script, "_picocli_pcx_help", String.join("\n", commandNames(root)));
        String register = "complete -F _complete_pcx";
        int at = script.lastIndexOf(register);
        if (at < 0) {
            throw new IllegalStateException("picocli's bash script changed: no '" + register + "'");
        }
        return script.substring(0, at) + "# The profiles signed in on this machine (local state only, no call).\n"
                + "function _pcx_profiles() {\n  " + PROFILES + " | grep -v '^('\n}\n\n" + script.substring(at);
    }

    /** The positional values the function {@code function} of picocli's bash script completes. */
    private static String positionals(String script, String function, String values) {
        int at = script.indexOf("function " + function + "() {");
        String none = "local positionals=\"\"";
        int p = at < 0 ? -1 : script.indexOf(none, at);
        int next = at < 0 ? -1 : script.indexOf("\nfunction ", at + 1);
        if (p < 0 || next >= 0 && p > next) {
            throw new IllegalStateException("picocli's bash script changed: no positionals in " + function);
        }
        return script.substring(0, p) + "local positionals=\"" + values + "\"" + script.substring(p + none.length());
    }

    private static List<String> commandNames(CommandLine root) {
        List<String> names = new ArrayList<>();
        root.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return names;
    }

    public static String fish(CommandLine root) {
        StringBuilder sb = new StringBuilder();
        sb.append("# fish completion for pcx, generated from its command tree.\n")
                .append("# Install: pcx completion fish > ~/.config/fish/completions/pcx.fish\n\n")
                .append("complete -c pcx -f\n");
        for (OptionSpec o : root.getCommandSpec().options()) {
            option(sb, o, null);
        }
        commands(sb, root, List.of());
        sb.append("complete -c pcx -n '__fish_seen_subcommand_from auth; and __fish_seen_subcommand_from switch' -a '(")
                .append(PROFILES).append(" | string match -v \"(*\")'\n");
        sb.append("complete -c pcx -n '__fish_seen_subcommand_from help' -a '")
                .append(String.join(" ", commandNames(root))).append("'\n");
        return sb.toString();
    }

    private static void commands(StringBuilder sb, CommandLine cmd, List<String> path) {
        for (var e : cmd.getSubcommands().entrySet()) {
            CommandLine sub = e.getValue();
            if (!e.getKey().equals(sub.getCommandName()) || sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            String name = e.getKey();
            sb.append("complete -c pcx -n '").append(at(cmd, path)).append("' -a ").append(name)
                    .append(" -d '").append(quote(summary(sub.getCommandSpec()))).append("'\n");
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (!o.inherited()) {
                    option(sb, o, "__fish_seen_subcommand_from " + String.join("; and __fish_seen_subcommand_from ",
                            subPath));
                }
            }
            commands(sb, sub, subPath);
        }
    }

    /** True while the words typed so far are exactly {@code path} (no verb of {@code cmd} yet). */
    private static String at(CommandLine cmd, List<String> path) {
        List<String> verbs = new ArrayList<>(cmd.getSubcommands().keySet());
        String none = "not __fish_seen_subcommand_from " + String.join(" ", verbs);
        if (path.isEmpty()) {
            return "__fish_use_subcommand";
        }
        return "__fish_seen_subcommand_from " + String.join("; and __fish_seen_subcommand_from ", path) + "; and " + none;
    }

    private static void option(StringBuilder sb, OptionSpec o, String condition) {
        if (o.hidden()) {
            return;
        }
        sb.append("complete -c pcx");
        if (condition != null) {
            sb.append(" -n '").append(condition).append("'");
        }
        for (String n : o.names()) {
            if (n.startsWith("--")) {
                sb.append(" -l ").append(n.substring(2));
            } else if (n.startsWith("-") && n.length() == 2) {
                sb.append(" -s ").append(n.substring(1));
            }
        }
        if (o.arity().max > 0) {
            Class<?> type = o.type();
            if (type == File.class || type == Path.class) {
                sb.append(" -r -F");
            } else if (o.longestName().equals("--profile")) {
                sb.append(" -r -a '(").append(PROFILES).append(" | string match -v \"(*\")'");
            } else if (o.completionCandidates() != null) {
                List<String> values = new ArrayList<>();
                o.completionCandidates().forEach(values::add);
                sb.append(" -r -a '").append(quote(String.join(" ", values))).append("'");
            } else {
                sb.append(" -r");
            }
        }
        String[] d = o.description();
        if (d.length > 0) {
            sb.append(" -d '").append(quote(firstSentence(d[0]))).append("'");
        }
        sb.append('\n');
    }

    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return header.length > 0 ? firstSentence(header[0]) : "";
    }

    private static String firstSentence(String s) {
        String t = s.replaceAll("\\$\\{[A-Z-]+}", "").strip();
        int dot = t.indexOf(". ");
        t = dot > 0 ? t.substring(0, dot) : t;
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
