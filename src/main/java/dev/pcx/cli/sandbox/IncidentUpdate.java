package dev.pcx.cli.sandbox;

import dev.pcx.api.model.HealthEnums;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.sandbox.SandboxIncidents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

/** {@code pcx sandbox incident update <id>}: a new status or class, and a post; or a spread or recede. */
@Command(name = "update",
        header = "Change the status or class of a sandbox issue, adding a post; spread it or make it recede.",
        description = {
            "Each update adds a post to the issue and moves its last-modified time, as Microsoft's own "
                    + "updates do, so 'pcx health watch' and 'pcx health affected' see it change.",
            "--add-customer spreads an issue started with --customer to more customers, --remove-customer makes "
                    + "it recede from some (tenant id or domain; repeatable). In Microsoft 365 an issue is the same "
                    + "object in every tenant that lists it, so a spread or recede alone adds no post and leaves the "
                    + "last-modified time as it was: only who lists the issue changes, and 'pcx health watch' sees a "
                    + "spread or a recede, not an update. An issue that hits every tenant with its service cannot "
                    + "spread or recede, and the last customer cannot be removed: resolve the issue instead."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx sandbox incident update EX600001 --status ServiceDegradation",
            "  pcx sandbox incident update EX600001 --message 'A fix is rolling out'",
            "  pcx sandbox incident update MI600001 \\",
            "      --add-customer fabrikam.partner.onmschina.cn \\",
            "      --add-customer bjyunchuang.partner.onmschina.cn",
            "  pcx sandbox incident update MI600001 \\",
            "      --remove-customer fabrikam.partner.onmschina.cn",
            "  pcx sandbox incident update EX600001 \\",
            "      --add-customer fabrikam.partner.onmschina.cn  # exit 2"
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

    @Option(names = "--add-customer", paramLabel = "TENANT",
            description = "Spread the issue to this customer too (tenant id or domain); repeatable")
    List<String> add = new ArrayList<>();

    @Option(names = "--remove-customer", paramLabel = "TENANT",
            description = "The issue no longer hits this customer (tenant id or domain); repeatable")
    List<String> remove = new ArrayList<>();

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
        if (add.isEmpty() && remove.isEmpty()) {
            return IncidentResolve.change(context, state, id, status, c, message, false);
        }
        String key = id.trim().toUpperCase(Locale.ROOT);
        SandboxIncidents.Reach reach;
        try {
            reach = SandboxIncidents.update(state != null ? state : context.session().sandboxStateFile(), id, status, c,
                    message, false, add, remove, context.session().clock());
        } catch (NoSuchElementException e) {
            throw CliException.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        if (status != null || c != null || message != null) {
            context.session().say("updated " + key);
        }
        List<String> said = new ArrayList<>();
        if (!reach.added().isEmpty()) {
            said.add("spread to " + String.join(", ", reach.added()));
        }
        if (!reach.removed().isEmpty()) {
            said.add("receded from " + String.join(", ", reach.removed()));
        }
        context.session().say(key + (said.isEmpty() ? " hits the same customers as before" : " " + String.join(
                " and ", said)) + "; it hits " + reach.hits() + (reach.hits() == 1 ? " customer" : " customers"));
        return 0;
    }
}
