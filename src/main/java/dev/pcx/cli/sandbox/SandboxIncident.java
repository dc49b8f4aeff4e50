package dev.pcx.cli.sandbox;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code pcx sandbox incident}: drive the sandbox's service-health issues. */
@Command(name = "incident",
        header = "Start, update and resolve service-health issues in the sandbox, for demos and scripts.",
        description = "Issues are kept in the sandbox's state file: a standalone 'pcx sandbox serve' on the same "
                + "file and later 'pcx --sandbox' runs serve them at once, to every tenant with the service or to "
                + "the customers named.")
public final class SandboxIncident extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final java.util.List<java.util.Map.Entry<String, Class<?>>> VERBS = java.util.List.of(
            java.util.Map.entry("start", IncidentStart.class),
            java.util.Map.entry("update", IncidentUpdate.class),
            java.util.Map.entry("resolve", IncidentResolve.class));
}
