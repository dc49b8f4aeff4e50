package dev.pcx.cli.services;

import dev.pcx.api.model.SubscribedSku;
import dev.pcx.api.model.Subscription;

import java.util.List;

/**
 * {@code services list --usage}: each subscription with the seats Graph counts for it, as pcx's own
 * fields beside Partner Center's ({@code seatsAssigned}, {@code seatsFree}, {@code matchedBy}, as
 * {@code services renewals} names them), so {@code -o json} keeps the list's shape. Seats join a
 * subscription only where Graph's {@code subscriptionIds} hold its id, and only its own: a SKU that
 * several subscriptions share gives none of them a count.
 */
final class SubscriptionUsage {
    static final String ASSIGNED = "seatsAssigned";
    static final String FREE = "seatsFree";
    static final String MATCHED_BY = "matchedBy";

    private SubscriptionUsage() {
    }

    /** {@code s} with the seats of the SKU that names it among {@code skus} (none: matched by {@code none}). */
    static Subscription with(Subscription s, List<SubscribedSku> skus) {
        SubscribedSku sku = skus.stream().filter(k -> k.covers(s.id())).findFirst().orElse(null);
        s.other().put(MATCHED_BY, sku == null ? Renewal.NONE : Renewal.BY_ID);
        if (sku != null && sku.assignable() && sku.subscriptionIds().size() == 1) {
            // a SKU several subscriptions share counts their seats together: no one subscription's
            s.other().put(ASSIGNED, sku.consumedUnits());
            s.other().put(FREE, sku.freeUnits());
        }
        return s;
    }
}
