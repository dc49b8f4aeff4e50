package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;

/**
 * {@code GET /v1/customers} (size, filter, seek paging) and {@code GET /v1/customers/{id}}, and the
 * check that the customer of a path under it exists. The filter is read as the service reads it
 * (partner-center-api.md §2.2: URL-encoded JSON with {@code Field}, {@code Value}, {@code Operator});
 * the links are written as the service writes them, by the sandbox itself: the continuation token
 * is opaque base64 carrying the resume point and the filter, and the next link's uri leaves out
 * {@code /v1}, as the service's often do.
 */
final class CustomersRoutes {
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 500;
    private static final int CODE_BAD_INPUT = 400;
    private static final int CODE_NOT_FOUND = 600008;

    private final SandboxStore store;

    CustomersRoutes(SandboxStore store) {
        this.store = store;
    }

    /** The customer resources other routes serve: a path under a customer that exists. */
    static final String UNDER_CUSTOMER = "/v1/customers/{cid}/(subscriptions|managedservices|servicerequests)(/[^/]*)?";

    /** Adds the customers' routes, after the routes of the resources under a customer. */
    void addTo(Routes.Area area) {
        area.read("/v1/customers", (call, path) -> list(call))
                .read("/v1/customers/{id}", (call, path) -> get(path.group("id")))
                .any("/v1/customers/[^/]*/.*", (call, path) -> call.method().equals("GET") || call.method().equals("HEAD")
                        ? Reply.fault(404, 404, "No route for " + call.path()) : Reply.notAllowed(call));
    }

    /** Null when the customer of {@code path} ({@code cid}) exists, else its 404. */
    Reply known(Call call, Matcher path) {
        return store.indexOf(path.group("cid")) < 0 ? notFound(path.group("cid")) : null;
    }

    static Reply notFound(String tenantId) {
        return Reply.fault(404, CODE_NOT_FOUND, "Customer " + tenantId + " was not found or is not related to the partner");
    }

    private Reply get(String tenantId) {
        int i = store.indexOf(tenantId);
        if (i < 0) {
            return notFound(tenantId);
        }
        return Reply.ok(store.customer(i, true));
    }

    /** Where a page starts, its size, and the filter ({@code field} null: none). */
    record Cursor(int offset, int size, String field, String value) {
    }

    private Reply list(Call call) {
        Cursor cursor;
        if ("next".equalsIgnoreCase(call.query("seekOperation"))) {
            String token = call.header("MS-ContinuationToken");
            if (token == null || token.isBlank()) {
                return Reply.fault(400, CODE_BAD_INPUT, "seekOperation=Next needs the MS-ContinuationToken header");
            }
            cursor = decode(token);
            if (cursor == null) {
                return Reply.fault(400, CODE_BAD_INPUT, "The continuation token is not valid");
            }
        } else {
            int size;
            try {
                String s = call.query("size");
                size = s == null || s.isBlank() || s.equals("0") ? DEFAULT_SIZE : Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return Reply.fault(400, CODE_BAD_INPUT, "size must be a whole number");
            }
            if (size < 0) {
                return Reply.fault(400, CODE_BAD_INPUT, "size must not be negative");
            }
            size = Math.min(size, MAX_SIZE);
            String field = null;
            String value = null;
            String filter = call.query("filter");
            if (filter != null) {
                try {
                    JsonNode f = Json.mapper().readTree(filter);
                    field = text(f, "Field");
                    value = text(f, "Value");
                    String op = text(f, "Operator");
                    if (field == null || value == null || !"starts_with".equalsIgnoreCase(op)) {
                        return Reply.fault(400, CODE_BAD_INPUT,
                                "The filter needs Field, Value and the Operator starts_with");
                    }
                    if (!field.equalsIgnoreCase("CompanyName") && !field.equalsIgnoreCase("Domain")
                            && !field.equalsIgnoreCase("IndirectReseller")
                            && !field.equalsIgnoreCase("IndirectCloudSolutionProvider")) {
                        return Reply.fault(400, CODE_BAD_INPUT, "Unknown search field " + field);
                    }
                } catch (IOException e) {
                    return Reply.fault(400, CODE_BAD_INPUT, "The filter is not valid JSON");
                }
            }
            cursor = new Cursor(0, size, field, value);
        }
        return page(cursor);
    }

    private Reply page(Cursor cursor) {
        IntPredicate matches = store.matcher(cursor.field(), cursor.value());
        int count = store.customerCount();
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = Json.mapper().createArrayNode();
        int i = cursor.offset();
        while (i < count && items.size() < cursor.size()) {
            if (matches.test(i)) {
                items.add(store.customer(i, false));
            }
            i++;
        }
        int resume = i;
        boolean more = false;
        if (cursor.field() == null) {
            more = resume < count;
        } else {
            while (i < count && !more) {
                more = matches.test(i++);
            }
        }
        body.put("totalCount", items.size());
        body.set("items", items);
        ObjectNode links = body.putObject("links");
        ObjectNode self = links.putObject("self");
        self.put("uri", "/customers?size=" + cursor.size() + filterQuery(cursor));
        self.put("method", "GET");
        self.putArray("headers");
        if (more) {
            ObjectNode next = links.putObject("next");
            next.put("uri", "/customers?size=" + cursor.size() + "&seekOperation=Next");
            next.put("method", "GET");
            ObjectNode header = next.putArray("headers").addObject();
            header.put("key", "MS-ContinuationToken");
            header.put("value", encode(new Cursor(resume, cursor.size(), cursor.field(), cursor.value())));
        }
        body.putObject("attributes").put("objectType", "Collection");
        return Reply.ok(body);
    }

    /**
     * {@code &filter=…} of a link, as the service writes it: the JSON object with PascalCase keys,
     * URL-encoded as a whole ({@code %20} for a space).
     */
    private static String filterQuery(Cursor c) {
        if (c.field() == null) {
            return "";
        }
        ObjectNode filter = Json.mapper().createObjectNode();
        filter.put("Field", c.field());
        filter.put("Value", c.value());
        filter.put("Operator", "starts_with");
        return "&filter=" + URLEncoder.encode(SandboxServer.json(filter), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = Json.field(node, field);
        return value != null && value.isValueNode() ? value.asText() : null;
    }

    static String encode(Cursor c) {
        ArrayNode a = Json.mapper().createArrayNode();
        a.add("pcx-sandbox/1").add(c.offset()).add(c.size()).add(c.field()).add(c.value());
        // Real tokens hold '+', '/' and '=': these do too (standard alphabet, padded), to prove
        // pcx sends them untouched.
        return "+" + Base64.getEncoder().encodeToString(SandboxServer.json(a).getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String token) {
        try {
            String t = token.trim();
            if (!t.startsWith("+")) {
                return null;
            }
            JsonNode a = Json.mapper().readTree(Base64.getDecoder().decode(t.substring(1)));
            if (!a.isArray() || a.size() != 5 || !"pcx-sandbox/1".equals(a.get(0).asText())) {
                return null;
            }
            int offset = a.get(1).asInt(-1);
            int size = a.get(2).asInt(-1);
            if (offset < 0 || size < 1 || size > MAX_SIZE) {
                return null;
            }
            String field = a.get(3).isNull() ? null : a.get(3).asText();
            String value = a.get(4).isNull() ? null : a.get(4).asText();
            return new Cursor(offset, size, field, value);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
