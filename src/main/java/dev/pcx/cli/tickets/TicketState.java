package dev.pcx.cli.tickets;

import dev.pcx.cli.Context;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --state DIR}: where the ticket ledger is kept (the hand-offs and what became of them,
 * and which request each {@code --key} named). By default {@code $PCX_TICKETS_STATE}, else
 * {@code $PCX_CONFIG_DIR/tickets}; a CI job points it at a directory its cache keeps, so a job
 * retried on a fresh runner finds the request its first attempt prepared.
 */
public final class TicketState {
    /** The environment variable that moves the ledger when {@code --state} is not given. */
    public static final String ENV = "PCX_TICKETS_STATE";

    @Option(names = "--state", paramLabel = "DIR",
            description = "The ticket ledger's directory (hand-offs, keys); default: $PCX_TICKETS_STATE, else "
                    + "$PCX_CONFIG_DIR/tickets. A CI job keeps it in its cache")
    String dir;

    /** The ledger's directory for this run. */
    Path ledger(Context context) {
        String d = dir != null && !dir.isBlank() ? dir : context.env().get(ENV);
        return d != null && !d.isBlank() ? Path.of(d.trim()) : context.session().configDir().resolve("tickets");
    }
}
