package dev.pcx.cli.sandbox;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pcx sandbox reset}: start the sandbox's state over. */
@Command(name = "reset",
        header = "Start the sandbox over, optionally with another number of customers.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx sandbox reset",
            "  pcx sandbox reset --customers 100000 && pcx --sandbox customers list --all -o jsonl | wc -l"
        })
final class SandboxReset implements Callable<Integer> {
    private final Context context;

    @Option(names = "--state", paramLabel = "FILE",
            description = "State file (default: $PCX_CONFIG_DIR/sandbox/state.json)")
    Path state;

    @Option(names = "--customers", paramLabel = "N", description = "How many customers, 1 to 100000 (default: 150)")
    Integer customers;

    SandboxReset(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path file = state != null ? state : context.configDir().resolve("sandbox").resolve("state.json");
        int n = customers == null ? SandboxServer.DEFAULT_CUSTOMERS : customers(customers, file);
        SandboxServer.saveState(file, n);
        context.warn("sandbox reset: " + n + " customers (" + file + ")");
        return 0;
    }

    /** {@code --customers} checked, or the count the state file holds. */
    static int customers(Integer requested, Path file) {
        if (requested == null) {
            try {
                return SandboxServer.loadCustomerCount(file);
            } catch (IllegalStateException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        if (requested < 1 || requested > 100_000) {
            throw CliException.usage("--customers must be from 1 to 100000");
        }
        return requested;
    }
}
