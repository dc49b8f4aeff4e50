package dev.pcx.cli.services;

import dev.pcx.api.FieldChange;
import dev.pcx.api.OutcomeUnknownException;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.SubscriptionRef;
import dev.pcx.api.SubscriptionUpdater;
import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.RefundableQuantity;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.Errors;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.Interruption;
import dev.pcx.cli.Progress;
import dev.pcx.output.RecordPrinter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs fixes: resolves every customer and subscription first (reads only), then applies them with
 * at most {@code parallel} at once (one subscription's fixes in their order), and prints one result
 * per fix, in the order given, as soon as it and those before it are done.
 */
final class FixRunner {
    private final Context context;
    private final PartnerCenter api;
    private final SubscriptionResolver subscriptions;
    private final Map<String, String> customers = new HashMap<>();

    FixRunner(Context context) {
        this.context = context;
        this.api = context.api();
        this.subscriptions = new SubscriptionResolver(context);
    }

    /** The tenant id of a customer reference, asked of Partner Center once per reference. */
    String customerId(String ref) {
        return customers.computeIfAbsent(ref.trim(), new CustomerResolver(context)::tenantId);
    }

    /**
     * The fix with its customer and subscription found. With {@code verify} (a batch), a
     * subscription given by id is looked up in the customer's subscriptions too (which also proves
     * that a customer given by tenant id exists), so no line is found unknown only when it is written.
     */
    Fix.Resolved resolve(Fix fix, boolean verify) {
        String customerId = customerId(fix.customer());
        SubscriptionRef sub;
        try {
            sub = subscriptions.resolve(customerId, fix.subscription(), verify);
        } catch (CliException e) {
            sub = e.exitCode() == ExitCode.NOT_FOUND && fix.action() == Action.NAME
                    ? subscriptions.named(customerId, fix.value()) : null;
            if (sub == null) {
                throw e;
            }
            // renamed by an earlier run: the old name is gone and the new one is there, so the
            // same command run again finds the subscription and has nothing to do
        }
        return new Fix.Resolved(fix, sub);
    }

    /** @return the exit code: 0 when every fix was applied or had nothing to do, else the first failure's */
    int run(List<Fix.Resolved> fixes, int parallel, boolean dryRun, RecordPrinter<Fix.Result> printer, Duration wait) {
        Progress progress = context.session().progress();
        Map<Fix.Resolved, String> inFlight = new ConcurrentHashMap<>();
        Function<Fix.Resolved, SubscriptionUpdater> updaterOf = f -> new SubscriptionUpdater(api, wait,
                message -> {
                    if (message.startsWith("Partner Center accepted")) {
                        inFlight.put(f, "accepted by Partner Center (202), not shown done yet");
                    }
                    if (context.options().debug()) {
                        context.session().say(message);
                    } else {
                        progress.update(message);
                    }
                });
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, fixes.size())), r -> {
            Thread t = new Thread(r, "pcx-fix");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<Fix.Result>> lastOfSubscription = new LinkedHashMap<>();
            List<CompletableFuture<Fix.Result>> results = new ArrayList<>();
            for (Fix.Resolved f : fixes) {
                CompletableFuture<Fix.Result> before = lastOfSubscription.get(f.subscription().key());
                Supplier<Fix.Result> work = () -> {
                    inFlight.put(f, "being changed");
                    try {
                        return one(updaterOf.apply(f), f, dryRun);
                    } finally {
                        inFlight.remove(f);
                    }
                };
                CompletableFuture<Fix.Result> mine = before == null
                        ? CompletableFuture.supplyAsync(work, pool)
                        : before.handleAsync((r, e) -> work.get(), pool);
                lastOfSubscription.put(f.subscription().key(), mine);
                results.add(mine);
            }
            int exit = 0;
            Map<String, Integer> tally = new LinkedHashMap<>();
            int done = 0;
            try (Interruption interrupted = Interruption.watch(context.session(), printer,
                    () -> catchUp(results, printer), () -> report(fixes, results, inFlight))) {
                for (CompletableFuture<Fix.Result> future : results) {
                    Fix.Result r = future.join();
                    done++;
                    progress.update((dryRun ? "checked " : "done ") + done + "/" + results.size());
                    synchronized (printer) {
                        if (interrupted.fired()) {
                            break; // shutting down: the report has printed what is known
                        }
                        printer.print(r);
                        printer.flush();
                    }
                    tally.merge(r.result(), 1, Integer::sum);
                    if (!r.ok()) {
                        context.session().fail((r.line() == null ? "" : "line " + r.line() + ": ") + r.subscription()
                                + (r.friendlyName() == null ? "" : " (" + r.friendlyName() + ")") + ": " + r.error());
                        if (exit == 0) {
                            exit = r.exitCode();
                        }
                    }
                }
                progress.clear();
                synchronized (printer) {
                    if (!interrupted.fired()) {
                        printer.finish();
                    }
                }
            }
            if (results.size() > 1) {
                context.session().say(String.join(", ", tally.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).toList()));
            }
            return exit;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ctrl-C in the middle of a batch: the results done but not printed yet (the table shows every one known). */
    private static void catchUp(List<CompletableFuture<Fix.Result>> results, RecordPrinter<Fix.Result> printer) {
        long printed = printer.count();
        for (int i = (int) printed; i < results.size(); i++) {
            Fix.Result r = results.get(i).getNow(null);
            if (r != null) {
                printer.print(r);
            }
        }
    }

    /** What an interrupted batch says: how many fixes were done, which were in flight (with the check), how many not started. */
    private List<String> report(List<Fix.Resolved> fixes, List<CompletableFuture<Fix.Result>> results,
                                       Map<Fix.Resolved, String> inFlight) {
        long done = results.stream().filter(CompletableFuture::isDone).count();
        List<String> lines = new ArrayList<>();
        lines.add("");
        for (Fix.Resolved f : fixes) {
            String state = inFlight.get(f);
            if (state != null) {
                lines.add("  " + f.subscription().subscriptionId() + (f.fix().line() > 0 ? " (line " + f.fix().line()
                        + ")" : "") + ": " + state + "; check with: " + context.pcx(f.subscription().showCommand()));
            }
        }
        int started = lines.size() - 1;
        lines.set(0, done + " of " + fixes.size() + " fixes done (shown above), " + started + " in flight, "
                + (fixes.size() - done - started) + " not started");
        return lines;
    }

    private Fix.Result one(SubscriptionUpdater updater, Fix.Resolved f, boolean dryRun) {
        Fix fix = f.fix();
        SubscriptionRef sub = f.subscription();
        Integer line = fix.line() == 0 ? null : fix.line();
        String value = fix.action().takesValue() ? fix.value().trim() : null;
        try {
            SubscriptionUpdater.Outcome o = updater.apply(sub, List.of(fix.change()), dryRun);
            String name = o.subscription() != null && o.subscription().friendlyName() != null
                    ? o.subscription().friendlyName() : sub.friendlyName();
            String result = switch (o.kind()) {
                case APPLIED -> "applied";
                case UNCHANGED -> "unchanged";
                case WOULD_APPLY -> "would apply";
            };
            if (o.kind() == SubscriptionUpdater.Outcome.Kind.WOULD_APPLY) {
                mayBeRefused(o, line, sub.subscriptionId());
            }
            return new Fix.Result(line, sub.customerId(), sub.subscriptionId(), name, fix.action().wire(), value, result,
                    o.changes(), null, 0);
        } catch (RuntimeException e) {
            Errors.Failure failure = Errors.classify(e);
            return new Fix.Result(line, sub.customerId(), sub.subscriptionId(), sub.friendlyName(),
                    fix.action().wire(), value, e instanceof OutcomeUnknownException ? "unknown" : "failed",
                    List.of(), failure.message(), failure.code());
        }
    }

    /**
     * A dry run's quantity decrease that Partner Center may refuse (800090: seats are removed only
     * within the subscription's cancellation window): said, with the window, so "would apply" does
     * not promise what the service then refuses.
     */
    private void mayBeRefused(SubscriptionUpdater.Outcome o, Integer line, String subscription) {
        for (FieldChange c : o.changes()) {
            if (c.field() != FieldChange.Field.QUANTITY || c.from() == null || c.to() == null || c.from().asInt(-1) < 0
                    || c.to().asInt(-1) < 0 || c.to().asInt(-1) >= c.from().asInt(-1)) {
                continue;
            }
            String where = (line == null ? "" : "line " + line + ": ") + subscription;
            RefundableQuantity refundable = o.subscription() == null ? null : o.subscription().refundableQuantity();
            if (refundable != null) {
                // new commerce says per batch which seats may go now: the same rule as 'services renewals'
                int fewer = c.from().asInt() - c.to().asInt();
                RenewalRules.Removable now = RenewalRules.Removable.of(refundable, context.session().clock().instant());
                if (fewer > now.seats()) {
                    context.session().say("note: " + where + ": a decrease of " + fewer + " seat" + (fewer == 1 ? "" : "s")
                            + " where Partner Center lets " + now.seats() + " be removed now (refundableQuantity): it "
                            + "will likely refuse it (800090)");
                }
                continue;
            }
            ApiDate until = o.subscription() == null ? null
                    : o.subscription().cancellationAllowedUntilDate();
            if (until == null || until.instant() == null) {
                context.session().say("note: " + where + ": a decrease of seats; Partner Center may refuse it outside the "
                        + "subscription's cancellation window, which it does not state");
            } else if (until.instant().isBefore(context.session().clock().instant())) {
                context.session().say("note: " + where + ": a decrease of seats after the cancellation window (it ended "
                        + until.iso() + "): Partner Center will likely refuse it (800090)");
            }
        }
    }
}
