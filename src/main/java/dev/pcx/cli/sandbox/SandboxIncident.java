package dev.pcx.cli.sandbox;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code pcx sandbox incident}: drive the sandbox's service-health issues. */
@Command(name = "incident",
        header = "Start, update and resolve service-health issues in the sandbox, for demos and scripts.",
        description = "Issues are kept in the sandbox's state file: a standalone 'pcx sandbox serve' on the same "
                + "file and later 'pcx --sandbox' runs serve them at once, to every tenant with the service or to "
                + "the customers named.")
public final class SandboxIncident extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final List<Map.Entry<String, Class<?>>> VERBS = List.of(
            Map.entry("start", IncidentStart.class),
            Map.entry("update", IncidentUpdate.class),
            Map.entry("resolve", IncidentResolve.class));
}
