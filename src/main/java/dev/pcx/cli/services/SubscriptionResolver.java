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
 * Turns {@code <subscription>} into a subscription id: an id (a GUID, in either case) as is, or the
 * start of a friendly name that matches exactly one of the customer's subscriptions (an exact name
 * wins). A customer's list is read once and kept for the run.
 */
final class SubscriptionResolver {
    static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PartnerCenter api;
    private final Map<String, List<Subscription>> lists = new ConcurrentHashMap<>();

    SubscriptionResolver(PartnerCenter api) {
        this.api = api;
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
                throw CustomerResolver.unknownTenantOr(e, id);
            }
            return all;
        });
    }

    /** @return the id and friendly name of the subscription {@code ref} names */
    String[] resolve(String customerId, String ref) {
        checkSyntax(ref);
        String r = ref.trim();
        if (GUID.matcher(r).matches()) {
            return new String[] {r, null};
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
                    + "with '" + r + "' (list them: pcx services list -c " + customerId + ")");
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
