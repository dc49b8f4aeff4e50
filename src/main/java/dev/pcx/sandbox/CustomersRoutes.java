package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.ApiRequest;
import dev.pcx.api.Json;
import dev.pcx.api.SearchFilter;
import dev.pcx.sandbox.SandboxServer.Call;
import dev.pcx.sandbox.SandboxServer.Reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntPredicate;

/**
 * {@code GET /v1/customers} (size, filter, seek paging) and {@code GET /v1/customers/{id}}.
 * The continuation token is opaque base64 carrying the resume point and the filter; the next
 * link's uri leaves out {@code /v1}, as the service's often do.
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

    Reply handle(Call call, String[] segments) {
        if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
            return Reply.fault(405, 405, "The method " + call.method() + " is not supported here");
        }
        if (segments.length == 1) {
            return list(call);
        }
        if (segments.length == 2) {
            return get(segments[1]);
        }
        return Reply.fault(404, 404, "No route for " + call.path());
    }

    private Reply get(String tenantId) {
        int i = store.indexOf(tenantId);
        if (i < 0) {
            return Reply.fault(404, CODE_NOT_FOUND, "Customer " + tenantId + " was not found or is not related to the partner");
        }
        return Reply.ok(store.customer(i, true));
    }

    private record Cursor(int offset, int size, String field, String value) {
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

    private static String filterQuery(Cursor c) {
        if (c.field() == null) {
            return "";
        }
        return "&filter=" + ApiRequest.encode(SearchFilter.startsWith(c.field(), c.value()).toJson());
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
