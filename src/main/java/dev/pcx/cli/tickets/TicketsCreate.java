package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerRef;
import dev.pcx.cli.OptionalCustomerOption;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.InputFiles;
import dev.pcx.cli.Prompter;
import dev.pcx.output.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pcx tickets create}: a request for the operator, prepared for a person to submit (exit 8). */
@Command(name = "create",
        header = "File an Azure support ticket for a customer, or prepare a request to submit in the portal.",
        description = {
            "With --azure-subscription, on global: files an Azure support ticket on the customer's Azure "
                    + "subscription through the Azure Support API (Microsoft.Support), as the partner: the "
                    + "customer's tenant's ARM token and yours (x-ms-authorization-auxiliary). --service names an "
                    + "Azure support service, --problem one of its problem classifications (a wrong one lists "
                    + "them); --contact and --country are the partner desk's, whom Microsoft answers. The ticket "
                    + "is printed (exit 0). With --key the ticket's name comes from the key, the customer and the "
                    + "subscription: a retried job finds it and files nothing; a lost answer is read back, never "
                    + "filed twice. Azure operated by 21Vianet has no such API: there it is a hand-off, as below.",
            "Otherwise no API exists to file a customer's service request (21Vianet has none; on global, Partner "
                    + "Center's was retired in 2020): pcx composes the whole request, prints it on stdout with "
                    + "the portal path and the links it knows (the customer's admin portals from managed "
                    + "services), keeps it in the ticket ledger ($PCX_CONFIG_DIR/tickets, or --state DIR), and exits 8 (handed off).",
            "On a terminal, missing fields are asked for; without one, a missing field is exit 2 naming every "
                    + "missing flag. -o json gives the kept request, its text included.",
            "--key KEY: the request kept for KEY is shown again, not prepared twice (a retried CI job), and "
                    + "'pcx-key: KEY' is written into the text, so 'tickets list --key KEY' finds it. Shown again, "
                    + "it says \"replayed\": true in JSON (its createdDateTime is when it was first prepared) and "
                    + "exits 8 again, or --replay-exit CODE."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox tickets create -c contoso.partner.onmschina.cn \\",
            "      --title 'Mail delayed' --severity moderate --service Exchange \\",
            "      --description 'Mail to outside domains waits 2 hours.'  # exit 8",
            "  echo 'Teams calls drop after 5 minutes.' | pcx --sandbox tickets \\",
            "      create -c 北京云创 --title 'Calls drop' --severity minimal \\",
            "      --service Teams --description-file - --key ci-42 -o json  # exit 8",
            "",
            "  pcx --sandbox --cloud global tickets create \\",
            "      -c contoso.partner.onmschina.cn \\",
            "      --azure-subscription 5c7e0a2f-a2f1-4b3c-9d8e-000000000000 \\",
            "      --title 'VM restarts nightly' --severity moderate \\",
            "      --service 'Virtual Machine running Windows' --problem slow \\",
            "      --description 'Restarts at 02:00 since Monday.' \\",
            "      --contact 'Wei Li <desk@example.com>' --country CHN --key ci-43"
        })
final class TicketsCreate implements Callable<Integer> {
    private final Context context;
    private TicketCustomer resolved;

    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--title", paramLabel = "TEXT", description = "The request's title")
    String title;

    @Option(names = "--description", paramLabel = "TEXT", description = "What happens, since when, what was tried")
    String description;

    @Option(names = "--description-file", paramLabel = "FILE", description = "The description from a file, - for stdin")
    String descriptionFile;

    @Option(names = "--severity", paramLabel = "SEVERITY", completionCandidates = Severities.class,
            description = "critical, moderate or minimal; for an Azure support ticket also highestcriticalimpact")
    String severity;

    @Option(names = "--service", paramLabel = "NAME", description = "The service it is about, e.g. Exchange, Teams")
    String service;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Idempotency key (a CI job's id): the request kept for it is reused, never duplicated")
    String key;

    @Mixin
    AzureOptions azure;

    @Mixin
    ReplayExit replayExit;

    @Mixin
    TicketState state;

    TicketsCreate(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (description != null && descriptionFile != null) {
            throw CliException.usage("give --description or --description-file, not both");
        }
        if (severity != null) {
            severity = Severities.parse(severity, azure.azure());
        }
        String k = HandOffs.key(key);
        Integer replay = replayExit.checked();
        if (azure.azure()) {
            AzureOptions.subscription(azure.subscription);
        }
        Output output = context.output();
        if (descriptionFile != null) {
            description = InputFiles.text(descriptionFile, context.io().in(), "--description-file", context.session()::say);
        }
        boolean viaAzure = azure.azure() && AzureFiling.offered(context);
        askForMissing(viaAzure);
        if (viaAzure) {
            azure.check(severity, context.io().stdinTty(), context);
            return AzureFiling.file(context, state.ledger(context), azure,
                    new AzureChannel(context, who(), azure.subscription), title.trim(), severity, service.trim(),
                    description, k);
        }
        HandOffs handOffs = new HandOffs(context, state.ledger(context));
        HandOffStore.Kept kept = handOffs.prepare(who(), new HandOffComposer.Request(title.trim(), severity,
                service.trim(), description, k,
                azure.azure() ? AzureOptions.subscription(azure.subscription) : null));
        return handOffs.handOver(kept, replay);
    }

    /** Fields not given: asked for on a terminal; without one, exit 2 naming every missing flag. */
    private void askForMissing(boolean viaAzure) {
        Map<String, Boolean> missing = new LinkedHashMap<>();
        missing.put("--customer", customer.customer == null);
        missing.put("--title", blank(title));
        missing.put("--severity", blank(severity));
        missing.put("--service", blank(service));
        missing.put("--description", blank(description));
        List<String> names = new ArrayList<>();
        missing.forEach((name, isMissing) -> {
            if (isMissing) {
                names.add(name);
            }
        });
        // what no question asks for (the Azure desk's contact) is named now, not after the answers
        List<String> azureMissing = viaAzure ? azure.missing(severity, context.io().stdinTty()) : List.of();
        if (names.isEmpty() && azureMissing.isEmpty()) {
            return;
        }
        if (!context.io().stdinTty() || !azureMissing.isEmpty()) {
            names.addAll(azureMissing);
            throw CliException.usage("missing " + String.join(", ", names).replace("--description", "--description (or "
                    + "--description-file)") + (context.io().stdinTty() ? "" : " (there is no terminal to ask on)"));
        }
        Prompter prompter = new Prompter(context.io());
        while (customer.customer == null) {
            String answer = prompter.ask("Customer (tenant id, domain or name): ", "-c/--customer");
            try {
                // checked now: an ambiguous or unknown one is asked again, before the other answers
                TicketCustomer asked = new TicketCustomer(context, CustomerRef.parse(answer));
                asked.tenantId();
                resolved = asked;
                customer.customer = CustomerRef.parse(answer);
            } catch (CliException e) {
                context.session().say(e.getMessage());
                e.details().forEach(context.session()::say);
            }
        }
        if (blank(title)) {
            title = prompter.ask("Title: ", "--title");
        }
        List<String> severities = viaAzure ? Severities.AZURE_NAMES : Severities.NAMES;
        while (blank(severity)) {
            String answer = prompter.choose("Severity (" + String.join(", ", severities) + "): ", "--severity",
                    severities);
            try {
                severity = Severities.parse(answer, viaAzure);
            } catch (CliException e) {
                context.session().say(e.getMessage());
            }
        }
        if (blank(service)) {
            service = prompter.ask("Service (e.g. Exchange, Teams): ", "--service");
        }
        if (blank(description)) {
            description = prompter.ask("Description (one line; longer with --description-file): ", "--description");
        }
    }

    /** The customer of -c, resolved once: the one the prompt already checked, when it asked. */
    private TicketCustomer who() {
        if (resolved == null) {
            resolved = new TicketCustomer(context, customer.customer);
        }
        return resolved;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
