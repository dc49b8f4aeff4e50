package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.sandbox.SandboxServer.Call;
import dev.pcx.sandbox.SandboxServer.Reply;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /v1/customers/{cid}/servicerequests[/{id}]} and {@code /v1/servicerequests/{id}} (GET,
 * PATCH), as global Partner Center has them (partner-center-api.md §6): ids are numeric strings, {@code severity} and {@code status}
 * integers as the real service sends them, app+user only. A PATCH is held to what the real one
 * takes: JSON, and only {@code NewNote: {Text}} (answered 204) and {@code Status} (answered 200 with
 * the request; closing a closed one changes nothing). Creating a request is not offered: the API
 * retired it in 2020. Changes are kept in the state file when there is one.
 */
final class ServiceRequestsRoutes {
    private static final String[] TITLES = {"Mailbox cannot receive external mail", "Licences not assigned after purchase",
        "Teams meeting recordings missing", "SharePoint site collection quota"};
    private static final String[] TOPICS = {"Exchange Online", "Licensing", "Microsoft Teams", "SharePoint Online"};

    private final SandboxStore store;
    private final Path stateFile;
    private final Clock clock;
    private final Map<String, ObjectNode> changed = new ConcurrentHashMap<>();

    ServiceRequestsRoutes(SandboxStore store, Map<String, JsonNode> saved, Path stateFile, Clock clock) {
        this.store = store;
        this.stateFile = stateFile;
        this.clock = clock;
        saved.forEach((k, v) -> {
            if (v instanceof ObjectNode o) {
                changed.put(k, o);
            }
        });
    }

    /** How many requests customer {@code c} has: 2, 1, 0, 1, 2, … */
    static int count(int c) {
        return new int[] {2, 1, 0, 1}[c % 4];
    }

    /** The id of request {@code j} of customer {@code c}: a 15-digit numeric string. */
    static String id(int c, int j) {
        return String.format(Locale.ROOT, "6161%09d%02d", c, j);
    }

    private static ObjectNode seed(int c, int j) {
        ObjectNode sr = Json.mapper().createObjectNode();
        int k = (c + j) % TITLES.length;
        sr.put("title", TITLES[k]);
        sr.put("description", "Opened in the partner's portal for the customer (sandbox request " + (j + 1) + ").");
        sr.put("severity", 1 + (c + j) % 3);
        sr.put("supportTopicId", String.valueOf(32444670 + k));
        sr.put("supportTopicName", TOPICS[k]);
        sr.put("id", id(c, j));
        // open, attention needed, closed
        int status = j == 0 ? (c % 8 == 4 ? 3 : 1) : 2;
        sr.put("status", status);
        ObjectNode org = sr.putObject("organization");
        org.put("id", SeedData.tenantId(c));
        org.put("name", SeedData.named(c).name());
        sr.put("productName", TOPICS[k]);
        sr.put("productId", String.valueOf(15960 + k));
        sr.put("createdDate", "2026-11-" + String.format(Locale.ROOT, "%02d", 10 + j) + "T08:30:00Z");
        sr.put("lastModifiedDate", "2026-11-" + String.format(Locale.ROOT, "%02d", 12 + j) + "T09:15:00Z");
        sr.put("lastClosedDate", status == 2 ? "2026-11-14T10:00:00Z" : "0001-01-01T00:00:00");
        ArrayNode notes = sr.putArray("notes");
        ObjectNode note = notes.addObject();
        note.put("createdByName", "Support engineer");
        note.put("createdDate", "2026-11-12T09:15:00");
        note.put("text", "We are looking into it.");
        sr.put("countryCode", "US");
        sr.putObject("attributes").put("objectType", "ServiceRequest");
        return sr;
    }

    private ObjectNode current(int c, int j) {
        ObjectNode doc = changed.get(c + "/" + j);
        return doc != null ? doc : seed(c, j);
    }

    Reply handle(Call call, String[] segments, JsonNode claims) {
        int customer = store.indexOf(segments[1]);
        if (customer < 0) {
            return Reply.fault(404, 600008, "Customer " + segments[1] + " was not found or is not related to the partner");
        }
        if (!"user".equals(claims.path("idtyp").asText())) {
            return Reply.fault(403, 900103, "This operation requires App+User authentication; app-only tokens "
                    + "are not allowed");
        }
        if (segments.length == 3) {
            if (call.method().equals("POST")) {
                return Reply.fault(404, 404, "Creating service requests through the API was retired on 31 August 2020");
            }
            if (!call.method().equals("GET")) {
                return Reply.fault(405, 405, "The method " + call.method() + " is not supported here");
            }
            ObjectNode page = Json.mapper().createObjectNode();
            ArrayNode items = Json.mapper().createArrayNode();
            for (int j = 0; j < count(customer); j++) {
                items.add(current(customer, j));
            }
            page.put("totalCount", items.size());
            page.set("items", items);
            SandboxStore.link(page.putObject("links"), "self", "/customers/" + SeedData.tenantId(customer) + "/servicerequests");
            page.putObject("attributes").put("objectType", "Collection");
            return Reply.ok(page);
        }
        int j = indexOf(customer, segments[3]);
        if (j < 0) {
            return Reply.fault(404, 404, "Service request " + segments[3] + " was not found for customer " + segments[1]);
        }
        return one(call, customer, j);
    }

    /**
     * {@code /v1/servicerequests/{id}} (GET, PATCH), the route the REST reference documents: any of
     * the partner's customers' requests, found by its id alone.
     */
    Reply handleById(Call call, String id, JsonNode claims) {
        if (!"user".equals(claims.path("idtyp").asText())) {
            return Reply.fault(403, 900103, "This operation requires App+User authentication; app-only tokens "
                    + "are not allowed");
        }
        int customer = id.length() == 15 && id.startsWith("6161") && id.chars().allMatch(Character::isDigit)
                ? Integer.parseInt(id.substring(4, 13)) : -1;
        int j = customer < 0 || customer >= store.customerCount() ? -1 : indexOf(customer, id);
        if (j < 0) {
            return Reply.fault(404, 404, "Service request " + id + " was not found");
        }
        return one(call, customer, j);
    }

    private static int indexOf(int customer, String id) {
        for (int i = 0; i < count(customer); i++) {
            if (id(customer, i).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Reply one(Call call, int customer, int j) {
        return switch (call.method()) {
            case "GET" -> Reply.ok(current(customer, j));
            case "PATCH" -> patch(call, customer, j);
            default -> Reply.fault(405, 405, "The method " + call.method() + " is not supported here");
        };
    }

    private Reply patch(Call call, int customer, int j) {
        String type = call.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Reply.fault(415, 415, "The request body must be application/json");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(call.body());
        } catch (IOException e) {
            return Reply.fault(400, 400, "The request body is not JSON");
        }
        if (body == null || !body.isObject() || body.isEmpty()) {
            return Reply.fault(400, 400, "The request body must be a ServiceRequest with the fields to change");
        }
        String text = null;
        String status = null;
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode value = body.get(field);
            switch (field.toLowerCase(Locale.ROOT)) {
                case "newnote" -> {
                    JsonNode t = value.isObject() ? Json.field(value, "text") : null;
                    if (t == null || !t.isTextual() || t.asText().isBlank() || value.size() != 1) {
                        return Reply.fault(400, 400, "NewNote must be {\"Text\": \"...\"}");
                    }
                    text = t.asText();
                }
                case "status" -> {
                    if (!value.isTextual() || !value.asText().equalsIgnoreCase("closed")) {
                        return Reply.fault(400, 400, "Status can only be set to closed");
                    }
                    status = "closed";
                }
                default -> {
                    return Reply.fault(400, 400, "The field " + field + " cannot be changed");
                }
            }
        }
        String now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
        ObjectNode next = current(customer, j).deepCopy();
        if (text != null) {
            ObjectNode note = ((ArrayNode) (next.get("notes") instanceof ArrayNode a ? a : next.putArray("notes")))
                    .addObject();
            note.put("createdByName", "Sandbox person");
            note.put("createdDate", now);
            note.put("text", text);
        }
        if (status != null && next.path("status").asInt() != 2) {
            next.put("status", 2);
            next.put("lastClosedDate", now);
        }
        if (text != null || !next.equals(current(customer, j))) {
            next.put("lastModifiedDate", now);
            String key = customer + "/" + j;
            changed.put(key, next);
            if (stateFile != null) {
                SandboxState.saveServiceRequest(stateFile, key, next);
            }
        }
        return text != null && status == null ? new Reply(204, null, Map.of()) : Reply.ok(next);
    }
}
