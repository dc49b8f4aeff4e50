package dev.pcx.cli.health;

import dev.pcx.api.model.HealthEnums;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.DurationConverter;
import dev.pcx.cli.ParallelOption;
import dev.pcx.notify.Destination;
import dev.pcx.notify.ExecDestination;
import dev.pcx.notify.Ledger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code health watch --all-customers}: what to watch, where events go, where the
 * ledger is. Each of them without {@code --all-customers} is a usage error, not silently ignored.
 */
final class EveryCustomerOptions {
    @Option(names = "--all-customers", description = "Watch every customer's tenant, events grouped by issue")
    boolean allCustomers;

    @Option(names = "--once", description = "One poll: record and deliver what changed since the last run, then exit (for cron)")
    boolean once;

    @Option(names = "--service", paramLabel = "NAME", description = "Only issues of this service: its id, or the start of a word of its name")
    String service;

    @Option(names = "--class", paramLabel = "CLASS", completionCandidates = FailOnOption.Classes.class, description = "Only incidents, or only advisories")
    String classification;

    @Option(names = "--exec", paramLabel = "CMD",
            description = "Run CMD (sh -c) per event, the event as JSON on stdin and PCX_EVENT_* variables; repeatable")
    List<String> exec = new ArrayList<>();

    @Option(names = "--exec-timeout", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long one run of --exec may take before it is stopped (default: ${DEFAULT-VALUE})")
    Duration execTimeout;

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<WebhookOption> webhooks = new ArrayList<>();

    @Option(names = "--state", paramLabel = "FILE",
            description = "The ledger file (default: $PCX_CONFIG_DIR/events/<profile>.json), e.g. in a CI cache")
    Path state;

    @Option(names = "--notify-existing", description = "At the first run, deliver the issues already active too")
    boolean notifyExisting;

    @Mixin
    ParallelOption parallel;

    /** The default time between polls across every customer, and the least allowed. */
    static final Duration EVERY = Duration.ofMinutes(5);
    static final Duration AT_LEAST = Duration.ofMinutes(1);

    /** The first of these options given without --all-customers, or null. */
    String givenAlone() {
        if (allCustomers) {
            return null;
        }
        if (once) {
            return "--once";
        }
        if (service != null) {
            return "--service";
        }
        if (classification != null) {
            return "--class";
        }
        if (!exec.isEmpty()) {
            return "--exec";
        }
        if (!webhooks.isEmpty()) {
            return "--webhook";
        }
        if (state != null) {
            return "--state";
        }
        return notifyExisting ? "--notify-existing" : null;
    }

    /** The checked settings, destinations made: usage errors (exit 2) before any call. */
    EveryCustomerWatch.Settings settings(Context context, Duration interval, String failOn) {
        Duration every = interval != null ? interval : EVERY;
        if (every.compareTo(AT_LEAST) < 0) {
            throw CliException.usage("--interval must be at least 1m with --all-customers: each poll reads every customer's tenant");
        }
        String c = null;
        if (classification != null) {
            c = HealthEnums.classification(classification);
            if (c == null) {
                throw CliException.usage("--class takes " + String.join(" or ", HealthEnums.CLASSIFICATIONS));
            }
        }
        if (execTimeout.isZero() || execTimeout.isNegative()) {
            throw CliException.usage("--exec-timeout must be more than 0");
        }
        List<Destination> destinations = new ArrayList<>();
        for (String cmd : exec) {
            try {
                destinations.add(new ExecDestination(cmd, execTimeout, context.session().sleeper(), context.io().err()));
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        for (WebhookOption w : webhooks) {
            destinations.add(w.destination(context));
        }
        Set<String> ids = new HashSet<>();
        for (Destination d : destinations) {
            if (!ids.add(d.id())) {
                throw CliException.usage(d.label() + " is named twice: each destination once");
            }
        }
        return new EveryCustomerWatch.Settings(every, once, service, c, failOn, parallel.value(), notifyExisting,
                destinations, new Ledger(ledgerFile(context, state), state != null));
    }

    /** The ledger's file: {@code state} when given, else {@code $PCX_CONFIG_DIR/events/<profile>.json}. */
    static Path ledgerFile(Context context, Path state) {
        return state != null ? state : context.session().configDir().resolve("events")
                .resolve(context.connections().profileName() + ".json");
    }
}
