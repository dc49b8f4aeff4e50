package dev.pcx.cli.sandbox;

import dev.pcx.api.model.HealthEnums;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pcx sandbox incident update <id>}: a new status or class, and a post. */
@Command(name = "update",
        header = "Change the status or class of a sandbox issue, adding a post.",
        description = "Each update adds a post to the issue and moves its last-modified time, as Microsoft's own "
                + "updates do, so 'pcx health watch' and 'pcx health affected' see it change.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx sandbox incident update EX600001 --status ServiceDegradation",
            "  pcx sandbox incident update EX600001 --message 'A fix is rolling out'"
        })
final class IncidentUpdate implements Callable<Integer> {
    private final Context context;

    @Parameters(index = "0", paramLabel = "<id>", description = "The issue's id")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", description = "Graph serviceHealthStatus, e.g. RestoringService")
    String status;

    @Option(names = "--classification", paramLabel = "CLASS", description = "incident or advisory")
    String classification;

    @Option(names = "--message", paramLabel = "TEXT", description = "The post's text")
    String message;

    @Option(names = "--state", paramLabel = "FILE", description = "State file (default: $PCX_CONFIG_DIR/sandbox/state.json)")
    Path state;

    IncidentUpdate(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String c = null;
        if (classification != null) {
            c = HealthEnums.classification(classification);
            if (c == null) {
                throw CliException.usage("--classification takes " + String.join(" or ", HealthEnums.CLASSIFICATIONS));
            }
            c = Character.toUpperCase(c.charAt(0)) + c.substring(1);
        }
        return IncidentResolve.change(context, state, id, status, c, message, false);
    }
}
