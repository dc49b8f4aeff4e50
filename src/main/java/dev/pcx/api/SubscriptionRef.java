package dev.pcx.api;

import java.util.Locale;

/**
 * A subscription found: its customer's tenant id, its id, and its friendly name when the lookup
 * read it (null when it was given by id and taken as it is).
 */
public record SubscriptionRef(String customerId, String subscriptionId, String friendlyName) {
    /** The same subscription, however its id is cased: changes of one run one after another, in order. */
    public String key() {
        return customerId + "/" + subscriptionId.toLowerCase(Locale.ROOT);
    }

    /** The command that shows it, without {@code pcx}: {@code services show -c <customer> <subscription>}. */
    public String showCommand() {
        return "services show -c " + customerId + " " + subscriptionId;
    }
}
