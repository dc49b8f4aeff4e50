package dev.pcx.cli.services;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerOption;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.Prompter;
import dev.pcx.output.DisplayWidth;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code suspend} and {@code activate}: one status for several subscriptions of a customer. */
abstract class StatusChange implements Callable<Integer> {
    private final Context context;
    private final Action action;

    @Mixin
    CustomerOption customer;

    @Parameters(arity = "1..*", paramLabel = "<subscription>", description = "Subscription ids or friendly-name prefixes")
    List<String> subscriptions;

    @Mixin
    ChangeOptions change;

    StatusChange(Context context, Action action) {
        this.context = context;
        this.action = action;
    }

    @Override
    public Integer call() {
        var output = context.output();
        int parallel = change.checkedParallel();
        subscriptions.forEach(SubscriptionResolver::checkSyntax);
        FixRunner runner = new FixRunner(context);
        List<Fix.Resolved> fixes = new ArrayList<>();
        for (String s : subscriptions) {
            // several: every one is found before any is changed (ids looked up too)
            fixes.add(runner.resolve(new Fix(0, customer.customer.toString(), s, action, null), subscriptions.size() > 1));
        }
        if (action == Action.SUSPEND && !change.dryRun && !change.yes) {
            if (!context.io().stdinTty()) {
                throw CliException.usage("suspending needs confirmation: add --yes (stdin is not a terminal)");
            }
            List<String> names = fixes.stream().map(Fix.Resolved::subscription)
                    .map(s -> s.friendlyName() == null ? s.subscriptionId()
                            : DisplayWidth.clean(s.friendlyName()) + " (" + s.subscriptionId() + ")").toList();
            boolean go = new Prompter(context.io()).confirm("Suspend " + fixes.size() + " subscription"
                    + (fixes.size() == 1 ? "" : "s") + " of " + customer.customer + ": " + String.join(", ", names)
                    + "?", "--yes");
            if (!go) {
                throw CliException.usage("not confirmed; nothing was changed");
            }
        }
        return runner.run(fixes, parallel, change.dryRun, output.list(ResultColumns.NO_LINE), change.waitOrDefault());
    }
}
