package dev.pcx.cli.sandbox;

import dev.pcx.api.model.HealthEnums;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.sandbox.SandboxIncidents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx sandbox incident start}: a new active issue; prints its id. */
@Command(name = "start",
        header = "Start a service-health issue in the sandbox; prints its id.",
        description = "The issue is kept in the sandbox's state file and served by Microsoft Graph's service "
                + "health in every tenant that has the service, or only in the customers named with --customer. "
                + "Drive it on with 'pcx sandbox incident update' and end it with 'pcx sandbox incident resolve'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx sandbox incident start --service exchange --title 'Mail is delayed'",
            "  pcx sandbox incident start --service teams --title 'Calls drop' \\",
            "      --classification advisory --customer contoso.partner.onmschina.cn"
        })
final class IncidentStart implements Callable<Integer> {
    private final Context context;

    @Option(names = "--service", required = true, paramLabel = "NAME", description = "Service id or name, e.g. Exchange")
    String service;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "The issue's title")
    String title;

    @Option(names = "--classification", paramLabel = "CLASS", defaultValue = "incident",
            description = "incident or advisory (default: ${DEFAULT-VALUE})")
    String classification;

    @Option(names = "--status", paramLabel = "STATUS", defaultValue = "Investigating",
            description = "Graph serviceHealthStatus (default: ${DEFAULT-VALUE})")
    String status;

    @Option(names = "--message", paramLabel = "TEXT", description = "The first post's text")
    String message;

    @Option(names = "--customer", paramLabel = "TENANT", description = "Only this customer (tenant id or domain), one with the service; repeatable")
    List<String> customers = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", description = "The issue's id (default: the service's prefix and a number)")
    String id;

    @Option(names = "--state", paramLabel = "FILE", description = "State file (default: $PCX_CONFIG_DIR/sandbox/state.json)")
    Path state;

    IncidentStart(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String c = HealthEnums.classification(classification);
        if (c == null) {
            throw CliException.usage("--classification takes " + String.join(" or ", HealthEnums.CLASSIFICATIONS));
        }
        String made;
        try {
            made = SandboxIncidents.start(state != null ? state : context.session().sandboxStateFile(), service, title,
                    Character.toUpperCase(c.charAt(0)) + c.substring(1), status, message, customers, id, context.session().clock());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        context.io().out().println(made);
        return 0;
    }
}
