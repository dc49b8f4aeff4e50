package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import picocli.CommandLine.Option;

/**
 * {@code --replay-exit CODE}: the exit code of a hand-off shown again for its {@code --key}
 * instead of being prepared (default 8, as the first time: a person still has to submit it). A
 * CI job that pages on 8 gives {@code --replay-exit 0} so a retry does not page twice.
 */
final class ReplayExit {
    @Option(names = "--replay-exit", paramLabel = "CODE",
            description = "Exit code when the hand-off kept for --key is shown again instead of prepared "
                    + "(default: 8, as the first time); 0 lets a retried job skip paging. JSON says \"replayed\": true")
    Integer code;

    /** The code checked (0 to 125), or null for the default. */
    Integer checked() {
        if (code != null && (code < 0 || code > 125)) {
            throw CliException.usage("--replay-exit must be from 0 to 125");
        }
        return code;
    }
}
