package dev.pcx.cli.shell;

import dev.pcx.api.model.Customer;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.Context;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Completion in {@code pcx shell}: commands, options and enumerated values from the command tree
 * (as {@code pcx completion} has them), plus what only a live session knows — customer names,
 * domains and ids after {@code -c} and {@code use}, the friendly names of the customer in use, the
 * profiles. Those come from small caches filled in the background: a keystroke never waits for the
 * network, it completes with what is known so far.
 */
final class Completions implements Completer {
    private static final Set<String> CUSTOMER_OPTIONS = Set.of("-c", "--customer");
    private static final Set<String> SUBSCRIPTION_VERBS = Set.of("show", "suspend", "activate", "set");
    private static final int CUSTOMERS = 1000;

    private final Shell shell;
    private volatile List<String> customers = List.of();
    private final Map<String, List<String>> subscriptions = new ConcurrentHashMap<>();

    Completions(Shell shell) {
        this.shell = shell;
    }

    /** Starts filling the customer cache in the background (reads only; failures leave it empty). */
    void refreshCustomers() {
        background(() -> {
            List<String> found = new ArrayList<>();
            try (Context context = shell.context()) {
                context.api().customers().list(100, null).forEach(CUSTOMERS, (Customer c) -> {
                    add(found, c.companyName());
                    add(found, c.domain());
                    add(found, c.tenantId());
                });
            }
            customers = List.copyOf(found);
        });
    }

    /** Starts filling the friendly names of {@code customerId}'s subscriptions in the background. */
    void refreshSubscriptions(String customerId) {
        if (customerId == null || subscriptions.containsKey(customerId)) {
            return;
        }
        subscriptions.put(customerId, List.of());
        background(() -> {
            List<String> names = new ArrayList<>();
            try (Context context = shell.context()) {
                context.api().subscriptions().list(customerId).forEach(-1, (Subscription s) -> add(names, s.friendlyName()));
            }
            subscriptions.put(customerId, List.copyOf(names));
        });
    }

    private static void background(Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException ignored) {
                // completion without names is still completion; the command itself will say what is wrong
            }
        }, "pcx-shell-completion");
        t.setDaemon(true);
        t.start();
    }

    private static void add(List<String> to, String value) {
        if (value != null && !value.isBlank()) {
            to.add(value);
        }
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String previous = index > 0 && index - 1 < words.size() ? words.get(index - 1) : "";
        if (CUSTOMER_OPTIONS.contains(previous) || index == 1 && "use".equals(words.get(0))) {
            customers.forEach(c -> candidates.add(new Candidate(c, c, "customers", null, null, null, true)));
            return;
        }
        if (previous.equals("--profile")) {
            try {
                shell.session().profiles().config().profiles().keySet()
                        .forEach(p -> candidates.add(new Candidate(p)));
            } catch (RuntimeException unreadable) {
                // no profiles to offer
            }
            return;
        }
        if (index == 0) {
            candidates.add(new Candidate("use", "use", null, "work on one customer: -c may be left out", null, null, true));
            candidates.add(new Candidate("exit", "exit", null, "leave the shell", null, null, true));
        }
        String customer = shell.customer();
        if (customer != null && index >= 2 && words.size() > 1 && "services".equals(words.get(0))
                && SUBSCRIPTION_VERBS.contains(words.get(1)) && !previous.startsWith("-")) {
            subscriptions.getOrDefault(customer, List.of())
                    .forEach(s -> candidates.add(new Candidate(s, s, "subscriptions", null, null, null, true)));
        }
        List<CharSequence> fromTree = new ArrayList<>();
        String[] args = words.toArray(String[]::new);
        AutoComplete.complete(shell.model().getCommandSpec(), args, index, 0, line.cursor(), fromTree);
        for (CharSequence c : fromTree) {
            String s = c.toString();
            candidates.add(new Candidate(s, s, null, null, null, null, !s.endsWith("=")));
        }
    }
}
