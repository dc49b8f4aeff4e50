package dev.pcx.cli.sandbox;

import dev.pcx.auth.ProfileStore;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.sandbox.SandboxServer;
import dev.pcx.sandbox.SandboxState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pcx sandbox reset}: start the sandbox's state over. */
@Command(name = "reset",
        header = "Start the sandbox over: its customers, a new signing key, sign-in settings.",
        description = "A new signing key invalidates every token the sandbox issued before, so profiles made "
                + "with 'pcx --sandbox auth login' must sign in again.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx sandbox reset",
            "  pcx sandbox reset --customers 100000 && \\",
            "      pcx --sandbox customers list --all -o jsonl | wc -l",
            "",
            "  # with your application's certificate:",
            "  pcx sandbox reset --certificate app-cert.pem --token-lifetime 10m \\",
            "      --approve-after never"
        })
final class SandboxReset implements Callable<Integer> {
    private final Context context;

    @Option(names = "--state", paramLabel = "FILE",
            description = "State file (default: $PCX_CONFIG_DIR/sandbox/state.json)")
    Path state;

    @Option(names = "--customers", paramLabel = "N", description = "How many customers, 1 to 100000 (default: 150)")
    Integer customers;

    @Mixin
    SandboxOptions signIn;

    SandboxReset(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path file = state != null ? state : context.session().sandboxStateFile();
        int n = customers == null ? SandboxServer.DEFAULT_CUSTOMERS : checkedCustomers(customers);
        SandboxState fresh = SandboxState.fresh(n, signIn.lifetimeSeconds(3600), signIn.approveAfterSeconds(3),
                signIn.certificates(List.of()));
        fresh.save(file);
        context.session().say("sandbox reset: " + n + " customers, " + fresh.certificates().size() + " certificate(s) ("
                + file + ")");
        if (file.toAbsolutePath().normalize().equals(context.session().sandboxStateFile().toAbsolutePath().normalize())) {
            signOutOfSandboxProfiles();
        }
        return 0;
    }

    /**
     * The tokens of --sandbox profiles were signed with the key just replaced, and would be refused:
     * those profiles are signed out, so --sandbox runs use the sandbox's application again.
     */
    private void signOutOfSandboxProfiles() {
        ProfileStore store = context.session().profiles();
        if (!Files.exists(store.configFile())) {
            return;
        }
        List<String> removed = store.locked(() -> {
            List<String> names = store.config().profiles().entrySet().stream()
                    .filter(e -> e.getValue().isSandbox()).map(Map.Entry::getKey).toList();
            if (!names.isEmpty()) {
                store.updateCredentials(c -> {
                    names.forEach(c.profiles()::remove);
                    return c;
                });
                store.updateConfig(c -> {
                    names.forEach(c.profiles()::remove);
                    return names.contains(c.current()) ? new ProfileStore.Config(null, c.profiles()) : c;
                });
            }
            return names;
        });
        if (!removed.isEmpty()) {
            context.session().say("signed out of the sandbox profile" + (removed.size() == 1 ? " '" : "s '")
                    + String.join("', '", removed) + "' (its tokens were signed with the old key); sign in again with: "
                    + "pcx --sandbox auth login");
        }
    }

    static int checkedCustomers(int requested) {
        if (requested < 1 || requested > 100_000) {
            throw CliException.usage("--customers must be from 1 to 100000");
        }
        return requested;
    }
}
