package dev.pcx.cli.services;

import dev.pcx.api.ApiException;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.CliException;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns {@code <subscription>} into a subscription id: an id (a GUID, in either case), or the start
 * of a friendly name that matches exactly one of the customer's subscriptions (an exact name wins).
 * A customer's list is read once and kept for the run; a batch looks ids up in it too, so it finds
 * every unknown subscription before it writes anything.
 */
final class SubscriptionResolver {
    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PartnerCenter api;
    private final Map<String, List<Subscription>> lists = new ConcurrentHashMap<>();

    private final java.util.function.UnaryOperator<String> pcx;

    /** Hints name the commands as this command line runs them ({@code pcx --sandbox ...}). */
    private final dev.pcx.cli.Context context;

    SubscriptionResolver(dev.pcx.cli.Context context) {
        this.context = context;
        this.api = context.api();
        this.pcx = context::pcx;
    }

    static void checkSyntax(String ref) {
        if (ref == null || ref.isBlank()) {
            throw CliException.usage("the subscription is empty: give its id or the start of its friendly name");
        }
    }

    /** The subscriptions of a customer; an unknown customer is not found. */
    List<Subscription> list(String customerId) {
        return lists.computeIfAbsent(customerId, id -> {
            List<Subscription> all = new ArrayList<>();
            try {
                api.subscriptions().list(id).forEach(-1, all::add);
            } catch (ApiException e) {
                throw CustomerResolver.unknownTenantOr(e, id, context);
            }
            return all;
        });
    }

    /** The id and name of the one subscription whose friendly name is exactly {@code name}, or null. */
    String[] named(String customerId, String name) {
        if (name == null) {
            return null;
        }
        List<Subscription> exact = list(customerId).stream()
                .filter(s -> s.friendlyName() != null && s.friendlyName().equalsIgnoreCase(name.trim())).toList();
        return exact.size() == 1 ? new String[] {exact.get(0).id(), exact.get(0).friendlyName()} : null;
    }

    /** The id {@code ref} names: an id as it is, without a call (its GET says whether it exists); a name resolved. */
    String idOf(String customerId, String ref) {
        checkSyntax(ref);
        return resolve(customerId, ref, false)[0];
    }

    /**
     * @param verify whether an id must be looked up too (a batch checks every line before writing);
     *               otherwise an id is taken as it is, and the change's own read says if it exists
     * @return the id and friendly name of the subscription {@code ref} names
     */
    String[] resolve(String customerId, String ref, boolean verify) {
        checkSyntax(ref);
        String r = dev.pcx.cli.Typed.plain(ref);
        if (GUID.matcher(r).matches() && !verify) {
            return new String[] {r, null};
        }
        if (GUID.matcher(r).matches()) {
            Subscription byId = list(customerId).stream().filter(s -> r.equalsIgnoreCase(s.id())).findFirst()
                    .orElseThrow(() -> CliException.notFound("customer " + customerId + " has no subscription "
                            + r + " (list them: " + pcx.apply("services list -c " + customerId) + ")"));
            return new String[] {byId.id(), byId.friendlyName()};
        }
        String lower = r.toLowerCase(Locale.ROOT);
        List<Subscription> matches = list(customerId).stream()
                .filter(s -> s.friendlyName() != null && s.friendlyName().toLowerCase(Locale.ROOT).startsWith(lower))
                .toList();
        if (matches.size() > 1) {
            List<Subscription> exact = matches.stream().filter(s -> s.friendlyName().equalsIgnoreCase(r)).toList();
            if (exact.size() == 1) {
                matches = exact;
            }
        }
        if (matches.isEmpty()) {
            throw CliException.notFound("no subscription of customer " + customerId + " has a friendly name starting "
                    + "with '" + r + "' (list them: " + pcx.apply("services list -c " + customerId) + ")");
        }
        if (matches.size() > 1) {
            List<String> lines = matches.stream().limit(10)
                    .map(s -> s.friendlyName() + "  " + s.status() + "  " + s.id()).toList();
            throw new CliException(ExitCode.USAGE, "'" + r + "' matches " + matches.size()
                    + " subscriptions; give more of the name, or the id:", lines);
        }
        return new String[] {matches.get(0).id(), matches.get(0).friendlyName()};
    }
}
