package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The sandbox's data, rendered in the wire shapes of the contract: slim customers for lists, full
 * ones for get-by-id. Customers are generated from their index ({@link SeedData}), so the store
 * holds only their number and an index built on the first lookup by tenant id.
 */
final class SandboxStore {
    private final ObjectMapper mapper = Json.mapper();
    private final int customers;
    /** Name to customer index, by tenant id and by domain: built on the first lookup. */
    private final Map<String, Map<String, Integer>> indexes = new ConcurrentHashMap<>();

    SandboxStore(int customers) {
        this.customers = customers;
    }

    int customerCount() {
        return customers;
    }

    /** The index of the customer with {@code tenantId}, or -1. */
    int indexOf(String tenantId) {
        return lookup("tenant", SeedData::tenantId, tenantId);
    }

    /** The index of the customer whose primary domain is {@code domain}, or -1. */
    int indexOfDomain(String domain) {
        return lookup("domain", SeedData::domain, domain);
    }

    /** The customer whose {@code key} is {@code value} (whatever its case), in the index built on first use; or -1. */
    private int lookup(String index, IntFunction<String> key, String value) {
        Integer i = indexes.computeIfAbsent(index, name -> {
            Map<String, Integer> built = new HashMap<>(customers * 2);
            for (int c = 0; c < customers; c++) {
                built.put(key.apply(c), c);
            }
            return built;
        }).get(value.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /** A predicate over customer indexes for a customers filter ({@code CompanyName}/{@code Domain} starts_with). */
    IntPredicate matcher(String field, String value) {
        if (field == null) {
            return i -> true;
        }
        String v = value.toLowerCase(Locale.ROOT);
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "companyname" -> i -> SeedData.named(i).name().toLowerCase(Locale.ROOT).startsWith(v);
            case "domain" -> i -> SeedData.domain(i).startsWith(v);
            default -> i -> false;
        };
    }

    ObjectNode customer(int i, boolean full) {
        SeedData.Named named = SeedData.named(i);
        String id = SeedData.tenantId(i);
        String domain = SeedData.domain(i);
        ObjectNode c = mapper.createObjectNode();
        c.put("id", id);
        c.put("commerceId", SeedData.uuid("commerce", i));
        ObjectNode profile = c.putObject("companyProfile");
        profile.put("tenantId", id);
        profile.put("domain", domain);
        profile.put("companyName", named.name());
        if (full) {
            ObjectNode address = profile.putObject("address");
            fillAddress(address, i, named.chinese());
            profile.put("email", "admin@" + domain);
        }
        link(profile.putObject("links"), "self", "/customers/" + id + "/profiles/company");
        profile.putObject("attributes").put("objectType", "CustomerCompanyProfile");
        if (full) {
            ObjectNode billing = c.putObject("billingProfile");
            billing.put("id", SeedData.uuid("billing", i));
            boolean cn = named.chinese();
            String first = cn ? SeedData.FIRST_CN[i % 8] : SeedData.FIRST_EN[i % 8];
            String last = cn ? SeedData.LAST_CN[(i / 8) % 8] : SeedData.LAST_EN[(i / 8) % 8];
            billing.put("firstName", first);
            billing.put("lastName", last);
            billing.put("email", "billing@" + domain);
            billing.put("culture", cn ? "zh-CN" : "en-US");
            billing.put("language", cn ? "zh-Hans" : "en");
            billing.put("companyName", named.name());
            ObjectNode address = billing.putObject("defaultAddress");
            fillAddress(address, i, cn);
            address.put("firstName", first);
            address.put("lastName", last);
            link(billing.putObject("links"), "self", "/customers/" + id + "/profiles/billing");
            ObjectNode attributes = billing.putObject("attributes");
            attributes.put("etag", "W/\"" + Integer.toHexString(0x5eed0000 + i) + "\"");
            attributes.put("objectType", "CustomerBillingProfile");
        }
        c.put("relationshipToPartner", SeedData.relationship(i));
        if (full) {
            c.put("allowDelegatedAccess", SeedData.allowsDelegatedAccess(i));
            ArrayNode custom = c.putArray("customDomains");
            if (i % 5 == 0) {
                custom.add(named.slug() + (i < SeedData.NAMED.size() ? "" : String.valueOf(i)) + ".cn");
            }
        }
        link(c.putObject("links"), "self", "/customers/" + id);
        c.putObject("attributes").put("objectType", "Customer");
        return c;
    }

    private static final String[][] PLACES = {
        {"北京市", "北京", "100000"}, {"上海市", "上海", "200000"}, {"深圳市", "广东省", "518000"},
        {"杭州市", "浙江省", "310000"}, {"广州市", "广东省", "510000"}, {"成都市", "四川省", "610000"}};

    private static void fillAddress(ObjectNode address, int i, boolean chinese) {
        String[] place = PLACES[i % PLACES.length];
        address.put("country", "CN");
        address.put("region", place[1]);
        address.put("city", place[0]);
        address.put("addressLine1", chinese ? "科技园路" + (i % 200 + 1) + "号" : (i % 200 + 1) + " Keji Road");
        address.put("postalCode", place[2]);
        address.put("phoneNumber", "+86 10 " + String.format(Locale.ROOT, "%08d", 60000000 + (i * 7919) % 30000000));
    }

    /** The collection envelope (partner-center-api.md §1.1) of {@code items}, with its {@code self} link. */
    static ObjectNode collection(ArrayNode items, String self) {
        ObjectNode page = Json.mapper().createObjectNode();
        page.put("totalCount", items.size());
        page.set("items", items);
        link(page.putObject("links"), "self", self);
        page.putObject("attributes").put("objectType", "Collection");
        return page;
    }

    static void link(ObjectNode links, String name, String uri) {
        ObjectNode l = links.putObject(name);
        l.put("uri", uri);
        l.put("method", "GET");
        l.putArray("headers");
    }
}
