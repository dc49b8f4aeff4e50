package dev.pcx.cli.tickets;

import dev.pcx.api.model.ServiceHealthIssue;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerOption;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.InputFiles;
import dev.pcx.cli.VersionProvider;
import dev.pcx.cli.health.ServiceCheck;
import dev.pcx.output.Output;
import dev.pcx.output.RecordPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx tickets escalate}: the desk's procedure in one command, health check first. */
@Command(name = "escalate",
        header = "Check a customer's service for a known issue, and escalate only when there is none.",
        description = {
            "Reads the service's health in the customer's tenant (as 'pcx health -c ... --service ...' does). "
                    + "When an active issue covers the service, prints it and exits 7 without preparing anything "
                    + "(--force prepares the request anyway). In JSON, every outcome is one object: the issue (the "
                    + "worst, if several), the request or the ticket. Otherwise prepares the request as 'tickets create' "
                    + "does (exit 8), its description carrying the evidence: the health check, the state of the "
                    + "customer's subscriptions for that service, the time and pcx's version.",
            "When the health cannot be checked (no consent or delegated admin in the customer's tenant), that "
                    + "is said, written into the evidence, and the request is prepared.",
            "--key KEY: a job retried after it prepared its request gets the same request back, checked no "
                    + "second time, prepared no second time: \"replayed\": true in JSON (createdDateTime: when it was "
                    + "first prepared), exit 8 again unless --replay-exit CODE says otherwise (0: do not page twice). "
                    + "The keys are kept in the ticket ledger: --state DIR or $PCX_TICKETS_STATE moves it into a CI "
                    + "cache, so a retry on a fresh runner finds them.",
            "With --azure-subscription (global), the request is filed as an Azure support ticket as 'tickets "
                    + "create' files it (exit 0), the evidence in its description; the health check is Microsoft "
                    + "365's (Graph) under the --service name: Azure's own service health is not read. On 21Vianet "
                    + "it stays a hand-off."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox tickets escalate -c contoso.partner.onmschina.cn \\",
            "      --service Teams --title 'Calls drop' --key ci-7  # exit 8",
            "  pcx --sandbox tickets escalate -c contoso.partner.onmschina.cn \\",
            "      --service Teams --title 'Calls drop' --key ci-7 \\",
            "      --replay-exit 0 -o json --jq .replayed    # true, exit 0",
            "  pcx --sandbox tickets escalate -c contoso.partner.onmschina.cn \\",
            "      --service Exchange --title 'Mail delayed'  # exit 7",
            "  pcx --sandbox --cloud global tickets escalate \\",
            "      -c contoso.partner.onmschina.cn --service 'Storage Account' \\",
            "      --azure-subscription 5c7e0a2f-a2f1-4b3c-9d8e-000000000000 \\",
            "      --problem 'Cannot reach' --title 'Storage unreachable' \\",
            "      --contact 'Wei Li <desk@example.com>' --country CHN --key ci-8"
        })
final class TicketsEscalate implements Callable<Integer> {
    private final Context context;

    @Mixin
    CustomerOption customer;

    @Option(names = "--service", required = true, paramLabel = "NAME",
            description = "The service: its id, or the start of its name or of a word in it (teams)")
    String service;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "The request's title")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "What happens; the evidence is added to it")
    String description;

    @Option(names = "--description-file", paramLabel = "FILE", description = "The description from a file, - for stdin")
    String descriptionFile;

    @Option(names = "--severity", paramLabel = "SEVERITY", defaultValue = "moderate",
            completionCandidates = Severities.class,
            description = "critical, moderate or minimal (default: ${DEFAULT-VALUE})")
    String severity;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Idempotency key (a CI job's id): the request kept for it is reused, never duplicated")
    String key;

    @Option(names = "--force", description = "Prepare the request even when a known issue covers the service")
    boolean force;

    @Mixin
    AzureOptions azure;

    @Mixin
    ReplayExit replayExit;

    @Mixin
    TicketState state;

    TicketsEscalate(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (description != null && descriptionFile != null) {
            throw CliException.usage("give --description or --description-file, not both");
        }
        String sev = Severities.parse(severity, azure.azure());
        String k = HandOffs.key(key);
        Integer replay = replayExit.checked();
        if (title.isBlank() || service.isBlank()) {
            throw CliException.usage("--title and --service must not be empty");
        }
        boolean viaAzure = azure.azure() && AzureOptions.subscription(azure.subscription) != null
                && AzureFiling.offered(context);
        if (viaAzure) {
            azure.check(sev, false, context);
        }
        Output output = context.output();
        if (descriptionFile != null) {
            description = InputFiles.text(descriptionFile, context.io().in(), "--description-file", context.session()::say);
        }
        HandOffs handOffs = new HandOffs(context, state.ledger(context));
        TicketCustomer who = new TicketCustomer(context, customer.customer);
        AzureChannel tickets = viaAzure ? new AzureChannel(context, who, azure.subscription) : null;
        if (tickets != null && k != null) {
            var filed = tickets.filedFor(k);
            if (filed != null) {
                context.session().say("the ticket for key " + k + " was filed as " + filed.name() + " at "
                        + filed.text("createdDate") + "; shown again, not checked or filed twice");
                tickets.print(filed);
                return ExitCode.OK;
            }
        }
        HandOff earlier = viaAzure ? null : new KeyIndex(state.ledger(context)).handOff(k, who.text());
        if (earlier != null) {
            return handOffs.handOver(new HandOffStore.Kept(earlier, true), replay);
        }
        ResolvedCustomer c = who.named();
        String label = c.label();
        ServiceCheck.Result health = ServiceCheck.check(context, c.tenantId(), label, service.trim());
        if (health.checked() && health.services().isEmpty() && !viaAzure && !force) {
            // a typo must not skip the very check escalate exists for
            throw ServiceCheck.unknownService(service, label, health.known(),
                    "--force to escalate without a health check");
        }
        if (!health.checked()) {
            context.session().say("note: the health of " + service + " could not be checked (" + health.failure().getMessage()
                    + "); the request says so; what is missing there: '" + context.pcx("customers access -c "
                    + c.tenantId()) + "'");
        } else if (!health.activeIssues().isEmpty()) {
            if (!force) {
                ServiceHealthIssue first = health.activeIssues().get(0);
                if (output.rows()) {
                    RecordPrinter<ServiceHealthIssue> printer = output.list(ServiceCheck.ISSUES);
                    health.activeIssues().forEach(printer::print);
                    printer.finish();
                } else {
                    // one object, as every other outcome of escalate prints one (the request, the
                    // ticket): the worst issue, the one named below, so '--jq .id' works whatever happens
                    output.single(first, ServiceCheck.ISSUES);
                    if (health.activeIssues().size() > 1) {
                        context.session().say((health.activeIssues().size() - 1) + " more issue"
                                + (health.activeIssues().size() > 2 ? "s cover " : " covers ") + service
                                + ": see them with '" + context.pcx("health -c " + c.tenantId() + " --service '"
                                + service.trim() + "'") + "'");
                    }
                }
                context.session().fail("a known issue covers " + service + " in " + label + " (" + first.id() + "): nothing "
                        + "was prepared; follow it with '" + context.pcx("health show " + first.id() + " -c "
                        + c.tenantId()) + "', or prepare the request anyway with --force");
                return ExitCode.GATE;
            }
            context.session().say("a known issue covers " + service + " (" + health.activeIssues().get(0).id()
                    + "); preparing the request anyway (--force)");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        String subscriptionsFailure = null;
        try {
            context.api().subscriptions().list(c.tenantId()).forEach(-1, s -> {
                if (Evidence.covers(service, s.offerName()) || ServiceCheck.names(service, s.friendlyName())) {
                    subscriptions.add(s);
                }
            });
        } catch (RuntimeException e) {
            subscriptionsFailure = e.getMessage();
        }
        String evidence = Evidence.describe(description, service.trim(), health, force, subscriptions,
                subscriptionsFailure, handOffs.now(), VersionProvider.version());
        if (viaAzure) {
            return AzureFiling.file(context, state.ledger(context), azure, tickets, title.trim(), sev, service.trim(),
                    evidence, k);
        }
        HandOffStore.Kept kept = handOffs.prepare(c, new HandOffComposer.Request(title.trim(), sev, service.trim(),
                evidence, k,
                azure.azure() ? AzureOptions.subscription(azure.subscription) : null));
        return handOffs.handOver(kept, replay);
    }
}
