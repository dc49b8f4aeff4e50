package dev.pcx.cli.services;

import dev.pcx.cli.Candidates;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pcx services set}: seats, name, auto-renew of one subscription. */
@Command(name = "set",
        header = "Change the quantity, friendly name or auto-renew of a subscription.",
        description = "Each option is one change, sent in the order name, auto-renew, quantity, each as its own "
                + "PATCH of the freshly read subscription, each with its own result line. Partner Center may refuse "
                + "a quantity decrease (new-commerce licences only within 7 days of purchase, renewal or adding them; "
                + "'pcx services renewals' says which can go): the "
                + "reason and its code are shown.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services set -c \"Contoso Ltd\" \"HQ Office\" --quantity 25",
            "  pcx services set -c \"Contoso Ltd\" 1346F405-8F6A-3FC1-860F-1F80652BE1AA \\",
            "      --auto-renew on --dry-run",
            "  pcx services set -c 北京云创 研发中心 --name \"研发中心 E5\""
        })
final class ServicesSet implements Callable<Integer> {
    private final Context context;

    @Mixin
    CustomerOption customer;

    @Parameters(index = "0", paramLabel = "<subscription>", description = "Subscription id or friendly-name prefix")
    String subscription;

    @Option(names = "--quantity", paramLabel = "N", description = "Seats (licences), 1 or more")
    String quantity;

    @Option(names = "--name", paramLabel = "TEXT", description = "The friendly name (nickname)")
    String name;

    @Option(names = "--auto-renew", paramLabel = "on|off", completionCandidates = Candidates.OnOff.class,
            description = "Renew at the end of the term: on or off")
    String autoRenew;

    @Mixin
    ChangeOptions change;

    ServicesSet(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var output = context.output();
        List<Fix> wanted = new ArrayList<>();
        add(wanted, Action.NAME, name, "--name");
        add(wanted, Action.AUTO_RENEW, autoRenew, "--auto-renew");
        add(wanted, Action.QUANTITY, quantity, "--quantity");
        if (wanted.isEmpty()) {
            throw CliException.usage("nothing to set: give --quantity, --name or --auto-renew");
        }
        SubscriptionResolver.checkSyntax(subscription);
        FixRunner runner = new FixRunner(context);
        List<Fix.Resolved> fixes = new ArrayList<>();
        for (Fix f : wanted) {
            fixes.add(runner.resolve(f, false));
        }
        return runner.run(fixes, 1, change.dryRun, output.list(ResultColumns.NO_LINE), change.waitOrDefault());
    }

    private void add(List<Fix> fixes, Action action, String value, String option) {
        if (value == null) {
            return;
        }
        String problem = action.check(value);
        if (problem != null) {
            throw CliException.usage(option + ": " + problem);
        }
        fixes.add(new Fix(0, customer.customer.toString(), subscription, action, value));
    }
}
