package dev.pcx.cli.sandbox;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code pcx sandbox incident}: drive the sandbox's service-health issues. */
@Command(name = "incident",
        header = "Start, update and resolve service-health issues in the sandbox, for demos and scripts.",
        description = "Issues are kept in the sandbox's state file: a standalone 'pcx sandbox serve' on the same "
                + "file and later 'pcx --sandbox' runs serve them at once, to every tenant with the service or to "
                + "the customers named.",
        subcommands = {IncidentStart.class, IncidentUpdate.class, IncidentResolve.class})
public final class SandboxIncident extends NounCommand {
}
