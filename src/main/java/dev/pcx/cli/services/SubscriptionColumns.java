package dev.pcx.cli.services;

import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.Subscription;
import dev.pcx.output.Column;

import java.util.ArrayList;
import java.util.List;

/** How a subscription is shown: the columns of a listing and the fields of {@code services show}. */
final class SubscriptionColumns {
    private SubscriptionColumns() {
    }

    /**
     * Tables mark add-ons with "+ " and say on/off and "none"; CSV and TSV carry the values as sent.
     * On a narrow terminal the id goes first, then billing, commitment end and auto-renew.
     */
    static final List<Column<Subscription>> LIST = List.of(
            Column.<Subscription>shrinking("Friendly name", Subscription::friendlyName)
                    .shown(s -> (s.isAddOn() ? "+ " : "") + nz(s.friendlyName())),
            Column.shrinking("Offer", Subscription::offerName),
            Column.of("Qty", s -> s.quantity() == null ? null : String.valueOf(s.quantity())),
            Column.of("Status", Subscription::status),
            Column.<Subscription>of("Auto-renew", s -> bool(s.autoRenewEnabled()))
                    .shown(s -> onOff(s.autoRenewEnabled())).optional(1),
            Column.<Subscription>of("Billing", Subscription::billingCycle).optional(3),
            Column.<Subscription>of("Commitment end", s -> raw(s.commitmentEnd()))
                    .shown(s -> date(s.commitmentEnd())).optional(2),
            Column.<Subscription>of("Subscription id", Subscription::id).optional(4));

    /** {@code services list --usage}: the list with the seats Graph counts (ASSIGNED, FREE) after the quantity. */
    static final List<Column<Subscription>> WITH_USAGE = withUsage();

    private static List<Column<Subscription>> withUsage() {
        List<Column<Subscription>> columns = new ArrayList<>(LIST);
        int qty = 3;
        columns.add(qty, Column.of("Assigned", s -> text(s.other().get(SubscriptionUsage.ASSIGNED))));
        columns.add(qty + 1, Column.of("Free", s -> text(s.other().get(SubscriptionUsage.FREE))));
        return List.copyOf(columns);
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static final List<Column<Subscription>> DETAIL = List.of(
            Column.of("Friendly name", Subscription::friendlyName),
            Column.of("Subscription id", Subscription::id),
            Column.<Subscription>of("Offer", Subscription::offerName)
                    .shown(s -> join(s.offerName(), s.offerId() == null ? null : "(" + s.offerId() + ")")),
            Column.<Subscription>of("Offer id", Subscription::offerId).machineOnly(),
            Column.of("Product type", s -> s.productType() == null ? null : s.productType().id()),
            Column.<Subscription>of("Status", Subscription::status)
                    .shown(s -> join(s.status(), s.suspensionReasons() == null || s.suspensionReasons().isEmpty()
                            ? null : "(" + String.join(", ", s.suspensionReasons()) + ")")),
            Column.<Subscription>of("Suspension reasons", s -> s.suspensionReasons() == null ? null
                    : String.join(";", s.suspensionReasons())).machineOnly(),
            Column.<Subscription>of("Quantity", s -> s.quantity() == null ? null : String.valueOf(s.quantity()))
                    .shown(s -> s.quantity() == null ? null : join(String.valueOf(s.quantity()), s.unitType())),
            Column.<Subscription>of("Unit type", Subscription::unitType).machineOnly(),
            Column.<Subscription>of("Auto-renew", s -> bool(s.autoRenewEnabled())).shown(s -> onOff(s.autoRenewEnabled())),
            Column.<Subscription>of("Billing", Subscription::billingCycle)
                    .shown(s -> join(s.billingType(), s.billingCycle())),
            Column.<Subscription>of("Billing type", Subscription::billingType).machineOnly(),
            Column.<Subscription>of("Term", Subscription::termDuration)
                    .shown(s -> join(s.termDuration(), blank(s.renewalTermDuration()) ? null
                            : "(renews " + s.renewalTermDuration() + ")")),
            Column.<Subscription>of("Renewal term", Subscription::renewalTermDuration).machineOnly(),
            Column.<Subscription>of("Created", s -> raw(s.creationDate())).shown(s -> iso(s.creationDate())),
            Column.<Subscription>of("Effective start", s -> raw(s.effectiveStartDate()))
                    .shown(s -> iso(s.effectiveStartDate())),
            Column.<Subscription>of("Commitment end", s -> raw(s.commitmentEnd())).shown(s -> iso(s.commitmentEnd())),
            Column.<Subscription>of("Cancel until", s -> raw(s.cancellationAllowedUntilDate()))
                    .shown(s -> iso(s.cancellationAllowedUntilDate())),
            Column.of("Add-on of", Subscription::parentSubscriptionId),
            Column.<Subscription>of("Trial", s -> bool(s.isTrial())).shown(s -> Boolean.TRUE.equals(s.isTrial()) ? "yes" : null),
            Column.<Subscription>of("Attention", s -> bool(s.attentionNeeded()))
                    .shown(s -> Boolean.TRUE.equals(s.attentionNeeded()) ? "needed" : null),
            Column.<Subscription>of("Actions", s -> s.actions() == null ? null : String.join(";", s.actions()))
                    .shown(s -> s.actions() == null ? null : String.join(", ", s.actions())),
            Column.of("Contract", Subscription::contractType),
            Column.of("Reseller (MPN)", s -> blank(s.partnerId()) ? null : s.partnerId()),
            Column.of("Order id", Subscription::orderId),
            Column.of("Etag", Subscription::etag));

    static String bool(Boolean b) {
        return b == null ? null : b.toString();
    }

    /** A date as CSV and TSV carry it: ISO-8601 with its zone, as JSON has it (the text as sent when unreadable). */
    private static String raw(ApiDate d) {
        return d == null ? null : d.iso() != null ? d.iso() : d.raw();
    }

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
        // people get no fractions of a second (2025-01-01T08:00:15Z); CSV and JSON keep what was sent
        return d == null ? null : d.iso() != null && d.iso().startsWith("9999") ? "none"
                : d.iso() == null ? null : d.iso().replaceFirst("\\.\\d+(?=Z|[+-]\\d\\d:?\\d\\d$)", "");
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
