package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft Graph's {@code GET /v1.0/subscribedSkus[/{id}]} in each customer's tenant
 * (partner-center-api.md §10.4), after the Graph area's checks of token, tenant and role
 * ({@link GraphRoutes}), computed per request from the customer's subscriptions as they are now
 * ({@link SubscriptionsRoutes#current}), so a hundred thousand customers cost nothing until asked.
 *
 * <ul>
 * <li>One SKU per offer among the licence-based subscriptions that are not deleted (usage-based
 *   Azure plans have none); two subscriptions of one offer share it, with both ids in
 *   {@code subscriptionIds}. Graph writes those ids in lower case: a legacy subscription's
 *   (upper-case in Partner Center) differs from Partner Center's in case only.</li>
 * <li>{@code prepaidUnits}: the seats of each subscription by its status, as they are now (a
 *   changed quantity shows): active (and pending) in {@code enabled}, suspended and disabled in
 *   {@code suspended}, expired in {@code warning}, any other in {@code lockedOut}.
 *   {@code capabilityStatus} the first of Enabled, Warning, Suspended, LockedOut that has seats.</li>
 * <li>{@code consumedUnits} (licences assigned) depends on the customer and the offer and on the
 *   seats as seeded (buying seats assigns none): mostly below, sometimes equal to, now and then
 *   above the seats. Contoso: Office 365 E3, Teams Essentials and the archiving add-on below,
 *   Microsoft 365 E5 equal, Business Basic above.</li>
 * <li>One customer in three (Contoso among them) also has Power BI Pro bought elsewhere: its
 *   {@code subscriptionIds} match no Partner Center subscription.</li>
 * <li>skuIds and servicePlanIds are the sandbox's own GUIDs, stable per SKU and plan: no mapping
 *   from a Partner Center offer to a Graph SKU is documented, and none should be guessed.</li>
 * <li>Only {@code $select} is taken (Graph documents no other); a {@code $filter} is refused
 *   with the answer the real service gives, any other option as the other Graph routes refuse
 *   one.</li>
 * </ul>
 */
final class SubscribedSkus {
    private record Sku(String partNumber, List<String> plans) {
    }

    /** The SKU of each of {@link SeedSubscriptions#OFFERS}; null for the usage-based Azure plan. */
    private static final Sku[] BY_OFFER = {
        new Sku("ENTERPRISEPACK", List.of("EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1", "OFFICESUBSCRIPTION")),
        new Sku("O365_BUSINESS_ESSENTIALS", List.of("EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD", "TEAMS1")),
        null,
        new Sku("EXCHANGEARCHIVE_ADDON", List.of("EXCHANGE_S_ARCHIVE_ADDON")),
        new Sku("SPE_E5", List.of("EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1", "AAD_PREMIUM_P2", "MTP")),
        new Sku("TEAMS_ESSENTIALS", List.of("TEAMS1", "ONEDRIVE_BASIC_P2")),
    };

    /** Bought outside this partner's Partner Center. */
    private static final Sku ELSEWHERE = new Sku("POWER_BI_PRO", List.of("BI_AZURE_P2"));

    /** The properties of a subscribedSku, in the order of Graph's sample. */
    private static final List<String> PROPERTIES = List.of("accountName", "accountId", "appliesTo", "capabilityStatus",
            "consumedUnits", "id", "prepaidUnits", "servicePlans", "skuId", "skuPartNumber", "subscriptionIds");

    /** Contoso's consumption per offer: below, equal, above (see the class comment). */
    private static final Map<Integer, Integer> CONTOSO = Map.of(0, 0, 1, 2, 3, 0, 4, 1, 5, 0);

    private final SubscriptionsRoutes subscriptions;
    private final GraphRoutes graph;

    SubscribedSkus(SubscriptionsRoutes subscriptions, GraphRoutes graph) {
        this.subscriptions = subscriptions;
        this.graph = graph;
    }

    /** Adds the routes to Graph's area (after its checks). */
    void addTo(Routes.Area area) {
        area.get("/v1\\.0/subscribedSkus(/{id})?", (call, path) -> answer(call, path.group("id")));
    }

    static String skuId(String partNumber) {
        return SeedData.uuid("sku:" + partNumber, 0);
    }

    private Reply answer(Call call, String id) {
        for (String option : call.queryNames()) {
            if (option.equals("$filter")) {
                // what Graph answers (microsoftgraph/microsoft-graph-docs issue 5922)
                return graph.error(400, "Request_UnsupportedQuery", "Filtered searches against this resource are not supported.");
            }
            if (option.startsWith("$") && !option.equals("$select")) {
                return graph.error(400, "BadRequest", "Query option '" + option + "' is not allowed.");
            }
        }
        List<String> select = new ArrayList<>();
        String asked = call.query("$select");
        if (asked != null && !asked.isBlank()) {
            for (String name : asked.split(",")) {
                String canonical = PROPERTIES.stream().filter(p -> p.equalsIgnoreCase(name.trim())).findFirst().orElse(null);
                if (canonical == null) {
                    return graph.error(400, "BadRequest", "Could not find a property named '" + name.trim()
                            + "' on type 'microsoft.graph.subscribedSku'.");
                }
                select.add(canonical);
            }
        }
        int tenant = graph.tenant(call);
        List<ObjectNode> skus = tenant == SeedHealth.PARTNER ? List.of() : of(tenant);
        String context = call.baseUrl() + "/v1.0/$metadata#subscribedSkus"
                + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")");
        if (id != null) {
            ObjectNode one = skus.stream().filter(s -> s.path("id").asText().equalsIgnoreCase(id)).findFirst().orElse(null);
            if (one == null) {
                return graph.error(404, "Request_ResourceNotFound", "Resource '" + id
                        + "' does not exist or one of its queried reference-property objects are not present.");
            }
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("@odata.context", context + "/$entity");
            body.setAll(selected(one, select));
            return Reply.ok(body);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("@odata.context", context);
        ArrayNode value = body.putArray("value");
        skus.forEach(s -> value.add(selected(s, select)));
        return Reply.ok(body);
    }

    private static ObjectNode selected(ObjectNode sku, List<String> select) {
        if (select.isEmpty()) {
            return sku;
        }
        ObjectNode out = Json.mapper().createObjectNode();
        for (String p : PROPERTIES) {
            if (p.equals("id") || select.contains(p)) {
                out.set(p, sku.get(p));
            }
        }
        return out;
    }

    /** Seats of one SKU, by prepaid state, and the subscriptions it holds. */
    private static final class Units {
        int enabled;
        int suspended;
        int warning;
        int lockedOut;
        int seeded;
        final List<String> ids = new ArrayList<>();
    }

    /** The subscribedSkus of customer {@code customer}'s tenant, as they are now. */
    List<ObjectNode> of(int customer) {
        Map<Integer, Units> byOffer = new LinkedHashMap<>();
        for (int j = 0; j < SeedSubscriptions.count(customer); j++) {
            int offer = SeedSubscriptions.offerIndex(customer, j);
            if (BY_OFFER[offer] == null) {
                continue;
            }
            ObjectNode s = subscriptions.current(customer, j);
            String status = s.path("status").asText();
            if (status.equals("deleted")) {
                continue;
            }
            Units u = byOffer.computeIfAbsent(offer, k -> new Units());
            int seats = s.path("quantity").asInt();
            switch (status) {
                case "active", "pending", "none" -> u.enabled += seats;
                case "suspended", "disabled" -> u.suspended += seats;
                case "expired" -> u.warning += seats;
                default -> u.lockedOut += seats;
            }
            u.seeded += SeedSubscriptions.quantity(customer, j);
            u.ids.add(s.path("id").asText().toLowerCase(Locale.ROOT));
        }
        List<ObjectNode> out = new ArrayList<>();
        byOffer.forEach((offer, u) -> {
            int kind = customer == 0 ? CONTOSO.getOrDefault(offer, 0) : consumption(customer, offer);
            out.add(sku(customer, BY_OFFER[offer], u, consumed(u.seeded, kind, customer, offer)));
        });
        if (customer % 3 == 0) {
            Units u = new Units();
            u.enabled = 3 + SeedSubscriptions.mix(customer, 99, 21) % 20;
            u.ids.add(SeedData.uuid("subscription-elsewhere", customer));
            out.add(sku(customer, ELSEWHERE, u, consumed(u.enabled, customer == 0 ? 0 : consumption(customer, 99) % 2,
                    customer, 99)));
        }
        return out;
    }

    /** 0 below the seats (7 in 10), 1 equal (2 in 10), 2 above (1 in 10). */
    private static int consumption(int customer, int offer) {
        int d = SeedSubscriptions.mix(customer, offer, 20) % 10;
        return d < 7 ? 0 : d < 9 ? 1 : 2;
    }

    private static int consumed(int seats, int kind, int customer, int offer) {
        int dice = SeedSubscriptions.mix(customer, offer, 22);
        return switch (kind) {
            case 0 -> Math.max(0, seats - 1 - dice % Math.max(1, seats * 2 / 5));
            case 1 -> seats;
            default -> seats + 1 + dice % 3;
        };
    }

    private static ObjectNode sku(int customer, Sku sku, Units u, int consumed) {
        String status = u.enabled > 0 ? "Enabled" : u.warning > 0 ? "Warning" : u.suspended > 0 ? "Suspended"
                : u.lockedOut > 0 ? "LockedOut" : "Enabled";
        String skuId = skuId(sku.partNumber());
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("accountName", SeedData.named(customer).name());
        s.put("accountId", SeedData.uuid("account", customer));
        s.put("appliesTo", "User");
        s.put("capabilityStatus", status);
        s.put("consumedUnits", consumed);
        s.put("id", SeedData.tenantId(customer) + "_" + skuId);
        ObjectNode prepaid = s.putObject("prepaidUnits");
        prepaid.put("enabled", u.enabled);
        prepaid.put("lockedOut", u.lockedOut);
        prepaid.put("suspended", u.suspended);
        prepaid.put("warning", u.warning);
        ArrayNode plans = s.putArray("servicePlans");
        for (String plan : sku.plans()) {
            ObjectNode p = plans.addObject();
            p.put("servicePlanId", SeedData.uuid("service-plan:" + plan, 0));
            p.put("servicePlanName", plan);
            p.put("provisioningStatus", status.equals("Enabled") || status.equals("Warning") ? "Success" : "Disabled");
            p.put("appliesTo", "User");
        }
        s.put("skuId", skuId);
        s.put("skuPartNumber", sku.partNumber());
        ArrayNode ids = s.putArray("subscriptionIds");
        u.ids.forEach(ids::add);
        return s;
    }
}
