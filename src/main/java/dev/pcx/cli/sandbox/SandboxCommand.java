package dev.pcx.cli.sandbox;

import dev.pcx.cli.NounCommand;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

/** {@code pcx sandbox}: the local emulator of Partner Center. */
@Command(name = "sandbox",
        header = "Run a local emulator of Partner Center, to try pcx and test scripts without a tenant.",
        description = {
            "The sandbox speaks the Partner Center REST contract on loopback, with deterministic Chinese and "
                    + "English customers. Any pcx command runs against an in-process sandbox with --sandbox; "
                    + "'pcx sandbox serve' runs one standalone for scripts and CI; 'pcx sandbox webhook' receives "
                    + "chat-webhook posts as Teams, Slack, DingTalk, WeCom or Feishu answer them."
        })
public final class SandboxCommand extends NounCommand {
    /** The commands under this one, in the order help lists them (added by {@code Cli}, only those a command line names). */
    public static final List<Map.Entry<String, Class<?>>> VERBS = List.of(
            Map.entry("serve", SandboxServe.class),
            Map.entry("reset", SandboxReset.class),
            Map.entry("approve", SandboxApprove.class),
            Map.entry("incident", SandboxIncident.class),
            Map.entry("webhook", SandboxWebhook.class));
}
