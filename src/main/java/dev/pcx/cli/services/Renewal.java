package dev.pcx.cli.services;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pcx.api.Json;
import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.SubscribedSku;
import dev.pcx.api.model.Subscription;
import dev.pcx.output.Column;
import dev.pcx.output.SortedPrinter;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

/**
 * One line of the renewal desk ({@code pcx services renewals}): a customer's subscription as
 * Partner Center sent it, with the seats Graph counts for it ({@code subscribedSku}, when its
 * {@code subscriptionIds} hold the subscription's id), and pcx's own fields beside them: days left,
 * the decision it needs and why, seats assigned and free, and how the two were matched. A Graph
 * SKU that matches no subscription is a line of its own ({@code subscription} null, matched by
 * {@code none}); a customer that could not be read is a line with the decision {@code unknown} and
 * the reason. Customer fields carry Partner Center's names.
 */
@JsonPropertyOrder({"tenantId", "companyName", "domain", "subscription", "subscribedSku", "daysLeft", "decision", "reason",
    "seatsAssigned", "seatsFree", "matchedBy"})
public record Renewal(String tenantId, String companyName, String domain, Subscription subscription,
                      SubscribedSku subscribedSku, Long daysLeft, String decision, String reason,
                      Integer seatsAssigned, Integer seatsFree, String matchedBy, @JsonIgnore Proposal proposal) {

    /**
     * The fix {@code --plan} proposes for this line, as a {@code services apply} line: an
     * {@code action} and its {@code value}, with the reason as a {@code comment} apply ignores.
     */
    public record Proposal(String action, Object value, String comment) {
    }

    /** Decisions: what a person must decide, and the outcome of a customer that could not be read. */
    public static final String RENEWS = "renews";
    public static final String LAPSES = "lapses";
    public static final String ENDS = "ends";
    public static final String CANCELLABLE = "cancellable";
    public static final String REDUCIBLE = "reducible";
    public static final String UNASSIGNED = "unassigned";
    public static final String UNKNOWN = "unknown";

    /** {@code matchedBy}: Graph's {@code subscriptionIds} hold the Partner Center id, or nothing joins them. */
    public static final String BY_ID = "subscriptionId";
    public static final String NONE = "none";

    /** The same line with {@code note} added to its reason. */
    Renewal noting(String note) {
        return new Renewal(tenantId, companyName, domain, subscription, subscribedSku, daysLeft, decision,
                reason == null ? note : reason + "; " + note, seatsAssigned, seatsFree, matchedBy, proposal);
    }

    /** Whether this line asks a person for a decision (a customer that could not be read is not one). */
    public boolean needsDecision() {
        return decision != null && !UNKNOWN.equals(decision);
    }

    /** What lines are sorted by: soonest first; then subscriptions, a SKU of its own, an unreadable customer; then by customer and name. */
    record SortKey(Long daysLeft, int kind, String company, String name) {
        static final Comparator<SortKey> ORDER = Comparator
                .comparing(SortKey::daysLeft, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(SortKey::kind)
                .thenComparing(k -> k.company() == null ? "" : k.company())
                .thenComparing(SortKey::name, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    SortKey sortKey() {
        return new SortKey(daysLeft, subscription != null ? 0 : subscribedSku != null ? 1 : 2, companyName, name());
    }

    /** A line held as its JSON (all of it but the proposal, which the plan keeps), and read back whole. */
    static final SortedPrinter.Packing<Renewal> PACKING = new SortedPrinter.Packing<>() {
        @Override
        public byte[] pack(Renewal item) {
            try {
                return Json.mapper().writeValueAsBytes(item);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Renewal unpack(byte[] packed) {
            try {
                return Json.mapper().readValue(packed, Renewal.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    /** The subscription's nickname, else its offer; for a SKU of its own, its part number. */
    String name() {
        if (subscription != null) {
            String n = subscription.friendlyName();
            return n != null && !n.isBlank() ? n : subscription.offerName();
        }
        return subscribedSku == null ? null : subscribedSku.skuPartNumber();
    }

    private static String number(Integer n) {
        return n == null ? null : String.valueOf(n);
    }

    private static String date(ApiDate d) {
        return d == null ? null : d.date();
    }

    private Integer bought() {
        if (subscription != null) {
            return subscription.quantity();
        }
        return subscribedSku == null ? null : subscribedSku.enabledUnits();
    }

    static final List<Column<Renewal>> COLUMNS = List.of(
            Column.shrinking("Customer", Renewal::companyName),
            Column.shrinking("Subscription", Renewal::name),
            Column.<Renewal>shrinking("Offer", r -> r.subscription() == null ? null : r.subscription().offerName())
                    .optional(4),
            Column.<Renewal>of("Term", r -> r.subscription() == null ? null : r.subscription().termDuration()).optional(2),
            Column.<Renewal>of("Billing", r -> r.subscription() == null ? null : r.subscription().billingCycle())
                    .optional(5),
            Column.of("Ends", r -> r.subscription() == null ? null : date(r.subscription().commitmentEnd())),
            Column.of("Days", r -> r.daysLeft() == null ? null : String.valueOf(r.daysLeft())),
            Column.<Renewal>of("Auto-renew", r -> r.subscription() == null ? null
                    : SubscriptionColumns.bool(r.subscription().autoRenewEnabled()))
                    .shown(r -> r.subscription() == null ? null : SubscriptionColumns.onOff(r.subscription().autoRenewEnabled()))
                    .optional(1),
            Column.<Renewal>of("Cancel until", r -> r.subscription() == null ? null
                    : date(r.subscription().cancellationAllowedUntilDate())).optional(3),
            Column.of("Bought", r -> number(r.bought())),
            Column.of("Assigned", r -> number(r.seatsAssigned())),
            Column.of("Free", r -> number(r.seatsFree())),
            Column.of("Decision", Renewal::decision),
            Column.below("Reason", Renewal::reason),
            Column.<Renewal>of("Subscription id", r -> r.subscription() == null ? null : r.subscription().id())
                    .optional(6),
            Column.<Renewal>of("Tenant id", Renewal::tenantId).machineOnly());
}
