package dev.pcx.cli.services;

import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.Subscription;
import dev.pcx.output.Column;

import java.util.List;

/** How a subscription is shown: the columns of a listing and the fields of {@code services show}. */
final class SubscriptionColumns {
    private SubscriptionColumns() {
    }

    static final List<Column<Subscription>> LIST = List.of(
            Column.shrinking("Friendly name", s -> (s.isAddOn() ? "+ " : "") + nz(s.friendlyName())),
            Column.shrinking("Offer", Subscription::offerName),
            Column.of("Qty", s -> s.quantity() == null ? null : String.valueOf(s.quantity())),
            Column.of("Status", Subscription::status),
            Column.of("Auto-renew", s -> onOff(s.autoRenewEnabled())),
            Column.of("Billing", Subscription::billingCycle),
            Column.of("Commitment end", s -> date(s.commitmentEnd())),
            Column.of("Subscription id", Subscription::id));

    static final List<Column<Subscription>> DETAIL = List.of(
            Column.of("Friendly name", Subscription::friendlyName),
            Column.of("Subscription id", Subscription::id),
            Column.of("Offer", s -> join(s.offerName(), s.offerId() == null ? null : "(" + s.offerId() + ")")),
            Column.of("Product type", s -> s.productType() == null ? null : s.productType().id()),
            Column.of("Status", s -> join(s.status(), s.suspensionReasons() == null || s.suspensionReasons().isEmpty()
                    ? null : "(" + String.join(", ", s.suspensionReasons()) + ")")),
            Column.of("Quantity", s -> s.quantity() == null ? null : join(String.valueOf(s.quantity()), s.unitType())),
            Column.of("Auto-renew", s -> onOff(s.autoRenewEnabled())),
            Column.of("Billing", s -> join(s.billingType(), s.billingCycle())),
            Column.of("Term", s -> join(s.termDuration(), blank(s.renewalTermDuration()) ? null
                    : "(renews " + s.renewalTermDuration() + ")")),
            Column.of("Created", s -> iso(s.creationDate())),
            Column.of("Effective start", s -> iso(s.effectiveStartDate())),
            Column.of("Commitment end", s -> iso(s.commitmentEnd())),
            Column.of("Cancel until", s -> iso(s.cancellationAllowedUntilDate())),
            Column.of("Add-on of", Subscription::parentSubscriptionId),
            Column.of("Trial", s -> Boolean.TRUE.equals(s.isTrial()) ? "yes" : null),
            Column.of("Attention", s -> Boolean.TRUE.equals(s.attentionNeeded()) ? "needed" : null),
            Column.of("Actions", s -> s.actions() == null ? null : String.join(", ", s.actions())),
            Column.of("Contract", Subscription::contractType),
            Column.of("Reseller (MPN)", s -> blank(s.partnerId()) ? null : s.partnerId()),
            Column.of("Order id", Subscription::orderId),
            Column.of("Etag", Subscription::etag));

    static String onOff(Boolean b) {
        return b == null ? null : b ? "on" : "off";
    }

    private static String date(ApiDate d) {
        if (d == null) {
            return null;
        }
        String day = d.date();
        return day != null && day.startsWith("9999") ? "none" : day;
    }

    private static String iso(ApiDate d) {
        return d == null ? null : d.iso() != null && d.iso().startsWith("9999") ? "none" : d.iso();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String join(String a, String b) {
        if (blank(a)) {
            return blank(b) ? null : b;
        }
        return blank(b) ? a : a + " " + b;
    }
}
