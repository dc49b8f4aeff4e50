package dev.pcx.cli.sandbox;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.sandbox.SandboxIncidents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

/** {@code pcx sandbox incident resolve <id>}: the issue is over. */
@Command(name = "resolve",
        header = "Resolve a sandbox issue (isResolved, ServiceRestored), adding a final post.",
        description = "The issue stays readable (with 'pcx health --all' or 'pcx health show ID') but is no longer "
                + "active: health gates and 'pcx health affected' stop counting it.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx sandbox incident resolve EX600001",
            "  pcx sandbox incident resolve EX600001 --status FalsePositive"
        })
final class IncidentResolve implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The issue's id")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", description = "Final status (default: ServiceRestored)")
    String status;

    @Option(names = "--message", paramLabel = "TEXT", description = "The final post's text")
    String message;

    @Option(names = "--state", paramLabel = "FILE", description = "State file (default: $PCX_CONFIG_DIR/sandbox/state.json)")
    Path state;

    IncidentResolve(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return change(context, state, id, status, null, message, true);
    }

    static int change(Context context, Path state, String id, String status, String classification, String message,
                      boolean resolve) {
        try {
            SandboxIncidents.update(state != null ? state : context.session().sandboxStateFile(), id, status, classification,
                    message, resolve, context.session().clock());
        } catch (NoSuchElementException e) {
            throw CliException.notFound(e.getMessage());
        }
        context.session().say((resolve ? "resolved " : "updated ") + id.trim().toUpperCase(Locale.ROOT));
        return 0;
    }
}
