package dev.pcx.cli.services;

import dev.pcx.api.Graph;
import dev.pcx.api.model.SubscribedSku;
import dev.pcx.api.model.Subscription;

import java.util.ArrayList;
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

    /** A customer's SKUs, as Graph gives them in its tenant ({@code GET /v1.0/subscribedSkus}). */
    static List<SubscribedSku> skus(Graph.Tenant tenant) {
        List<SubscribedSku> skus = new ArrayList<>();
        tenant.pages(tenant.url("subscribedSkus"), SubscribedSku.class).forEach(-1, skus::add);
        return skus;
    }

    /** {@code s} with the seats of the SKU that names it among {@code skus} (none: matched by {@code none}), joined as renewals joins them. */
    static Subscription with(Subscription s, List<SubscribedSku> skus) {
        RenewalRules.Seats seats = RenewalRules.Seats.of(s, skus);
        SubscribedSku sku = seats.sku();
        s.other().put(MATCHED_BY, sku == null ? Renewal.NONE : Renewal.BY_ID);
        if (sku != null && sku.assignable() && !seats.shared()) {
            // a SKU several subscriptions share counts their seats together: no one subscription's
            s.other().put(ASSIGNED, sku.consumedUnits());
            s.other().put(FREE, sku.freeUnits());
        }
        return s;
    }
}
