package dev.pcx.cli.services;

import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.RefundableQuantity;
import dev.pcx.api.model.SubscribedSku;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.ResolvedCustomer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a subscription needs decided, from Partner Center's term fields and Graph's seats, on a
 * given day (partner-center-api.md §10). Pure: the same facts and day give the same line.
 *
 * <p>The decisions, most pressing first (a line has one, and every reason that holds):
 * <ul>
 * <li>{@code renews}: a term of a year or more ends within the window with auto-renew on: it
 *     commits the customer for another term the day after it ends;</li>
 * <li>{@code lapses}: a term ends within the window with auto-renew off, and it is a year or more,
 *     or its seats are in use (a monthly one nobody uses lapsing is no decision);</li>
 * <li>{@code ends}: a term of a year or more ends within the window and Partner Center does not say
 *     whether it renews;</li>
 * <li>{@code cancellable}: the cancellation window is open ({@code cancellationAllowedUntilDate}
 *     today or later);</li>
 * <li>{@code reducible}: seats may still be removed ({@code refundableQuantity}, read by get-by-id);</li>
 * <li>{@code unassigned}: seats bought and not assigned where the subscription goes on: a renewal,
 *     or an open window to cancel or remove seats (not where it lapses).</li>
 * </ul>
 * Only an active subscription needs a decision. A monthly term renewing with auto-renew on is a
 * rollover, no decision unless another holds. A field Partner Center did not send is unknown, never
 * guessed: no term, no decision about the term.
 */
final class RenewalRules {
    /** Commitment ends at or after this year mean "no end" (Partner Center writes 9999-12-…). */
    private static final int NO_END_YEAR = 9000;

    private RenewalRules() {
    }

    /** Seats Graph counts for a subscription: the SKU whose ids hold it, and how many subscriptions share that SKU. */
    record Seats(SubscribedSku sku, String unreadable) {
        static final Seats NONE = new Seats(null, null);

        static Seats of(Subscription s, List<SubscribedSku> skus) {
            for (SubscribedSku sku : skus) {
                if (sku.covers(s.id())) {
                    return new Seats(sku, null);
                }
            }
            return NONE;
        }

        boolean shared() {
            return sku != null && sku.subscriptionIds().size() > 1;
        }
    }

    /** A subscription's line on {@code today} (UTC), the term end counted within {@code withinDays}. */
    static Renewal decide(ResolvedCustomer c, Subscription s, Seats seats, RefundableQuantity refundable, LocalDate today,
                          Instant now, long withinDays) {
        LocalDate end = end(s.commitmentEnd());
        Long daysLeft = end == null ? null : ChronoUnit.DAYS.between(today, end);
        Integer assigned = null;
        Integer free = null;
        String matchedBy = seats.unreadable() != null ? null : seats.sku() != null ? Renewal.BY_ID : Renewal.NONE;
        // a SKU several subscriptions share counts their seats together: no one subscription's, never split by guess
        if (seats.sku() != null && seats.sku().assignable() && !seats.shared()) {
            assigned = seats.sku().consumedUnits();
            free = seats.sku().freeUnits();
        }
        List<String> reasons = new ArrayList<>();
        String decision = null;
        boolean active = "active".equals(s.status());
        boolean ending = daysLeft != null && daysLeft >= 0 && daysLeft <= withinDays;
        Integer months = s.termMonths();
        boolean longTerm = months != null && months >= 12;
        LocalDate cancelUntil = end(s.cancellationAllowedUntilDate());
        boolean cancelOpen = cancelUntil != null && !cancelUntil.isBefore(today);
        Removable removable = Removable.of(refundable, now);
        int reducible = removable.seats();
        Instant reducibleUntil = removable.until();
        if (active && ending) {
            String term = s.renewalTermDuration() != null && !s.renewalTermDuration().isBlank() ? s.renewalTermDuration()
                    : s.termDuration();
            if (Boolean.TRUE.equals(s.autoRenewEnabled())) {
                reasons.add("renews " + end.plusDays(1) + (term == null || term.isBlank() ? "" : " for " + term));
                decision = longTerm ? Renewal.RENEWS : null;
            } else if (Boolean.FALSE.equals(s.autoRenewEnabled())) {
                boolean inUse = assigned != null && assigned > 0;
                reasons.add("lapses after " + end + ": auto-renew is off" + (inUse ? " and " + assigned + " seat"
                        + (assigned == 1 ? " is" : "s are") + " in use" : ""));
                decision = longTerm || inUse ? Renewal.LAPSES : null;
            } else {
                reasons.add("term ends " + end + "; Partner Center does not say whether it renews");
                decision = longTerm ? Renewal.ENDS : null;
            }
        }
        if (active && cancelOpen) {
            reasons.add("cancellable until " + cancelUntil);
            decision = decision == null ? Renewal.CANCELLABLE : decision;
        }
        if (active && reducible > 0) {
            reasons.add(reducible + " seat" + (reducible == 1 ? "" : "s") + " can be removed until "
                    + reducibleUntil.atZone(ZoneOffset.UTC).toLocalDate());
            decision = decision == null ? Renewal.REDUCIBLE : decision;
        }
        // unassigned seats cost money where the subscription goes on: a renewal, or a window to cancel or remove
        boolean goesOn = ending && !Boolean.FALSE.equals(s.autoRenewEnabled());
        if (active && free != null && free > 0 && (goesOn || cancelOpen || reducible > 0)) {
            reasons.add(free + " of " + seats.sku().enabledUnits() + " seats unassigned");
            decision = decision == null ? Renewal.UNASSIGNED : decision;
        }
        if (active && assigned != null && free != null && free < 0) {
            reasons.add((-free) + " more seat" + (free == -1 ? "" : "s") + " assigned than " + seats.sku().skuPartNumber()
                    + " has");
        }
        if (seats.unreadable() != null && active && (ending || cancelOpen || reducible > 0)) {
            reasons.add("seat use unknown");
        }
        if (active && seats.shared() && (ending || cancelOpen || reducible > 0)) {
            SubscribedSku sku = seats.sku();
            reasons.add("seats of " + sku.skuPartNumber() + " are counted for its " + sku.subscriptionIds().size()
                    + " subscriptions together (" + sku.consumedUnits() + " of " + sku.enabledUnits() + " assigned)");
        }
        Renewal.Proposal proposal = null;
        boolean seatsKnown = assigned != null && free != null && !seats.shared();
        if (active && seatsKnown && reducible > 0 && free > 0 && s.quantity() != null) {
            // never below the seats assigned, never to zero, never more than may be removed
            int target = Math.max(Math.max(s.quantity() - Math.min(free, reducible), assigned), 1);
            if (target < s.quantity()) {
                proposal = new Renewal.Proposal("quantity", target, "remove " + (s.quantity() - target)
                        + " unassigned seat" + (s.quantity() - target == 1 ? "" : "s") + " while they can be removed (until "
                        + reducibleUntil.atZone(ZoneOffset.UTC).toLocalDate() + "); " + assigned + " assigned");
            }
        } else if (active && ending && seatsKnown && Boolean.TRUE.equals(s.autoRenewEnabled()) && assigned == 0) {
            proposal = new Renewal.Proposal("auto-renew", "off", "no seat is assigned, and it renews "
                    + end.plusDays(1) + (longTerm ? " for another " + s.termDuration() : ""));
        } else if (active && ending && free != null && free > 0 && Boolean.TRUE.equals(s.autoRenewEnabled())
                && newCommerce(s)) {
            // the 7-day window is new commerce's (partner-center-api.md §10.2); never claimed for a legacy offer
            reasons.add("seats can be removed in the 7 days after it renews on " + end.plusDays(1));
        }
        return new Renewal(c.tenantId(), c.name(), c.domain(), s, seats.sku(), daysLeft, decision,
                reasons.isEmpty() ? null : String.join("; ", reasons), assigned, free, matchedBy, proposal);
    }

    /**
     * The seats that may be removed at {@code now} (partner-center-api.md §10.2): those of every batch
     * of {@code refundableQuantity} whose window is still open, and when the first of those windows
     * closes. The one rule for "may seats be removed now?", for the renewal desk and for a change's dry run.
     */
    record Removable(int seats, Instant until) {
        static Removable of(RefundableQuantity refundable, Instant now) {
            int seats = 0;
            Instant first = null;
            if (refundable != null) {
                for (RefundableQuantity.Batch b : refundable.details()) {
                    Instant until = b.allowedUntilDateTime() == null ? null : b.allowedUntilDateTime().instant();
                    if (b.quantity() != null && b.quantity() > 0 && until != null && !until.isBefore(now)) {
                        seats += b.quantity();
                        first = first == null || until.isBefore(first) ? until : first;
                    }
                }
            }
            return new Removable(seats, first);
        }
    }

    /** A new-commerce subscription, by its product type (not its offer id's shape). */
    static boolean newCommerce(Subscription s) {
        return s.productType() != null && "OnlineServicesNCE".equalsIgnoreCase(s.productType().id());
    }

    /**
     * Whether the line belongs in the window: an active subscription whose term ends within it, or whose
     * window to cancel or remove seats is open (a suspended, deleted or pending one renews nothing).
     */
    static boolean inWindow(Renewal r, long withinDays) {
        if (r.subscription() == null) {
            // an unreadable customer always; a SKU of its own only with --all: tenants hold free and trial SKUs
            // bought elsewhere, with thousands of seats, that no renewal here decides
            return Renewal.UNKNOWN.equals(r.decision());
        }
        if (!"active".equals(r.subscription().status())) {
            return false;
        }
        boolean ending = r.daysLeft() != null && r.daysLeft() >= 0 && r.daysLeft() <= withinDays;
        return ending || r.decision() != null;
    }

    /** A Graph SKU no subscription of the customer matches: its seats as its own line, attributed to none. */
    static Renewal unmatched(ResolvedCustomer c, SubscribedSku sku) {
        boolean assignable = sku.assignable();
        return new Renewal(c.tenantId(), c.name(), c.domain(), null, sku, null, null,
                "no Partner Center subscription of this customer is among its subscriptionIds",
                assignable ? sku.consumedUnits() : null, assignable ? sku.freeUnits() : null, Renewal.NONE, null);
    }

    /** A customer that could not be read: one line, with why. */
    static Renewal unknown(ResolvedCustomer c, String why) {
        return new Renewal(c.tenantId(), c.name(), c.domain(), null, null, null, Renewal.UNKNOWN, why, null, null,
                null, null);
    }

    /** The day a date falls on in UTC; null when absent, unparsed, or "no end" (year 9000 and later). */
    static LocalDate end(ApiDate d) {
        if (d == null || d.instant() == null) {
            return null;
        }
        LocalDate day = d.instant().atZone(ZoneOffset.UTC).toLocalDate();
        return day.getYear() >= NO_END_YEAR ? null : day;
    }
}
