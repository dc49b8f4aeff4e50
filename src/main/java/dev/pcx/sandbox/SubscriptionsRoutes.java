package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/**
 * {@code /v1/customers/{cid}/subscriptions[/{sid}]} (GET, PATCH) and
 * {@code /v1/customers/{cid}/managedservices}. A PATCH takes the whole resource, honours
 * {@code If-Match} (412 when stale), enforces the business rules (status transitions, quantities,
 * a new-commerce decrease only of the seats still inside their 7 days,
 * partner-center-api.md §10.2, else ApiFault 800090), gives a new etag on every write, and is
 * answered 200 with the resource or, for some subscriptions, 202 with a {@code Location} whose GETs
 * show the old state a little longer. Changes are kept in the state file when there is one.
 */
final class SubscriptionsRoutes {
    private static final Set<String> EDITABLE = Set.of("status", "quantity", "friendlyname", "autorenewenabled");
    /** Fields the service fills in itself: a client sending them changed (or missing) is not refused. */
    private static final Set<String> IGNORED = Set.of("attributes", "links", "suspensionreasons", "actions",
            "refundablequantity");
    private static final int STALE_READS = 2;

    private final SandboxStore store;
    private final LocalDate today;
    private final Path stateFile;
    private final Map<String, ObjectNode> changed;
    private final Map<String, Stale> stale = new ConcurrentHashMap<>();

    private record Stale(ObjectNode before, AtomicInteger reads) {
    }

    /** @param today the sandbox's date, which the seeded terms are relative to (taken once, at its start) */
    SubscriptionsRoutes(SandboxStore store, Map<String, JsonNode> saved, Path stateFile, LocalDate today) {
        this.store = store;
        this.today = today;
        this.stateFile = stateFile;
        this.changed = SandboxState.objects(saved);
    }

    /**
     * The subscription as it is now: the seed, or the changed one kept in the state, whose term
     * fields follow today's seed (a change saved on another day keeps its quantity, status, name
     * and auto-renew, not that day's dates).
     */
    ObjectNode current(int customer, int sub) {
        ObjectNode doc = changed.get(customer + "/" + sub);
        if (doc == null) {
            return SeedSubscriptions.seed(customer, sub, today);
        }
        ObjectNode seed = SeedSubscriptions.seed(customer, sub, today);
        boolean same = SeedSubscriptions.TERM_FIELDS.stream().allMatch(f -> Objects.equals(seed.get(f), doc.get(f)));
        if (same) {
            return doc;
        }
        ObjectNode now = doc.deepCopy();
        for (String f : SeedSubscriptions.TERM_FIELDS) {
            if (seed.has(f)) {
                now.set(f, seed.get(f));
            } else {
                now.remove(f);
            }
        }
        return now;
    }

    /**
     * Adds the routes, after the check that the customer exists. {@code managedservices/{sid}}
     * answers as {@code subscriptions/{sid}} does, as it always has here.
     */
    void addTo(Routes.Area area) {
        String one = "/v1/customers/{cid}/(subscriptions|managedservices)/{sid}";
        area.get("/v1/customers/{cid}/managedservices", (call, path) -> {
            Reply refused = Reply.appUserOnly(call);
            return refused != null ? refused : Reply.ok(managedServices(customer(path)));
        })
                .get("/v1/customers/{cid}/subscriptions", (call, path) -> list(customer(path)))
                .any(one, (call, path) -> sub(path) < 0 ? Reply.fault(404, 800002, "Subscription " + path.group("sid")
                        + " was not found for customer " + path.group("cid")) : null)
                .get(one, (call, path) -> Reply.ok(withRefundable(view(customer(path), sub(path), true),
                        customer(path), sub(path))))
                .patch(one, (call, path) -> patch(call, customer(path), sub(path)));
    }

    private int customer(Matcher path) {
        return store.indexOf(path.group("cid"));
    }

    /** The subscription {@code sid} of the customer {@code cid}, or -1. */
    private int sub(Matcher path) {
        return indexOf(customer(path), path.group("sid"));
    }

    private Reply list(int customer) {
        ArrayNode items = Json.mapper().createArrayNode();
        for (int j = 0; j < SeedSubscriptions.count(customer); j++) {
            items.add(view(customer, j, false));
        }
        return Reply.ok(SandboxStore.collection(items, "/customers/" + SeedData.tenantId(customer) + "/subscriptions"));
    }

    private static int indexOf(int customer, String id) {
        for (int j = 0; j < SeedSubscriptions.count(customer); j++) {
            if (SeedSubscriptions.id(customer, j).equalsIgnoreCase(id)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Get-by-id's view of a new-commerce subscription: with {@code refundableQuantity}, after
     * {@code publisherName} as in Microsoft's sample (the list does not carry it).
     */
    private ObjectNode withRefundable(ObjectNode doc, int customer, int sub) {
        ObjectNode refundable = SeedSubscriptions.refundable(customer, sub, today, doc.path("quantity").asInt(),
                doc.path("status").asText());
        if (refundable == null) {
            return doc;
        }
        ObjectNode out = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), e.getValue());
            if (e.getKey().equals("publisherName")) {
                out.set("refundableQuantity", refundable);
            }
        }
        if (!out.has("refundableQuantity")) {
            out.set("refundableQuantity", refundable);
        }
        return out;
    }

    /** What a GET shows: after a 202, the old state for a few reads of that subscription. */
    private ObjectNode view(int customer, int sub, boolean countRead) {
        Stale s = stale.get(customer + "/" + sub);
        if (s != null) {
            if (!countRead) {
                return s.before();
            }
            if (s.reads().getAndIncrement() < STALE_READS) {
                return s.before();
            }
            stale.remove(customer + "/" + sub);
        }
        return current(customer, sub);
    }

    /**
     * The sandbox is strict where a client could be wrong and a lenient emulator would not notice:
     * a JSON content type, {@code If-Match} with the etag, field names exactly as the contract
     * spells them (camelCase, or the PascalCase of the documented request bodies; never another
     * casing), enum values as the wire spells them. What pcx reads stays lenient; what it sends
     * must be right.
     */
    private synchronized Reply patch(Call call, int customer, int sub) {
        Reply.Sent sent = Reply.Sent.of(call, "The request body must be sent as application/json", "The request body is not valid JSON");
        if (sent.refused() != null) {
            return sent.refused();
        }
        JsonNode body = sent.body();
        if (body == null || !body.isObject()) {
            return Reply.fault(400, 400, "The request body must be a Subscription object");
        }
        ObjectNode now = current(customer, sub);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!spelledAsDocumented(name, now)) {
                return Reply.fault(400, 400, "The request body has a field the Subscription resource does not have: '"
                        + name + "'");
            }
        }
        String etag = now.path("attributes").path("etag").asText();
        String ifMatch = call.header("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            return Reply.fault(428, 428, "A subscription is changed with If-Match: <etag> of the subscription as read");
        }
        if (!ifMatch.equals(etag)) {
            return Reply.fault(412, 412, "The subscription was changed since it was read (its etag is no longer "
                    + ifMatch + "). Read it again and retry.");
        }
        ObjectNode next = now.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().toLowerCase(Locale.ROOT);
            JsonNode was = Json.field(now, key);
            if (IGNORED.contains(key) || EDITABLE.contains(key) || e.getValue().equals(was)) {
                continue;
            }
            if (was == null && e.getValue().isNull()) {
                continue;
            }
            return Reply.fault(400, 800001, "The field " + e.getKey() + " cannot be changed");
        }
        Reply refused = rules(customer, sub, now, body, next);
        if (refused != null) {
            return refused;
        }
        if (next.equals(now)) {
            return Reply.ok(now);
        }
        next.with("attributes").put("etag", SeedSubscriptions.etag(customer, sub, 0) + "." + UUID.randomUUID());
        String key = customer + "/" + sub;
        changed.put(key, next);
        if (stateFile != null) {
            SandboxState.saveSubscription(stateFile, key, next);
        }
        if (SeedSubscriptions.accepted(customer, sub)) {
            stale.put(key, new Stale(now, new AtomicInteger()));
            String location = "/customers/" + SeedData.tenantId(customer) + "/subscriptions/" + SeedSubscriptions.id(customer, sub);
            return new Reply(202, null, Map.of("Location", location, "Retry-After", "1"));
        }
        return Reply.ok(next);
    }

    /** A field of the resource, by its camelCase name or its PascalCase one, exactly. */
    private static boolean spelledAsDocumented(String name, ObjectNode resource) {
        String camel = name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return (name.equals(camel) || name.equals(pascal(camel))) && (resource.has(camel) || DOCUMENTED.contains(camel));
    }

    private static String pascal(String camel) {
        return camel.isEmpty() ? camel : Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /** {@code field} of a request body, by its exact camelCase or PascalCase name; null when absent. */
    private static JsonNode field(JsonNode body, String camel) {
        JsonNode v = body.get(camel);
        return v != null ? v : body.get(pascal(camel));
    }

    /** The Subscription fields of the contract (partner-center-api.md §3), whether or not a seed has them. */
    private static final Set<String> DOCUMENTED = Set.of("id", "entitlementId", "offerId", "offerName", "friendlyName",
            "productType", "quantity", "unitType", "parentSubscriptionId", "consumptionType", "creationDate",
            "effectiveStartDate", "commitmentEndDate", "commitmentEndDateTime", "cancellationAllowedUntilDate",
            "billingCycleEndDate", "billingCycleEndDateTime", "status", "autoRenewEnabled", "billingType",
            "billingCycle", "hasPurchasableAddons", "isTrial", "isMicrosoftProduct", "actions", "termDuration",
            "renewalTermDuration", "refundOptions", "partnerId", "suspensionReasons", "attentionNeeded", "actionTaken",
            "contractType", "publisherName", "orderId", "promotionId", "migratedFromSubscriptionId", "refundableQuantity",
            "links", "attributes");

    /** The business rules; applies the allowed changes to {@code next}, or says why not. */
    private Reply rules(int customer, int sub, ObjectNode now, JsonNode body, ObjectNode next) {
        String from = now.path("status").asText();
        JsonNode status = field(body, "status");
        if (status != null && !status.isTextual()) {
            return Reply.fault(400, 400, "status is a string such as \"suspended\"");
        }
        if (status != null && !status.asText().equals(from)) {
            String to = status.asText();
            if (!Set.of("none", "active", "suspended", "deleted", "expired", "pending", "disabled").contains(to)) {
                return Reply.fault(400, 400, "'" + to + "' is not a subscription status as the wire spells it "
                        + "(lower case: active, suspended, ...)");
            }
            boolean allowed = from.equals("active") && to.equals("suspended") || from.equals("suspended") && to.equals("active");
            if (!allowed) {
                return Reply.fault(400, 800032, "A subscription in status '" + from + "' cannot be changed to '"
                        + status.asText() + "'");
            }
            next.put("status", to);
            if (to.equals("suspended")) {
                next.putArray("suspensionReasons").add("PartnerInitiated");
            } else {
                next.remove("suspensionReasons");
            }
        }
        JsonNode quantity = field(body, "quantity");
        if (quantity != null && quantity.asInt(-1) != now.path("quantity").asInt()) {
            if (!quantity.canConvertToInt() || quantity.asInt() < 1 || quantity.asInt() > 10_000) {
                return Reply.fault(400, 800015, "The quantity must be a whole number from 1 to 10000");
            }
            if (SeedSubscriptions.usageBased(customer, sub)) {
                return Reply.fault(400, 800016, "The quantity of a usage-based subscription cannot be changed");
            }
            if (!next.path("status").asText().equals("active")) {
                return Reply.fault(400, 800017, "The quantity can be changed only while the subscription is active");
            }
            int seats = now.path("quantity").asInt();
            if (SeedSubscriptions.nce(customer, sub) && quantity.asInt() < seats) {
                int may = SeedSubscriptions.refundable(customer, sub, today, seats, now.path("status").asText())
                        .path("totalQuantity").asInt();
                if (seats - quantity.asInt() > may) {
                    return Reply.fault(400, 800090, "Quantity decrease is not allowed: new-commerce licences can be "
                            + "removed only within 7 days of their purchase, renewal or addition (" + may + " of "
                            + seats + " may be removed now)");
                }
            }
            next.put("quantity", quantity.asInt());
        }
        JsonNode name = field(body, "friendlyName");
        if (name != null && !name.asText().equals(now.path("friendlyName").asText())) {
            if (name.asText().isBlank() || name.asText().length() > 256) {
                return Reply.fault(400, 800018, "The friendly name must be 1 to 256 characters");
            }
            next.put("friendlyName", name.asText());
        }
        JsonNode renew = field(body, "autoRenewEnabled");
        if (renew != null && renew.asBoolean() != now.path("autoRenewEnabled").asBoolean()) {
            if (!renew.isBoolean()) {
                return Reply.fault(400, 800019, "autoRenewEnabled must be true or false");
            }
            if (SeedSubscriptions.usageBased(customer, sub)) {
                return Reply.fault(400, 800020, "A usage-based subscription does not renew");
            }
            next.put("autoRenewEnabled", renew.asBoolean());
        }
        return null;
    }


    private static final String[][] SERVICES = {
        {"Exchange", "Exchange", "Office"},
        {"SharePoint", "SharePoint", "Office"},
        {"MicrosoftCommunicationsOnline", "SkypeforBusiness", "Office"},
        {"MicrosoftTeams", "Teams", "Office"}};

    private static ObjectNode managedServices(int customer) {
        String tenant = SeedData.tenantId(customer);
        String portal = "https://portal.partner.microsoftonline.cn/Partner/BeginClientSession.aspx?CTID=" + tenant;
        ObjectNode page = Json.mapper().createObjectNode();
        ArrayNode items = Json.mapper().createArrayNode();
        for (String[] s : SERVICES) {
            ObjectNode m = items.addObject();
            m.put("id", s[0]);
            m.put("name", s[1]);
            m.put("groupName", s[2]);
            ObjectNode links = m.putObject("links");
            SandboxStore.link(links, "adminService", portal + "&CSDEST=" + s[0]);
            SandboxStore.link(links, "serviceHealth", portal + "&CSDEST=ServiceStatus");
            SandboxStore.link(links, "serviceTicket", portal + "&CSDEST=Support");
            m.putObject("attributes").put("objectType", "ManagedService");
        }
        page.put("totalCount", items.size());
        page.set("items", items);
        return page;
    }
}
