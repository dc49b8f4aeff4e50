package dev.pcx.cli;

import java.time.Duration;

/**
 * The global options of one command line, as plain values (flags already combined with their
 * variables): what a {@link Context} is built from. In {@code pcx shell} each line has its own.
 */
public record GlobalOptions(String output, String jq, String profile, String cloud, String endpoint, String authority,
                            String graphEndpoint, String armEndpoint, boolean sandbox, boolean debug, boolean noColor,
                            Duration timeout, String locale) {

    static GlobalOptions of(PcxCommand root) {
        return new GlobalOptions(root.output(), root.jq, root.profile(), root.cloud, root.endpoint(), root.authority(),
                root.graphEndpoint(), root.armEndpoint(), root.sandbox(), root.debug(), root.noColor(), root.timeout,
                root.locale);
    }
}
