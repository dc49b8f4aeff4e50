package dev.pcx.cli.services;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.Errors;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.InputFiles;
import dev.pcx.cli.Prompter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code pcx services apply --file FILE|-}: a batch of fixes. */
@Command(name = "apply",
        header = "Apply a batch of subscription fixes from a CSV or JSON-lines file.",
        description = {
            "Each line is customer,subscription,action,value (CSV, with or without a header row) or "
                    + "{\"customer\":…,\"subscription\":…,\"action\":…,\"value\":…} (JSON lines). Actions: suspend, "
                    + "activate, quantity N, name TEXT, auto-renew on|off.",
            "Nothing is changed until every line is valid and every customer and subscription is found: a bad line "
                    + "is exit 2 with every problem listed. Then the fixes run, at most --parallel at once (fixes of "
                    + "one subscription in their order), holding back together when Partner Center throttles. One "
                    + "result per fix, in the file's order: applied, unchanged or failed with the reason. Exit 0 only "
                    + "if every fix was applied or had nothing to do; running the same file again is safe.",
            "A batch that suspends asks for confirmation on a terminal; without one it needs --yes."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx services apply --file fixes.csv",
            "  pcx services apply --file fixes.jsonl --dry-run -o json",
            "  printf 'Contoso Ltd,HQ Office,quantity,25\\n' | pcx services apply --file -"
        })
final class ServicesApply implements Callable<Integer> {
    private final Context context;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE|-", description = "The fixes; - reads stdin")
    File fileOption;

    @Mixin
    ChangeOptions change;

    ServicesApply(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var output = context.output();
        int parallel = change.checkedParallel();
        String file = fileOption.getPath();
        String name = file.equals("-") ? "stdin" : file;
        BatchFile.Parsed parsed = BatchFile.parse(InputFiles.text(file, context.io().in(), "--file", context.session()::say));
        if (parsed.fixes().isEmpty() && parsed.problems().isEmpty()) {
            // a nightly job on a day with nothing to fix: nothing to do is success
            context.session().say(name + " has no fixes: nothing to do");
            output.list(ResultColumns.WITH_LINE).finish();
            return 0;
        }
        List<BatchFile.Problem> problems = new ArrayList<>(parsed.problems());
        List<Fix.Resolved> fixes = resolve(parsed.fixes(), problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(BatchFile.Problem::line));
            throw problems(name + " has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + "; nothing was changed:", problems);
        }
        long suspensions = fixes.stream().filter(f -> f.fix().action() == Action.SUSPEND).count();
        if (suspensions > 0 && !change.dryRun && !change.yes) {
            if (!context.io().stdinTty() || file.equals("-")) {
                throw CliException.usage("the batch suspends " + suspensions + " subscription"
                        + (suspensions == 1 ? "" : "s") + ": add --yes to confirm");
            }
            if (!new Prompter(context.io()).confirm("Apply " + fixes.size() + " fixes, suspending " + suspensions
                    + " subscription" + (suspensions == 1 ? "" : "s") + "?", "--yes")) {
                throw CliException.usage("not confirmed; nothing was changed");
            }
        }
        return runner().run(fixes, parallel, change.dryRun, output.list(ResultColumns.WITH_LINE),
                change.waitOrDefault());
    }

    private FixRunner runner;

    private FixRunner runner() {
        if (runner == null) {
            runner = new FixRunner(context);
        }
        return runner;
    }

    /**
     * Every good line's customer and subscription, found with reads only; what cannot be found (or
     * is ambiguous, with its candidates), and two lines that set one field of one subscription to
     * different values, however each names it, become problems. Sign-in, network and throttling
     * failures end the run: they are not the file's fault.
     */
    private List<Fix.Resolved> resolve(List<Fix> fixes, List<BatchFile.Problem> problems) {
        List<Fix.Resolved> resolved = new ArrayList<>();
        Map<String, Fix.Resolved> byField = new HashMap<>();
        int checked = 0;
        for (Fix f : fixes) {
            context.session().progress().update("checking line " + f.line() + " (" + (++checked) + "/" + fixes.size() + ")");
            Fix.Resolved r;
            try {
                r = runner().resolve(f, true);
            } catch (RuntimeException e) {
                Errors.Failure failure = Errors.classify(e);
                if (failure.code() != ExitCode.USAGE && failure.code() != ExitCode.NOT_FOUND) {
                    context.session().progress().clear();
                    throw e;
                }
                String message = failure.message().endsWith(":") ? failure.message()
                        .substring(0, failure.message().length() - 1) : failure.message();
                problems.add(new BatchFile.Problem(f.line(), message, failure.details()));
                continue;
            }
            Fix.Resolved earlier = byField.putIfAbsent(r.subscription().key() + "|" + f.action().field(), r);
            if (earlier != null && !(earlier.fix().action() == f.action()
                    && Objects.equals(earlier.fix().value(), f.value()))) {
                problems.add(new BatchFile.Problem(f.line(), "contradicts line " + earlier.fix().line()
                        + ": both set the " + f.action().field().wire() + " of subscription "
                        + r.subscription().subscriptionId()));
                continue;
            }
            resolved.add(r);
        }
        context.session().progress().clear();
        return resolved;
    }

    private static CliException problems(String headline, List<BatchFile.Problem> problems) {
        List<String> shown = new ArrayList<>();
        int limit = 50;
        for (BatchFile.Problem p : problems.subList(0, Math.min(limit, problems.size()))) {
            shown.add(p.toString() + (p.candidates().isEmpty() ? "" : ":"));
            p.candidates().forEach(c -> shown.add("    " + c));
        }
        if (problems.size() > limit) {
            shown.add("... and " + (problems.size() - limit) + " more");
        }
        return new CliException(ExitCode.USAGE, headline, shown);
    }
}
