package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Each customer's subscriptions, as pure functions of the customer's and the subscription's index
 * and of the sandbox's date ("today", taken once from its clock when it starts): legacy (GUID
 * offer) and new-commerce (product:sku:availability) shapes, usage-based Azure, an add-on with its
 * parent, and every status: active, suspended, expired, deleted, pending, disabled, and one the
 * contract does not know yet.
 *
 * <p>Terms, as Partner Center sends them (partner-center-api.md §10.1), relative to today:
 * <ul>
 * <li>New commerce ({@code productType} OnlineServicesNCE): {@code termDuration} P1M, P1Y (most) or
 *   P3Y; {@code renewalTermDuration} the same, or "" as in Microsoft's samples; {@code billingCycle}
 *   monthly for P1M, monthly or annual for P1Y, monthly, annual or triennial for P3Y.
 *   {@code effectiveStartDate} is the start of the current term (the purchase, or the last
 *   renewal; {@code creationDate} is the purchase) and {@code commitmentEndDate} its last day
 *   (inclusive: start + term - 1 day), within a month for P1M, a year for P1Y, three years for
 *   P3Y; {@code commitmentEndDateTime} (23:59:59) on about half. {@code cancellationAllowedUntilDate}
 *   and {@code refundOptions[0].expiresAt} are the start of the term + 7 days: about one term in
 *   six started less than 7 days ago (open), the rest are closed. Expired subscriptions ended
 *   before today and do not auto-renew.</li>
 * <li>{@link #refundable}: the seats that may still be removed, for get-by-id's
 *   {@code refundableQuantity}: every seat while the term's window is open; on one closed term in
 *   five, a batch added mid-term 0 to 5 days ago, with its own 7 days.</li>
 * <li>Legacy (GUID offers): no {@code productType}, {@code termDuration}, {@code renewalTermDuration},
 *   {@code cancellationAllowedUntilDate} nor {@code refundOptions} (absent, not null);
 *   {@code commitmentEndDate} (without a zone, as some payloads have it) within the next year, an
 *   add-on's the same as its legacy parent's. Usage-based Azure plans: 9999-12-14T00:00:00Z.</li>
 * </ul>
 *
 * <p>Contoso Ltd (customer 0), the customer every example uses, has six subscriptions:
 * <ol start="0">
 * <li>HQ Office 365 E3: legacy, active, 5 seats, auto-renew off, commitment end today + 75.</li>
 * <li>Sales Azure plan: usage-based, suspended, no term.</li>
 * <li>R&amp;D Microsoft 365 E5: new commerce P1Y billed annually, 27 seats, <b>auto-renew on, ends
 *   today + 18</b> (renews), cancellation window closed (a decrease is refused).</li>
 * <li>Shanghai office Exchange Online Archiving: legacy add-on of 0, 38 seats, auto-renew off, ends
 *   with its parent.</li>
 * <li>Sales Microsoft Teams Essentials: new commerce <b>P1M</b> billed monthly, 49 seats, auto-renew
 *   on, <b>started 2 days ago: cancellation window open</b>, every seat refundable.</li>
 * <li>Sales Microsoft 365 Business Basic: new commerce P1Y billed monthly, 60 seats, <b>auto-renew
 *   off, ends today + 25</b> (lapses), window closed but 10 seats added 3 days ago still
 *   refundable.</li>
 * </ol>
 */
final class SeedSubscriptions {
    record Offer(String id, String name, boolean nce, boolean usage, boolean addOn, String unit, String cn) {
    }

    static final Offer[] OFFERS = {
        new Offer("796B6B5F-613C-4E24-A17C-EBA730D49C02", "Office 365 E3", false, false, false, "Licenses", "E3 许可证"),
        new Offer("CFQ7TTC0LH18:0001:CFQ7TTC0K971", "Microsoft 365 Business Basic", true, false, false, "Licenses", "商业基础版"),
        new Offer("DZH318Z0BPS6:0001:DZH318Z0BXWC", "Azure plan", false, true, false, "Usage-based", "Azure 计划"),
        new Offer("2828BE95-46BA-4F91-B2FD-0BEF192ECF60", "Exchange Online Archiving for Exchange Online", false, false,
            true, "Licenses", "邮件存档"),
        new Offer("CFQ7TTC0LF8Q:0001:CFQ7TTC0K5DM", "Microsoft 365 E5", true, false, false, "Licenses", "E5 许可证"),
        new Offer("CFQ7TTC0LHSF:0001:CFQ7TTC0HL8Z", "Microsoft Teams Essentials", true, false, false, "Licenses", "Teams 基础版"),
    };

    /** A status per position; most are active, as in life. {@code locked_by_microsoft} stands for a future one. */
    private static final String[] STATUSES = {"active", "active", "suspended", "active", "expired", "active", "deleted",
        "active", "pending", "disabled", "active", "locked_by_microsoft"};

    private static final String[] DEPARTMENTS_CN = {"总部", "销售部", "研发中心", "上海分公司"};
    private static final String[] DEPARTMENTS_EN = {"HQ", "Sales", "R&D", "Shanghai office"};

    /** Contoso's subscriptions 4 and 5 (see the class comment): Teams Essentials and Business Basic, in Sales. */
    private static final int[] CONTOSO_OFFERS = {-1, -1, -1, -1, 5, 1};

    private SeedSubscriptions() {
    }

    /** 3 to 6 subscriptions per customer (Contoso: 6); the fourth, when there is one, is an add-on of the first. */
    static int count(int customer) {
        return customer == 0 ? 6 : 3 + customer % 4;
    }

    static String id(int customer, int sub) {
        String id = SeedData.uuid("subscription", customer * 16 + sub);
        // the docs show ids in both cases: legacy offers' ids come upper-case here
        return offer(customer, sub).nce() ? id : id.toUpperCase(Locale.ROOT);
    }

    static Offer offer(int customer, int sub) {
        if (sub == 3) {
            return OFFERS[3];
        }
        if (customer == 0 && sub < CONTOSO_OFFERS.length && CONTOSO_OFFERS[sub] >= 0) {
            return OFFERS[CONTOSO_OFFERS[sub]];
        }
        int i = (customer + sub * 2) % OFFERS.length;
        return OFFERS[i == 3 ? 4 : i];
    }

    /** Which of {@link #OFFERS} subscription {@code sub} is. */
    static int offerIndex(int customer, int sub) {
        return Arrays.asList(OFFERS).indexOf(offer(customer, sub));
    }

    static String status(int customer, int sub) {
        if (customer == 0) {
            return new String[] {"active", "suspended", "active", "active", "active", "active"}[sub];
        }
        return STATUSES[(customer * 5 + sub * 7) % STATUSES.length];
    }

    /** Whether changes to this subscription are answered 202 Accepted rather than 200. */
    static boolean accepted(int customer, int sub) {
        return (customer + sub) % 4 == 1;
    }

    static boolean nce(int customer, int sub) {
        return offer(customer, sub).nce();
    }

    static boolean usageBased(int customer, int sub) {
        return offer(customer, sub).usage();
    }

    /** The seats the subscription was seeded with (1 for usage-based). */
    static int quantity(int customer, int sub) {
        return offer(customer, sub).usage() ? 1 : 5 + (customer * 3 + sub * 11) % 200;
    }

    static boolean autoRenew(int customer, int sub) {
        if (offer(customer, sub).usage() || "expired".equals(status(customer, sub))) {
            return false;
        }
        if (customer == 0 && sub == 5) {
            return false;
        }
        return (customer + sub) % 3 != 0;
    }

    /** A well-mixed non-negative number from the indexes and a salt: the seeds' dice. */
    static int mix(int customer, int sub, int salt) {
        long x = customer * 0x9E3779B97F4A7C15L + sub * 0xC2B2AE3D27D4EB4FL + salt * 0x165667B19E3779F9L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) ((x >>> 1) & 0x7fffffff);
    }

    /**
     * The current term of a subscription. {@code duration} null: legacy or usage-based (no term
     * fields but the commitment end). {@code created}: the purchase; {@code start}: the current
     * term's first day; {@code end}: its last; {@code renewal}: the purchase or a renewal at
     * midnight. {@code batch} seats added mid-term on {@code batchAdded} (0: none).
     */
    record Term(String duration, String renewalDuration, String billingCycle, LocalDate created, LocalDate start,
                LocalDate end, boolean renewed, boolean endDateTime, int batch, LocalDate batchAdded) {
        /** The last moment seats of the term's start may be removed (and the subscription cancelled). */
        String windowEnd(int customer) {
            return instant(start.plusDays(7), renewed ? "00:00:00" : purchaseTime(customer));
        }

        boolean windowOpen(LocalDate today) {
            return !today.isAfter(start.plusDays(7));
        }
    }

    private static String purchaseTime(int customer) {
        return String.format(Locale.ROOT, "08:%02d:15.0966728", customer % 60);
    }

    private static String instant(LocalDate date, String time) {
        return date + "T" + time + "Z";
    }

    private static Period length(String duration) {
        return Period.parse(duration);
    }

    /** The term of subscription {@code sub} of {@code customer} on {@code today}. */
    static Term term(int customer, int sub, LocalDate today) {
        Offer o = offer(customer, sub);
        if (o.usage()) {
            LocalDate start = today.minusDays(30 + mix(customer, sub, 9) % 700);
            return new Term(null, null, "monthly", start, start, LocalDate.of(9999, 12, 14), false, false, 0, null);
        }
        if (!o.nce()) {
            LocalDate end;
            if (customer == 0) {
                end = today.plusDays(75);
            } else if (o.addOn() && !nce(customer, 0) && !usageBased(customer, 0)) {
                end = term(customer, 0, today).end();
            } else {
                end = today.plusDays(mix(customer, sub, 4) % 365);
            }
            LocalDate start = end.plusDays(1).minusYears(1);
            LocalDate created = start.minusYears(mix(customer, sub, 5) % 3);
            String billing = (customer + sub) % 2 == 0 ? "monthly" : "annual";
            return new Term(null, null, billing, created, start, end, !created.equals(start), false, 0, null);
        }
        if (customer == 0) {
            return contoso(sub, today);
        }
        int pick = mix(customer, sub, 1) % 20;
        String duration = pick < 4 ? "P1M" : pick < 17 ? "P1Y" : "P3Y";
        Period length = length(duration);
        int maxIn = duration.equals("P1M") ? 28 : duration.equals("P1Y") ? 365 : 1095;
        LocalDate start;
        LocalDate end;
        // from the start, the way Partner Center counts (the end is start + term - 1 day, month ends clipped)
        if ("expired".equals(status(customer, sub))) {
            start = today.minus(length).minusDays(1 + mix(customer, sub, 2) % 60);
        } else if (mix(customer, sub, 2) % 6 == 0) {
            start = today.minusDays(1 + mix(customer, sub, 3) % 6);
        } else {
            start = today.minusDays(mix(customer, sub, 3) % maxIn);
        }
        end = start.plus(length).minusDays(1);
        int renewals = mix(customer, sub, 5) % (duration.equals("P1M") ? 12 : duration.equals("P1Y") ? 3 : 2);
        LocalDate created = start;
        for (int k = 0; k < renewals; k++) {
            created = created.minus(length);
        }
        String renewal = mix(customer, sub, 6) % 6 == 0 ? "" : duration;
        String billing = switch (duration) {
            case "P1M" -> "monthly";
            case "P1Y" -> mix(customer, sub, 7) % 2 == 0 ? "annual" : "monthly";
            default -> new String[] {"monthly", "annual", "triennial"}[mix(customer, sub, 7) % 3];
        };
        boolean endDateTime = mix(customer, sub, 8) % 2 == 0;
        int seats = quantity(customer, sub);
        int batch = 0;
        LocalDate added = null;
        if (!start.plusDays(7).isAfter(today.minusDays(1)) && end.isAfter(today) && seats > 1
                && mix(customer, sub, 10) % 5 == 0) {
            batch = 1 + mix(customer, sub, 11) % Math.max(1, seats / 4);
            added = today.minusDays(mix(customer, sub, 12) % 6);
        }
        return new Term(duration, renewal, billing, created, start, end, renewals > 0, endDateTime, batch, added);
    }

    private static Term contoso(int sub, LocalDate today) {
        return switch (sub) {
            case 2 -> {
                LocalDate start = today.plusDays(19).minusYears(1);
                yield new Term("P1Y", "P1Y", "annual", start.minusYears(1), start, start.plusYears(1).minusDays(1), true,
                        true, 0, null);
            }
            case 4 -> {
                LocalDate start = today.minusDays(2);
                yield new Term("P1M", "P1M", "monthly", start, start, start.plusMonths(1).minusDays(1), false, false,
                        0, null);
            }
            default -> {
                LocalDate start = today.plusDays(26).minusYears(1);
                yield new Term("P1Y", "", "monthly", start, start, start.plusYears(1).minusDays(1), false, true, 10,
                        today.minusDays(3));
            }
        };
    }

    /**
     * What get-by-id says of the seats that may still be removed ({@code refundableQuantity},
     * partner-center-api.md §10.2), for a subscription that now has {@code seats}: null for
     * legacy and usage-based subscriptions. A decrease takes seats off the mid-term batch first.
     */
    static ObjectNode refundable(int customer, int sub, LocalDate today, int seats, String status) {
        if (!nce(customer, sub)) {
            return null;
        }
        Term t = term(customer, sub, today);
        ObjectNode r = Json.mapper().createObjectNode();
        int total = 0;
        String until = null;
        boolean live = "active".equals(status) || "suspended".equals(status);
        if (live && t.windowOpen(today)) {
            total = seats;
            until = t.windowEnd(customer);
        } else if (live && t.batch() > 0) {
            total = Math.max(0, Math.min(seats, t.batch() - Math.max(0, quantity(customer, sub) - seats)));
            until = instant(t.batchAdded().plusDays(7), String.format(Locale.ROOT, "%02d:%02d:17.182697",
                    6 + mix(customer, sub, 13) % 12, mix(customer, sub, 14) % 60));
        }
        r.put("totalQuantity", total);
        ArrayNode details = r.putArray("details");
        if (total > 0) {
            ObjectNode d = details.addObject();
            d.put("quantity", total);
            d.put("allowedUntilDateTime", until);
        }
        return r;
    }

    /** The fields that follow the date: a saved (changed) subscription takes them from today's seed. */
    static final List<String> TERM_FIELDS = List.of("creationDate", "effectiveStartDate", "commitmentEndDate",
            "commitmentEndDateTime", "cancellationAllowedUntilDate", "billingCycle", "termDuration",
            "renewalTermDuration", "refundOptions");

    static ObjectNode seed(int customer, int sub, LocalDate today) {
        Offer o = offer(customer, sub);
        Term t = term(customer, sub, today);
        String tenant = SeedData.tenantId(customer);
        String id = id(customer, sub);
        boolean cn = SeedData.named(customer).chinese();
        String department = (cn ? DEPARTMENTS_CN : DEPARTMENTS_EN)[customer == 0 && sub == 4 ? 1 : (customer + sub) % 4];
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("id", id);
        s.put("entitlementId", SeedData.uuid("entitlement", customer * 16 + sub));
        s.put("offerId", o.id());
        s.put("offerName", o.name());
        s.put("friendlyName", department + " " + (cn ? o.cn() : o.name()));
        if (o.nce()) {
            ObjectNode type = s.putObject("productType");
            type.put("id", "OnlineServicesNCE");
            type.put("displayName", "OnlineServicesNCE");
        }
        s.put("quantity", quantity(customer, sub));
        s.put("unitType", o.unit());
        if (o.addOn()) {
            s.put("parentSubscriptionId", id(customer, 0));
        }
        s.put("hasPurchasableAddons", sub == 0);
        s.put("creationDate", instant(t.created(), purchaseTime(customer)));
        s.put("effectiveStartDate", instant(t.start(), "00:00:00"));
        if (o.usage()) {
            s.put("commitmentEndDate", "9999-12-14T00:00:00Z");
        } else if (o.nce()) {
            s.put("commitmentEndDate", instant(t.end(), "00:00:00"));
            if (t.endDateTime()) {
                s.put("commitmentEndDateTime", instant(t.end(), "23:59:59"));
            }
            s.put("cancellationAllowedUntilDate", t.windowEnd(customer));
        } else {
            s.put("commitmentEndDate", t.end() + "T00:00:00");
        }
        String status = status(customer, sub);
        s.put("status", status);
        s.put("autoRenewEnabled", autoRenew(customer, sub));
        s.put("isTrial", false);
        s.put("billingType", o.usage() ? "usage" : "license");
        s.put("billingCycle", t.billingCycle());
        if (o.nce()) {
            s.put("termDuration", t.duration());
            s.put("renewalTermDuration", t.renewalDuration());
            ObjectNode refund = s.putArray("refundOptions").addObject();
            refund.put("type", "Full");
            refund.put("expiresAt", t.windowEnd(customer));
        } else {
            s.putArray("actions").add("Cancel").add("Edit");
        }
        s.put("isMicrosoftProduct", true);
        s.put("partnerId", "");
        if ("suspended".equals(status)) {
            s.putArray("suspensionReasons").add("PartnerInitiated");
        }
        s.put("attentionNeeded", false);
        s.put("actionTaken", false);
        s.put("contractType", "subscription");
        s.put("publisherName", "Microsoft Corporation");
        s.put("orderId", SeedData.uuid("order", customer * 16 + sub).substring(0, 12));
        ObjectNode links = s.putObject("links");
        if (o.nce()) {
            String[] parts = o.id().split(":");
            SandboxStore.link(links, "product", "/products/" + parts[0] + "?country=CN");
            SandboxStore.link(links, "sku", "/products/" + parts[0] + "/skus/" + parts[1] + "?country=CN");
            SandboxStore.link(links, "availability", "/products/" + parts[0] + "/skus/" + parts[1]
                    + "/availabilities/" + parts[2] + "?country=CN");
        } else {
            SandboxStore.link(links, "offer", "/offers/" + o.id());
        }
        if (o.addOn()) {
            SandboxStore.link(links, "parentSubscription", "/customers/" + tenant + "/subscriptions/" + id(customer, 0));
        }
        SandboxStore.link(links, "self", "/customers/" + tenant + "/subscriptions/" + id);
        ObjectNode attributes = s.putObject("attributes");
        attributes.put("etag", etag(customer, sub, 0));
        attributes.put("objectType", "Subscription");
        return s;
    }

    static String etag(int customer, int sub, int version) {
        return Base64.getEncoder().encodeToString(("pcx-sandbox:" + customer + ":" + sub + ":" + version)
                .getBytes(StandardCharsets.UTF_8));
    }
}
