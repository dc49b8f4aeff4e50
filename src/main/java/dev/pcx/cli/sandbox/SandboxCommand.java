package dev.pcx.cli.sandbox;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

/** {@code pcx sandbox}: the local emulator of Partner Center. */
@Command(name = "sandbox",
        header = "Run a local emulator of Partner Center, to try pcx and test scripts without a tenant.",
        description = {
            "The sandbox speaks the Partner Center REST contract on loopback, with deterministic Chinese and "
                    + "English customers. Any pcx command runs against an in-process sandbox with --sandbox; "
                    + "'pcx sandbox serve' runs one standalone for scripts and CI."
        })
public final class SandboxCommand extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final java.util.List<java.util.Map.Entry<String, Class<?>>> VERBS = java.util.List.of(
            java.util.Map.entry("serve", SandboxServe.class),
            java.util.Map.entry("reset", SandboxReset.class),
            java.util.Map.entry("approve", SandboxApprove.class),
            java.util.Map.entry("incident", SandboxIncident.class));
}
