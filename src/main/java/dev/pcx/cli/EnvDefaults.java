package dev.pcx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Global options read their defaults from the environment, so CI can set them once:
 * {@code PCX_PROFILE}, {@code PCX_CLOUD}, {@code PCX_ENDPOINT},
 * {@code PCX_AUTHORITY}, {@code PCX_GRAPH_ENDPOINT}, {@code PCX_ARM_ENDPOINT}, {@code PCX_TIMEOUT}, {@code PCX_LOCALE},
 * {@code PCX_DEBUG}, {@code PCX_SANDBOX} and {@code NO_COLOR} ({@code PCX_OUTPUT}: {@link GlobalOptions#format});
 * {@code PCX_CUSTOMER} is every command's {@code -c/--customer} unless given.
 * A flag on the command line still wins.
 */
final class EnvDefaults implements CommandLine.IDefaultValueProvider {
    static final Map<String, String> VARIABLES = Map.ofEntries(
            Map.entry("--profile", "PCX_PROFILE"),
            Map.entry("--cloud", "PCX_CLOUD"),
            Map.entry("--endpoint", "PCX_ENDPOINT"),
            Map.entry("--authority", "PCX_AUTHORITY"),
            Map.entry("--graph-endpoint", "PCX_GRAPH_ENDPOINT"),
            Map.entry("--arm-endpoint", "PCX_ARM_ENDPOINT"),
            Map.entry("--timeout", "PCX_TIMEOUT"),
            Map.entry("--locale", "PCX_LOCALE"),
            Map.entry("--debug", "PCX_DEBUG"),
            Map.entry("--sandbox", "PCX_SANDBOX"),
            Map.entry("--no-color", "NO_COLOR"),
            // every command's -c/--customer: the customer a CI job or a terminal works on
            Map.entry("--customer", "PCX_CUSTOMER"));

    private final Map<String, String> env;

    EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        if (variable == null) {
            return null;
        }
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (option.typeInfo().isBoolean()) {
            return null; // read by PcxCommand: a default of true would make the flag turn itself off
        }
        return value;
    }

    /**
     * Whether a flag's variable turns it on: NO_COLOR present and not empty means on
     * (no-color.org); PCX_DEBUG=0, false or no means off.
     */
    static boolean on(Map<String, String> env, String variable) {
        String value = env.get(variable);
        return value != null && !value.isEmpty()
                && !(value.equals("0") || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no"));
    }
}
