package dev.pcx.cli.services;

import dev.pcx.api.SubscriptionUpdater;
import dev.pcx.cli.CliException;
import dev.pcx.cli.DurationConverter;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options every change shares. */
final class ChangeOptions {
    @Option(names = "--dry-run", description = "Show what would be sent, and send nothing")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation (needed without a terminal to suspend)")
    boolean yes;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to watch a change Partner Center accepted (202) for it to apply (default: 5m)")
    Duration wait;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "At most N subscriptions changed at once (default: ${DEFAULT-VALUE}; 1 to 16)")
    int parallel;

    Duration waitOrDefault() {
        return wait == null ? SubscriptionUpdater.DEFAULT_WAIT : wait;
    }

    int checkedParallel() {
        if (parallel < 1 || parallel > 16) {
            throw CliException.usage("--parallel must be from 1 to 16");
        }
        return parallel;
    }
}
