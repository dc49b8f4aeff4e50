package dev.pcx.cli.tickets;

import dev.pcx.api.model.SupportResource;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.Prompter;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Files a request through the Azure Support API for {@code create} and {@code escalate}: the
 * service and problem classification chosen by name, the body, the key's line in the description,
 * and what became of it said on stderr, the ticket on stdout.
 */
final class AzureFiling {
    private AzureFiling() {
    }

    /** Files it (or finds the one filed for {@code key}) and prints it; the exit code, 0. */
    static int file(Context context, Path ledger, AzureOptions azure, AzureChannel desk, String title,
                    String severity, String service, String description, String key) {
        KeyIndex keys = new KeyIndex(ledger);
        keys.checkForAzure(key);
        AzureChannel.Filed filed = desk.create(key, (api, k) -> {
            SupportResource svc = pick(api.services(), service, "Azure support service", "--service");
            List<SupportResource> problems = api.problemClassifications(svc.name());
            String wanted = azure.problem;
            if ((wanted == null || wanted.isBlank()) && context.io().stdinTty()) {
                context.session().say("problem classifications of " + svc.text("displayName") + ": " + names(problems));
                wanted = new Prompter(context.io()).choose("Problem (Tab completes): ", "--problem",
                        problems.stream().map(AzureFiling::display).toList());
            }
            if (wanted == null || wanted.isBlank()) {
                throw CliException.usage("missing --problem: the problem classifications of "
                        + svc.text("displayName") + " are: " + names(problems));
            }
            SupportResource problem = pick(problems, wanted, "problem classification of " + svc.text("displayName"),
                    "--problem");
            String text = k == null ? description : description.stripTrailing() + "\n\npcx-key: " + k;
            return azure.body(title, text, svc.id(), problem.id(), severity);
        });
        SupportResource t = filed.ticket();
        String number = t.text("supportTicketId") == null ? "" : " (number " + t.text("supportTicketId") + ")";
        keys.azureFiled(key, desk.subscription(), t.name());
        if (filed.existed()) {
            context.session().say("the ticket for key " + key + " was filed as " + t.name() + number + " at "
                    + t.text("createdDate") + "; shown again, not filed twice");
        } else {
            context.session().say("filed Azure support ticket " + t.name() + number + " through the Azure Support API on "
                    + "subscription " + desk.subscription());
        }
        desk.print(t);
        return 0;
    }

    /**
     * The resource whose {@code displayName} {@code wanted} names: exactly, or by the start of the
     * name or of a word in it, when that is one; its GUID name too. Otherwise a usage error listing
     * the choices.
     */
    static SupportResource pick(List<SupportResource> all, String wanted, String what, String flag) {
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        for (SupportResource r : all) {
            String name = display(r).toLowerCase(Locale.ROOT);
            if (name.equals(w) || w.equalsIgnoreCase(r.name())) {
                return r;
            }
        }
        List<SupportResource> matching = all.stream().filter(r -> {
            String name = display(r).toLowerCase(Locale.ROOT);
            if (name.startsWith(w)) {
                return true;
            }
            for (String word : name.split("[\\s()/,-]+")) {
                if (!word.isEmpty() && word.startsWith(w)) {
                    return true;
                }
            }
            return name.contains(w) && w.length() >= 4;
        }).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (matching.isEmpty()) {
            if (all.size() <= SHOWN) {
                throw CliException.usage("no " + what + " is called '" + wanted + "'; choose one of: " + names(all)
                        + " (" + flag + ")");
            }
            throw CliException.usage("no " + what + " is called '" + wanted + "'; the closest of the " + all.size()
                    + ": " + names(closest(all, w)) + " (" + flag + ")");
        }
        throw CliException.usage("'" + wanted + "' names several of them: " + names(matching) + " (" + flag
                + "): say more of the name");
    }

    /** How many choices an error lists in full; beyond that, the closest few. */
    static final int SHOWN = 10;

    /** The {@value #SUGGESTED} names closest to {@code wanted}: most words in common first, then fewest edits. */
    static List<SupportResource> closest(List<SupportResource> all, String wanted) {
        List<String> words = List.of(wanted.split("\\s+"));
        return all.stream().sorted(Comparator
                .comparingInt((SupportResource r) -> -common(words, display(r).toLowerCase(Locale.ROOT)))
                .thenComparingInt(r -> distance(wanted, display(r).toLowerCase(Locale.ROOT))))
                .limit(SUGGESTED).toList();
    }

    private static final int SUGGESTED = 5;

    private static int common(List<String> words, String name) {
        int n = 0;
        for (String w : words) {
            for (String word : name.split("[\\s()/,-]+")) {
                if (!w.isEmpty() && !word.isEmpty() && (word.startsWith(w) || w.startsWith(word))) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1)
                        ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }

    private static String display(SupportResource r) {
        String d = r.text("displayName");
        return d == null ? r.name() : d;
    }

    static String names(List<SupportResource> all) {
        return String.join(", ", all.stream().map(r -> "'" + display(r) + "'").toList());
    }

    /** Whether the Azure Support API exists where this run talks to (global); else says why it is a hand-off. */
    static boolean offered(Context context) {
        if (context.connections().connection().cloud().azureSupport()) {
            return true;
        }
        context.session().say("note: Azure operated by 21Vianet has no Azure Support API: the request is prepared for a person "
                + "to submit in its portal (support.azure.cn), not filed");
        return false;
    }
}
