package dev.pcx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** "Did you mean": the closest names to a mistyped command or option. */
final class Suggestions {
    private Suggestions() {
    }

    static String unknownCommand(String word, CommandLine parent) {
        String closest = closest(word, parent.getSubcommands().keySet());
        return "unknown command '" + word + "' for '" + parent.getCommandSpec().qualifiedName() + "'"
                + (closest == null ? " (it takes: " + String.join(", ", visible(parent)) + ")"
                : " (did you mean '" + parent.getCommandSpec().qualifiedName() + " " + closest + "'?)");
    }

    static String unknownOption(String word, CommandLine cmd) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        List<String> names = new ArrayList<>();
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            if (!o.hidden()) {
                names.addAll(List.of(o.names()));
            }
        }
        String closest = closest(name, names);
        if (closest == null && names.contains(FROM_OTHER_TOOLS.get(name))) {
            closest = FROM_OTHER_TOOLS.get(name);
        }
        return "unknown option '" + name + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)");
    }

    /** What the same thing is called in the tools people come from (az's --query, kubectl's --output=jsonpath). */
    private static final Map<String, String> FROM_OTHER_TOOLS = Map.of(
            "--query", "--jq",
            "--filter", "--jq",
            "--method", "-X",
            "--format", "--output");

    private static List<String> visible(CommandLine parent) {
        List<String> names = new ArrayList<>();
        parent.getSubcommands().forEach((n, c) -> {
            if (!c.getCommandSpec().usageMessage().hidden() && !names.contains(c.getCommandName())) {
                names.add(c.getCommandName());
            }
        });
        return names;
    }

    /** The candidate within a small edit distance of {@code word} (or that it abbreviates), or null. */
    static String closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = lc.startsWith(w) && w.length() >= 3 ? 1 : distance(w, lc);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, w.replace("-", "").length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * A customer given where {@code -c} was left out ({@code pcx services list contoso.partner.onmschina.cn}):
     * picocli's "missing --customer" becomes one that says "did you mean -c ...". Other errors stay as they are.
     */
    static CommandLine.ParameterException positionalCustomer(CommandLine.ParameterException ex, String[] args) {
        CommandLine.ParameterException method = methodFirst(ex, args);
        if (method != ex) {
            return method;
        }
        if (!(ex instanceof CommandLine.MissingParameterException missing) || args == null
                || missing.getMissing().stream().noneMatch(a -> a instanceof OptionSpec o && "--customer".equals(o.longestName()))) {
            return ex;
        }
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        boolean positionals = !spec.positionalParameters().isEmpty();
        Set<String> path = new HashSet<>(List.of(spec.qualifiedName().split(" ")));
        for (int i = 0; i < args.length; i++) {
            String w = args[i];
            if (w.startsWith("-") || path.contains(w)) {
                continue;
            }
            OptionSpec before = i == 0 ? null : spec.findOption(args[i - 1]);
            if (before != null && before.arity().max > 0) {
                continue; // an option's value
            }
            boolean looksLikeOne;
            try {
                looksLikeOne = CustomerResolver.kind(w) != CustomerResolver.Kind.NAME || !positionals;
            } catch (CliException notOne) {
                looksLikeOne = false;
            }
            if (looksLikeOne) {
                return new CommandLine.ParameterException(ex.getCommandLine(), "missing -c/--customer CUSTOMER (did you "
                        + "mean '-c " + w + "'?)", ex);
            }
        }
        return ex;
    }

    /** {@code pcx api GET /v1/customers}, as curl and gh are not typed: "did you mean 'pcx api -X GET /v1/customers'". */
    private static CommandLine.ParameterException methodFirst(CommandLine.ParameterException ex, String[] args) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException) || args == null
                || !"api".equals(ex.getCommandLine().getCommandName())) {
            return ex;
        }
        for (int i = 0; i + 1 < args.length; i++) {
            String w = args[i].toUpperCase(Locale.ROOT);
            if (List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD").contains(w) && args[i + 1].startsWith("/")) {
                return new CommandLine.ParameterException(ex.getCommandLine(), "unexpected argument '" + args[i + 1]
                        + "' (did you mean 'pcx api -X " + w + " " + args[i + 1] + "'?)", ex);
            }
        }
        return ex;
    }

    /**
     * A bad value that came from the environment ({@code PCX_TIMEOUT=abc}) names the variable, not
     * an option the person never typed.
     */
    static CommandLine.ParameterException fromEnvironment(CommandLine.ParameterException ex, String[] args,
                                                          Map<String, String> env) {
        if (!(ex.getArgSpec() instanceof OptionSpec o) || ex.getMessage() == null || args == null) {
            return ex;
        }
        String variable = EnvDefaults.VARIABLES.get(o.longestName());
        if (variable == null || env.get(variable) == null) {
            return ex;
        }
        for (String a : args) {
            for (String n : o.names()) {
                if (a.equals(n) || a.startsWith(n + "=") || n.length() == 2 && a.startsWith(n) && !a.startsWith("--")) {
                    return ex; // typed on the command line
                }
            }
        }
        String message = ex.getMessage().replace("option '" + o.longestName() + "'", variable + " (the environment's "
                + o.longestName() + ")");
        return message.equals(ex.getMessage()) ? ex : new CommandLine.ParameterException(ex.getCommandLine(), message, ex,
                o, env.get(variable));
    }
}
