package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Each customer's subscriptions, as pure functions of the customer's and the subscription's index:
 * legacy (GUID offer) and new-commerce (product:sku:availability) shapes, usage-based Azure, an
 * add-on with its parent, and every status: active, suspended, expired, deleted, pending, disabled,
 * and one the contract does not know yet.
 */
final class SeedSubscriptions {
    private record Offer(String id, String name, boolean nce, boolean usage, boolean addOn, String unit, String cn) {
    }

    private static final Offer[] OFFERS = {
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

    private SeedSubscriptions() {
    }

    /** 3 to 6 subscriptions per customer; the fourth, when there is one, is an add-on of the first. */
    static int count(int customer) {
        return 3 + customer % 4;
    }

    static String id(int customer, int sub) {
        String id = SeedData.uuid("subscription", customer * 16 + sub);
        // the docs show ids in both cases: legacy offers' ids come upper-case here
        return offer(customer, sub).nce() ? id : id.toUpperCase(Locale.ROOT);
    }

    private static Offer offer(int customer, int sub) {
        if (sub == 3) {
            return OFFERS[3];
        }
        int i = (customer + sub * 2) % OFFERS.length;
        return OFFERS[i == 3 ? 4 : i];
    }

    static String status(int customer, int sub) {
        if (customer == 0) {
            return new String[] {"active", "suspended", "active", "active", "expired", "active"}[sub];
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

    static ObjectNode seed(int customer, int sub) {
        Offer o = offer(customer, sub);
        String tenant = SeedData.tenantId(customer);
        String id = id(customer, sub);
        boolean cn = SeedData.named(customer).chinese();
        String department = (cn ? DEPARTMENTS_CN : DEPARTMENTS_EN)[(customer + sub) % 4];
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
        s.put("quantity", o.usage() ? 1 : 5 + (customer * 3 + sub * 11) % 200);
        s.put("unitType", o.unit());
        if (o.addOn()) {
            s.put("parentSubscriptionId", id(customer, 0));
        }
        s.put("hasPurchasableAddons", sub == 0);
        int day = 1 + (customer + sub) % 27;
        s.put("creationDate", String.format(Locale.ROOT, "2025-%02d-%02dT08:%02d:15.0966728Z", 1 + sub % 12, day, customer % 60));
        s.put("effectiveStartDate", String.format(Locale.ROOT, "2025-%02d-%02dT00:00:00Z", 1 + sub % 12, day));
        s.put("commitmentEndDate", o.usage() ? "9999-12-14T00:00:00Z"
                : String.format(Locale.ROOT, "2026-%02d-%02dT00:00:00", 1 + sub % 12, day));
        if (o.nce()) {
            s.put("cancellationAllowedUntilDate", String.format(Locale.ROOT, "2025-%02d-%02dT00:00:00Z", 1 + sub % 12,
                    Math.min(28, day + 7)));
        }
        String status = status(customer, sub);
        s.put("status", status);
        s.put("autoRenewEnabled", !o.usage() && (customer + sub) % 3 != 0);
        s.put("isTrial", false);
        s.put("billingType", o.usage() ? "usage" : "license");
        s.put("billingCycle", o.usage() ? "monthly" : (customer + sub) % 2 == 0 ? "monthly" : "annual");
        if (o.nce()) {
            s.put("termDuration", "P1Y");
            s.put("renewalTermDuration", "P1Y");
            ObjectNode refund = s.putArray("refundOptions").addObject();
            refund.put("type", "Full");
            refund.put("expiresAt", String.format(Locale.ROOT, "2025-%02d-%02dT00:00:00Z", 1 + sub % 12, Math.min(28, day + 3)));
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
