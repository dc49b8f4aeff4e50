package dev.pcx.cli;

import java.time.Duration;
import java.util.Map;

/**
 * The global options of one command line, as plain values (flags already combined with their
 * variables): what a {@link Context} is built from. In {@code pcx shell} each line has its own.
 */
public record GlobalOptions(String output, String jq, String profile, String cloud, String endpoint, String authority,
                            String graphEndpoint, String armEndpoint, boolean sandbox, boolean debug, boolean noColor,
                            Duration timeout, String locale) {

    /**
     * The output format asked for: {@code -o} ({@link #output}, as given on the command line),
     * else {@code PCX_OUTPUT}, else null. A variable is a default and {@code --jq} on the command
     * line a request: with {@code --jq}, a {@code PCX_OUTPUT} that is not JSON ({@code csv} set for
     * a whole CI job, say) gives way to JSON instead of failing the command.
     */
    public String format(Map<String, String> env) {
        if (output != null) {
            return output;
        }
        String variable = PcxCommand.blankToNull(env.get("PCX_OUTPUT"));
        if (variable != null && jq != null && !variable.equalsIgnoreCase("json") && !variable.equalsIgnoreCase("jsonl")) {
            return null;
        }
        return variable;
    }

    static GlobalOptions of(PcxCommand root) {
        return new GlobalOptions(PcxCommand.blankToNull(root.output), root.jq, root.profile(), root.cloud, root.endpoint(), root.authority(),
                root.graphEndpoint(), root.armEndpoint(), root.sandbox(), root.debug(), root.noColor(), root.timeout,
                root.locale);
    }
}
