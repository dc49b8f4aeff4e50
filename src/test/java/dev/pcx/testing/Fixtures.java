package dev.pcx.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import mockwebserver3.MockResponse;

import java.util.List;

/** Partner Center bodies for tests, written with the production ObjectMapper. */
public final class Fixtures {
    private Fixtures() {
    }

    public static ObjectNode customer(String id, String name, String domain) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("id", id);
        ObjectNode p = c.putObject("companyProfile");
        p.put("tenantId", id);
        p.put("domain", domain);
        p.put("companyName", name);
        p.putObject("attributes").put("objectType", "CustomerCompanyProfile");
        c.put("relationshipToPartner", "reseller");
        c.putObject("links").putObject("self").put("uri", "/customers/" + id).put("method", "GET").putArray("headers");
        c.putObject("attributes").put("objectType", "Customer");
        return c;
    }

    /** A collection page; {@code nextUri} null for the last page. */
    public static ObjectNode page(List<ObjectNode> items, String nextUri, String continuationToken) {
        ObjectNode page = Json.mapper().createObjectNode();
        page.put("totalCount", items.size());
        ArrayNode array = page.putArray("items");
        items.forEach(array::add);
        ObjectNode links = page.putObject("links");
        links.putObject("self").put("uri", "/customers?size=" + items.size()).put("method", "GET").putArray("headers");
        if (nextUri != null) {
            ObjectNode next = links.putObject("next");
            next.put("uri", nextUri).put("method", "GET");
            ArrayNode headers = next.putArray("headers");
            if (continuationToken != null) {
                headers.addObject().put("key", "MS-ContinuationToken").put("value", continuationToken);
            }
        }
        page.putObject("attributes").put("objectType", "Collection");
        return page;
    }

    public static ObjectNode fault(int code, String description) {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("code", code);
        f.put("description", description);
        f.putArray("data");
        f.put("source", "PartnerFD");
        return f;
    }

    public static MockResponse json(int status, Object body) {
        try {
            return new MockResponse.Builder().code(status)
                    .addHeader("Content-Type", "application/json; charset=utf-8")
                    .body(body instanceof String s ? s : Json.mapper().writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MockResponse ok(Object body) {
        return json(200, body);
    }

    public static String tenant(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }
}
