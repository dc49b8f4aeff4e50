package dev.pcx.cli.services;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.Errors;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.Prompter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            "  printf 'contoso,Office 365 E3,quantity,25\\n' | pcx services apply --file -"
        })
final class ServicesApply implements Callable<Integer> {
    private final Context context;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE|-", description = "The fixes; - reads stdin")
    String file;

    @Mixin
    ChangeOptions change;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation")
    boolean yes;

    ServicesApply(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var output = context.output();
        int parallel = change.checkedParallel();
        BatchFile.Parsed parsed = BatchFile.parse(read());
        String name = file.equals("-") ? "stdin" : file;
        if (!parsed.problems().isEmpty()) {
            throw problems(name + " has " + parsed.problems().size() + " bad line"
                    + (parsed.problems().size() == 1 ? "" : "s") + "; nothing was changed:", parsed.problems());
        }
        FixRunner runner = new FixRunner(context);
        List<Fix.Resolved> fixes = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Fix f : parsed.fixes()) {
            try {
                fixes.add(runner.resolve(f));
            } catch (RuntimeException e) {
                Errors.Failure failure = Errors.classify(e);
                if (failure.code() != ExitCode.USAGE && failure.code() != ExitCode.NOT_FOUND) {
                    throw e; // not a bad line: sign-in, network, throttling
                }
                unresolved.add("line " + f.line() + ": " + failure.message());
            }
        }
        if (!unresolved.isEmpty()) {
            throw problems(unresolved.size() + " line" + (unresolved.size() == 1 ? "" : "s") + " of " + name
                    + " name no known customer or subscription; nothing was changed:", unresolved);
        }
        long suspensions = fixes.stream().filter(f -> f.fix().action() == Action.SUSPEND).count();
        if (suspensions > 0 && !change.dryRun && !yes) {
            if (!context.io().stdinTty() || file.equals("-")) {
                throw CliException.usage("the batch suspends " + suspensions + " subscription"
                        + (suspensions == 1 ? "" : "s") + ": add --yes to confirm");
            }
            if (!new Prompter(context.io()).confirm("Apply " + fixes.size() + " fixes, suspending " + suspensions
                    + " subscription" + (suspensions == 1 ? "" : "s") + "?", "--yes")) {
                context.warn("nothing was changed");
                return ExitCode.USAGE;
            }
        }
        return runner.run(fixes, parallel, change.dryRun, output.list(FixRunner.COLUMNS), change.waitOrDefault());
    }

    private static CliException problems(String headline, List<String> problems) {
        List<String> shown = new ArrayList<>(problems.subList(0, Math.min(20, problems.size())));
        if (problems.size() > 20) {
            shown.add("... and " + (problems.size() - 20) + " more");
        }
        return new CliException(ExitCode.USAGE, headline, shown);
    }

    private String read() {
        try {
            if (file.equals("-")) {
                return new String(context.io().in().readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("cannot read --file " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw CliException.usage("cannot read --file " + file + " as UTF-8 text: " + e.getMessage());
        }
    }
}
