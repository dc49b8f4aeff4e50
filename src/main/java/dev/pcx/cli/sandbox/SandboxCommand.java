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
        },
        subcommands = {SandboxServe.class, SandboxReset.class, SandboxApprove.class, SandboxIncident.class})
public final class SandboxCommand extends NounCommand {
}
