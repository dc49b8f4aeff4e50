package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

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
    private final Map<String, ObjectNode> changed;

    ServiceRequestsRoutes(SandboxStore store, Map<String, JsonNode> saved, Path stateFile, Clock clock) {
        this.store = store;
        this.stateFile = stateFile;
        this.clock = clock;
        this.changed = SandboxState.objects(saved);
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

    /** Request {@code index} of customer {@code customer}. */
    private record Ref(int customer, int index) {
    }

    /** Adds the routes, after the check that the customer exists; every one wants a person's token. */
    void addTo(Routes.Area area) {
        String customers = "/v1/customers/{cid}/servicerequests";
        String ofCustomer = customers + "/{id}";
        String byId = "/v1/servicerequests/(?!supporttopics$){id}";
        area.any(customers + "(/[^/]*)?", (call, path) -> Reply.appUserOnly(call))
                .post(customers, (call, path) -> Reply.fault(404, 404,
                        "Creating service requests through the API was retired on 31 August 2020"))
                .get(customers, (call, path) -> list(store.indexOf(path.group("cid"))))
                .any(ofCustomer, (call, path) -> ofCustomer(path) != null ? null : Reply.fault(404, 404,
                        "Service request " + path.group("id") + " was not found for customer " + path.group("cid")))
                .get(ofCustomer, (call, path) -> show(ofCustomer(path)))
                .patch(ofCustomer, (call, path) -> patch(call, ofCustomer(path)))
                .any(byId, (call, path) -> {
                    Reply refused = Reply.appUserOnly(call);
                    return refused != null || byId(path) != null ? refused
                            : Reply.fault(404, 404, "Service request " + path.group("id") + " was not found");
                })
                .get(byId, (call, path) -> show(byId(path)))
                .patch(byId, (call, path) -> patch(call, byId(path)));
    }

    private Reply list(int customer) {
        ArrayNode items = Json.mapper().createArrayNode();
        for (int j = 0; j < count(customer); j++) {
            items.add(current(customer, j));
        }
        return Reply.ok(SandboxStore.collection(items, "/customers/" + SeedData.tenantId(customer) + "/servicerequests"));
    }

    /** The request {@code id} of the customer {@code cid}, or null. */
    private Ref ofCustomer(Matcher path) {
        int customer = store.indexOf(path.group("cid"));
        int j = indexOf(customer, path.group("id"));
        return j < 0 ? null : new Ref(customer, j);
    }

    /**
     * The request {@code id} of any of the partner's customers, found by its id alone, as
     * {@code /v1/servicerequests/{id}} (the route the REST reference documents) finds it; or null.
     */
    private Ref byId(Matcher path) {
        String id = path.group("id");
        int customer = id.length() == 15 && id.startsWith("6161") && id.chars().allMatch(Character::isDigit)
                ? Integer.parseInt(id.substring(4, 13)) : -1;
        int j = customer < 0 || customer >= store.customerCount() ? -1 : indexOf(customer, id);
        return j < 0 ? null : new Ref(customer, j);
    }

    private static int indexOf(int customer, String id) {
        for (int i = 0; i < count(customer); i++) {
            if (id(customer, i).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Reply show(Ref r) {
        return Reply.ok(current(r.customer(), r.index()));
    }

    private Reply patch(Call call, Ref r) {
        int customer = r.customer();
        int j = r.index();
        Reply.Sent sent = Reply.Sent.of(call, "The request body must be application/json", "The request body is not JSON");
        if (sent.refused() != null) {
            return sent.refused();
        }
        JsonNode body = sent.body();
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
