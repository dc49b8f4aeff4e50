package dev.pcx.cli;

import picocli.CommandLine.Option;

/** {@code --parallel N}: how many customers a command across every customer works on at once. */
public final class ParallelOption {
    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
            description = "Customers worked on at once, 1 to 64 (default: ${DEFAULT-VALUE})")
    int parallel;

    /** The value, checked: 1 to 64, else a usage error before any call. */
    public int value() {
        if (parallel < 1 || parallel > 64) {
            throw CliException.usage("--parallel must be from 1 to 64");
        }
        return parallel;
    }
}
