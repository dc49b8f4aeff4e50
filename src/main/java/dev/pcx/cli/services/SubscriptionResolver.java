package dev.pcx.cli.services;

import dev.pcx.api.ApiException;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.SubscriptionRef;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.Typed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns {@code <subscription>} into the subscription it names: an id (a GUID, in either case), or the start
 * of a friendly name that matches exactly one of the customer's subscriptions (an exact name wins).
 * A customer's list is read once and kept for the run; a batch looks ids up in it too, so it finds
 * every unknown subscription before it writes anything.
 */
final class SubscriptionResolver {
    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PartnerCenter api;
    private final Map<String, List<Subscription>> lists = new ConcurrentHashMap<>();

    private final UnaryOperator<String> pcx;

    /** Hints name the commands as this command line runs them ({@code pcx --sandbox ...}). */
    private final Context context;

    SubscriptionResolver(Context context) {
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

    /** The one subscription whose friendly name is exactly {@code name}, or null. */
    SubscriptionRef named(String customerId, String name) {
        if (name == null) {
            return null;
        }
        List<Subscription> exact = list(customerId).stream()
                .filter(s -> s.friendlyName() != null && s.friendlyName().equalsIgnoreCase(name.trim())).toList();
        return exact.size() == 1 ? ref(customerId, exact.get(0)) : null;
    }

    /**
     * @param verify whether an id must be looked up too (a batch checks every line before writing);
     *               otherwise an id is taken as it is, without a call, and the change's own read (or
     *               show's) says if it exists
     * @return the subscription {@code ref} names, with its friendly name when it was looked up
     */
    SubscriptionRef resolve(String customerId, String ref, boolean verify) {
        checkSyntax(ref);
        String r = Typed.plain(ref);
        if (GUID.matcher(r).matches() && !verify) {
            return new SubscriptionRef(customerId, r, null);
        }
        if (GUID.matcher(r).matches()) {
            Subscription byId = list(customerId).stream().filter(s -> r.equalsIgnoreCase(s.id())).findFirst()
                    .orElseThrow(() -> CliException.notFound("customer " + customerId + " has no subscription "
                            + r + " (list them: " + pcx.apply("services list -c " + customerId) + ")"));
            return ref(customerId, byId);
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
        return ref(customerId, matches.get(0));
    }

    private static SubscriptionRef ref(String customerId, Subscription s) {
        return new SubscriptionRef(customerId, s.id(), s.friendlyName());
    }
}
