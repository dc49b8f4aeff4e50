package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.auth.Cloud;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Resource Manager's Support API ({@code Microsoft.Support}, partner-center-api.md §6.2) for
 * the sandbox's customers' Azure subscriptions ({@link SeedSupport}): services and problem
 * classifications, and per subscription the name check, tickets (PUT answered 202 with
 * {@code Azure-AsyncOperation} and {@code Location}, GET, list with {@code $top}/{@code $filter}
 * and {@code nextLink}, PATCH) and their communications. Every call wants api-version
 * {@value #API_VERSION} and, on a subscription, two ARM tokens as the real one does on a partner's
 * behalf: {@code Authorization} issued by the subscription's customer tenant and
 * {@code x-ms-authorization-auxiliary} by the partner's; without the partner's, a ticket is refused
 * with the CSP message, as it is always on the subscriptions bought through an indirect provider.
 * A name in use is a 409. On 21Vianet ({@code --cloud china}) the provider does not exist: 404.
 * Tickets filed or changed are kept in the state file when there is one.
 */
final class SupportRoutes {
    static final String API_VERSION = "2024-04-01";
    private static final Set<String> SEVERITIES = Set.of("minimal", "moderate", "critical", "highestcriticalimpact");
    private static final List<String> CONTACT_FIELDS = List.of("firstName", "lastName", "preferredContactMethod",
            "primaryEmailAddress", "preferredTimeZone", "country", "preferredSupportLanguage");
    static final int PAGE = 2;
    private static final String AUXILIARY = "x-ms-authorization-auxiliary";

    private final SandboxStore store;
    private final Function<String, Integer> tenants;
    private final Cloud cloud;
    private final Path stateFile;
    private final Clock clock;
    /** Tickets filed or changed, by {@code sub/name} (lower case): {@code {"ticket": …, "communications": […]}}. */
    private final Map<String, ObjectNode> changed;
    /** Operations of 202s, by id: the path of the resource they make. */
    private final Map<String, String> operations = new ConcurrentHashMap<>();

    /** @param cloud null: answers as global does (the sandbox of either cloud, in process) */
    SupportRoutes(SandboxStore store, Function<String, Integer> tenants, Cloud cloud,
                  Map<String, JsonNode> saved, Path stateFile, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.cloud = cloud;
        this.stateFile = stateFile;
        this.clock = clock;
        this.changed = SandboxState.objects(saved);
    }

    /**
     * Adds ARM's area. Every call is first checked for the provider, its api-version and an ARM
     * token; on a subscription then for the subscription, the two tokens' tenants and the role;
     * then (but for operation results) for the CSP refusal.
     */
    void addTo(Routes routes) {
        String tenant = "/providers/microsoft\\.support";
        String sub = "/subscriptions/{sub}/providers/microsoft\\.support";
        String service = tenant + "/services/{service}";
        String ticket = sub + "/supportTickets/{name}";
        String communications = ticket + "/communications";
        routes.area("/(subscriptions|providers)/", this::noRoute, SupportRoutes::notAllowed, SupportRoutes::fault)
                .any("(/subscriptions/[^/]*)?" + tenant + "/.+", (call, path) -> admit(call))
                .any(tenant + "/.*", (call, path) -> call.method().equals("GET") ? null : notAllowed(call))
                .get(tenant + "/operationsStatus/{op}", (call, path) -> operationStatus(path.group("op")))
                .get(tenant + "/services", (call, path) -> services())
                .any(service + "(/.*)?", (call, path) -> service(path) >= 0 ? null : error(404, "ResourceNotFound",
                        "The service '" + path.group("service") + "' was not found."))
                .get(service, (call, path) -> Reply.ok(SeedSupport.service(service(path))))
                .get(service + "/problemClassifications(/{problem})?", (call, path) -> problems(path))
                .any(sub + "/.*", (call, path) -> admitOnSubscription(call, path.group("sub")))
                .any(sub + "/operationResults/{op}", (call, path) -> operationResult(call, path.group("op")))
                .any(sub + "/.*", (call, path) -> call.header(AUXILIARY) == null
                        || SeedSupport.refusesAsCsp(owner(path)[1]) ? error(400, "BadRequest", "Your support plan "
                        + "type is CSP. Support for this subscription comes through its Cloud Solution Provider "
                        + "partner: the partner files the ticket, with a token of its own tenant as "
                        + "x-ms-authorization-auxiliary.") : null)
                .post(sub + "/checkNameAvailability", (call, path) -> checkName(call, path.group("sub"), owner(path)))
                .any(sub + "/checkNameAvailability", (call, path) -> noRoute(call))
                .get(sub + "/supportTickets", (call, path) -> list(call, path.group("sub"), owner(path)))
                .get(ticket, (call, path) -> {
                    ObjectNode t = ticket(path.group("sub"), owner(path), path.group("name"));
                    return t == null ? missing(path.group("name")) : Reply.ok(t);
                })
                .put(ticket, (call, path) -> create(call, path.group("sub"), owner(path), path.group("name")))
                .patch(ticket, (call, path) -> patch(call, path.group("sub"), owner(path), path.group("name")))
                .any(communications + "(/{comm})?", (call, path) -> doc(path) == null ? missing(path.group("name")) : null)
                .get(communications, (call, path) -> page(call, (ArrayNode) doc(path).get("communications"), 10))
                .get(communications + "/{comm}", (call, path) -> communication(path))
                .put(communications + "/{comm}", (call, path) -> addCommunication(call, path.group("sub"), owner(path),
                        path.group("name"), path.group("comm")));
    }

    /** Null when ARM takes the call: the provider exists (not on 21Vianet), api-version is ours, an ARM token. */
    private Reply admit(Call call) {
        if (cloud == Cloud.CHINA) {
            return noRoute(call);
        }
        String version = call.query("api-version");
        if (version == null) {
            return error(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is "
                    + "required for all requests.");
        }
        if (!version.equals(API_VERSION)) {
            return error(400, "InvalidApiVersionParameter", "The api-version '" + version + "' is invalid. The "
                    + "sandbox supports '" + API_VERSION + "'.");
        }
        if (token(call, "Authorization") == null) {
            return error(401, "InvalidAuthenticationToken", "The access token is missing, invalid or expired, "
                    + "or was not issued for Azure Resource Manager.");
        }
        return null;
    }

    /**
     * Null when the caller may act on subscription {@code sub}: it is one of the sandbox's, the
     * token is its customer's, an auxiliary token (when sent) is the partner's, and the person holds
     * a role there.
     */
    private Reply admitOnSubscription(Call call, String sub) {
        int[] owner = SeedSupport.owner(sub, store.customerCount());
        if (owner == null) {
            return error(404, "SubscriptionNotFound", "The subscription '" + sub + "' could not be found.");
        }
        JsonNode caller = token(call, "Authorization");
        Integer tenant = tenants.apply(caller.path("tid").asText());
        if (tenant == null || tenant != owner[0]) {
            return error(401, "InvalidAuthenticationTokenTenant", "The access token is from the wrong issuer '"
                    + caller.path("iss").asText() + "'. It must match the tenant of the subscription '" + sub
                    + "' (the customer's): 'https://sts.pcx-sandbox/" + SeedData.tenantId(owner[0]) + "/'.");
        }
        if (call.header(AUXILIARY) != null) {
            JsonNode aux = token(call, AUXILIARY);
            if (aux == null) {
                return error(401, "InvalidAuthenticationToken", "The auxiliary token (x-ms-authorization-auxiliary) "
                        + "is missing its Bearer scheme, invalid or expired, or was not issued for Azure Resource "
                        + "Manager.");
            }
            Integer auxTenant = tenants.apply(aux.path("tid").asText());
            if (auxTenant == null || auxTenant != SeedHealth.PARTNER) {
                return error(401, "InvalidAuthenticationTokenTenant", "The auxiliary token (x-ms-authorization-"
                        + "auxiliary) is from the wrong issuer '" + aux.path("iss").asText() + "'. It must be issued "
                        + "by the tenant of the subscription's Cloud Solution Provider partner.");
            }
        }
        if (SeedHealth.access(owner[0]) == SeedHealth.Access.NO_ADMIN_ROLE) {
            return error(403, "AuthorizationFailed", "The client '" + caller.path("upn").asText() + "' does not have "
                    + "authorization to perform action 'Microsoft.Support/supportTickets/*' over scope '/subscriptions/"
                    + sub + "': assign it Support Request Contributor (or Owner) on the subscription.");
        }
        return null;
    }

    /** The customer and number of the (admitted) subscription {@code sub}. */
    private int[] owner(Matcher path) {
        return SeedSupport.owner(path.group("sub"), store.customerCount());
    }

    /** The index of service {@code service}, or -1. */
    private static int service(Matcher path) {
        int service = -1;
        for (int i = 0; i < SeedSupport.SERVICES.size(); i++) {
            if (SeedSupport.serviceName(i).equalsIgnoreCase(path.group("service"))) {
                service = i;
            }
        }
        return service;
    }

    private static Reply services() {
        ArrayNode items = Json.mapper().createArrayNode();
        for (int i = 0; i < SeedSupport.SERVICES.size(); i++) {
            items.add(SeedSupport.service(i));
        }
        return value(items, null);
    }

    /** A service's problem classifications, or the one named {@code problem}. */
    private static Reply problems(Matcher path) {
        int service = service(path);
        String problem = path.group("problem");
        ArrayNode items = Json.mapper().createArrayNode();
        for (int p = 0; p < SeedSupport.SERVICES.get(service).problems().size(); p++) {
            if (problem != null && SeedSupport.problemName(service, p).equalsIgnoreCase(problem)) {
                return Reply.ok(SeedSupport.problem(service, p));
            }
            items.add(SeedSupport.problem(service, p));
        }
        return problem != null ? error(404, "ResourceNotFound", "The problem classification '" + problem
                + "' was not found.") : value(items, null);
    }

    private Reply operationStatus(String op) {
        if (operations.get(op) == null) {
            return error(404, "NotFound", "The operation '" + op + "' was not found.");
        }
        ObjectNode status = Json.mapper().createObjectNode();
        status.put("name", op);
        status.put("status", "Succeeded");
        return Reply.ok(status);
    }

    /** The ticket {@code name} and its communications, or null. */
    private ObjectNode doc(Matcher path) {
        return doc(path.group("sub"), owner(path), path.group("name"));
    }

    private Reply communication(Matcher path) {
        String comm = path.group("comm");
        for (JsonNode c : doc(path).get("communications")) {
            if (c.path("name").asText().equalsIgnoreCase(comm)) {
                return Reply.ok(c);
            }
        }
        return error(404, "ResourceNotFound", "The communication '" + comm + "' was not found.");
    }

    // ---- tickets ----

    private static String key(String sub, String name) {
        return sub.toLowerCase(Locale.ROOT) + "/" + name.toLowerCase(Locale.ROOT);
    }

    /** The ticket and its communications, or null when the subscription has no ticket by that name. */
    private ObjectNode doc(String sub, int[] owner, String name) {
        ObjectNode kept = changed.get(key(sub, name));
        if (kept != null) {
            return kept;
        }
        if (owner[1] == 0) {
            for (int j = 0; j < SeedSupport.tickets(owner[0]); j++) {
                if (SeedSupport.TICKETS.get(j).equalsIgnoreCase(name)) {
                    ObjectNode doc = Json.mapper().createObjectNode();
                    doc.set("ticket", SeedSupport.ticket(owner[0], j));
                    doc.set("communications", SeedSupport.communications(owner[0], j));
                    return doc;
                }
            }
        }
        return null;
    }

    private ObjectNode ticket(String sub, int[] owner, String name) {
        ObjectNode doc = doc(sub, owner, name);
        return doc == null ? null : (ObjectNode) doc.get("ticket");
    }

    private void keep(String sub, String name, ObjectNode doc) {
        changed.put(key(sub, name), doc);
        if (stateFile != null) {
            SandboxState.saveSupportTicket(stateFile, key(sub, name), doc);
        }
    }

    private List<ObjectNode> all(String sub, int[] owner) {
        List<ObjectNode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (owner[1] == 0) {
            for (int j = 0; j < SeedSupport.tickets(owner[0]); j++) {
                String name = SeedSupport.TICKETS.get(j);
                out.add(ticket(sub, owner, name));
                seen.add(key(sub, name));
            }
        }
        changed.entrySet().stream().filter(e -> e.getKey().startsWith(sub.toLowerCase(Locale.ROOT) + "/")
                        && !seen.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.add((ObjectNode) e.getValue().get("ticket")));
        return out;
    }

    private Reply list(Call call, String sub, int[] owner) {
        String filter = call.query("$filter");
        List<ObjectNode> tickets = all(sub, owner);
        if (filter != null) {
            Matcher m = Pattern.compile("(?i)\\s*(status|serviceid|problemclassificationid)"
                    + "\\s+eq\\s+'([^']*)'\\s*").matcher(filter);
            if (!m.matches()) {
                return error(400, "BadRequest", "The $filter '" + filter + "' is not supported: use Status, ServiceId or "
                        + "ProblemClassificationId eq '...'.");
            }
            String field = m.group(1).equalsIgnoreCase("status") ? "status" : m.group(1).equalsIgnoreCase("serviceid")
                    ? "serviceId" : "problemClassificationId";
            tickets = tickets.stream().filter(t -> t.path("properties").path(field).asText()
                    .equalsIgnoreCase(m.group(2))).toList();
        }
        ArrayNode items = Json.mapper().createArrayNode();
        tickets.forEach(items::add);
        String top = call.query("$top");
        int size = PAGE;
        if (top != null) {
            try {
                size = Integer.parseInt(top);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > 100) {
                return error(400, "BadRequest", "$top must be from 1 to 100.");
            }
        }
        return page(call, items, size);
    }

    /** One page of {@code items} from {@code $skiptoken}, with an absolute {@code nextLink} when more follow. */
    private Reply page(Call call, ArrayNode items, int size) {
        int from = 0;
        try {
            from = call.query("$skiptoken") == null ? 0 : Integer.parseInt(call.query("$skiptoken"));
        } catch (NumberFormatException e) {
            return error(400, "BadRequest", "The $skiptoken is not valid.");
        }
        ArrayNode value = Json.mapper().createArrayNode();
        for (int i = from; i < Math.min(items.size(), from + size); i++) {
            value.add(items.get(i));
        }
        String next = null;
        if (from + size < items.size()) {
            HttpUrl here = HttpUrl.get(call.baseUrl() + call.rawPathAndQuery());
            next = here.newBuilder().removeAllQueryParameters("$skiptoken")
                    .addQueryParameter("$skiptoken", String.valueOf(from + size)).build().toString();
        }
        return value(value, next);
    }

    private synchronized Reply create(Call call, String sub, int[] owner, String name) {
        ObjectNode body = json(call);
        if (body == null) {
            return error(400, "BadRequest", "The request body must be JSON: {\"properties\": {...}}.");
        }
        if (ticket(sub, owner, name) != null) {
            return error(409, "Conflict", "A support ticket named '" + name + "' already exists in subscription '"
                    + sub + "'; support ticket names cannot be reused.");
        }
        JsonNode props = body.path("properties");
        String problem = invalid(props);
        if (problem != null) {
            return error(400, "BadRequest", problem);
        }
        String now = now();
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("id", "/subscriptions/" + sub + "/providers/Microsoft.Support/supportTickets/" + name);
        t.put("name", name);
        t.put("type", "Microsoft.Support/supportTickets");
        ObjectNode p = ((ObjectNode) props).deepCopy();
        p.put("supportTicketId", String.format(Locale.ROOT, "2611%012d", Math.floorMod(key(sub, name).hashCode(),
                1_000_000_000_000L)));
        p.put("status", "Open");
        p.put("createdDate", now);
        p.put("modifiedDate", now);
        t.set("properties", p);
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.set("ticket", t);
        doc.putArray("communications");
        keep(sub, name, doc);
        return accepted(call, sub, t.get("id").asText());
    }

    /** What a create body lacks or has wrong (partner-center-api.md §6.2), or null. */
    private String invalid(JsonNode p) {
        if (!p.isObject()) {
            return "The request body has no properties.";
        }
        for (String field : List.of("title", "description", "serviceId", "problemClassificationId", "severity",
                "advancedDiagnosticConsent")) {
            JsonNode v = Json.field(p, field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                return "The property '" + field + "' is required.";
            }
        }
        String severity = Json.field(p, "severity").asText().toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(severity)) {
            return "The severity '" + severity + "' is invalid: use minimal, moderate, critical or highestcriticalimpact.";
        }
        String service = Json.field(p, "serviceId").asText();
        String classification = Json.field(p, "problemClassificationId").asText();
        int found = -1;
        for (int i = 0; i < SeedSupport.SERVICES.size(); i++) {
            if (service.equalsIgnoreCase("/providers/Microsoft.Support/services/" + SeedSupport.serviceName(i))) {
                found = i;
            }
        }
        if (found < 0) {
            return "The serviceId '" + service + "' is not a service: list them at /providers/Microsoft.Support/services.";
        }
        if (!classification.toLowerCase(Locale.ROOT).startsWith(service.toLowerCase(Locale.ROOT)
                + "/problemclassifications/")) {
            return "The problemClassificationId '" + classification + "' is not one of the service's.";
        }
        if (!List.of("yes", "no").contains(Json.field(p, "advancedDiagnosticConsent").asText().toLowerCase(Locale.ROOT))) {
            return "The advancedDiagnosticConsent must be Yes or No.";
        }
        JsonNode contact = Json.field(p, "contactDetails");
        if (contact == null || !contact.isObject()) {
            return "The property 'contactDetails' is required.";
        }
        for (String field : CONTACT_FIELDS) {
            JsonNode v = Json.field(contact, field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                return "The property 'contactDetails." + field + "' is required.";
            }
        }
        String method = Json.field(contact, "preferredContactMethod").asText();
        if (!List.of("email", "phone").contains(method.toLowerCase(Locale.ROOT))) {
            return "The preferredContactMethod must be email or phone.";
        }
        JsonNode phone = Json.field(contact, "phoneNumber");
        if ((method.equalsIgnoreCase("phone") || severity.equals("critical") || severity.equals("highestcriticalimpact"))
                && (phone == null || phone.asText().isBlank())) {
            return "The property 'contactDetails.phoneNumber' is required for contact by phone and for critical "
                    + "severity.";
        }
        if (!Json.field(contact, "country").asText().matches("[A-Za-z]{3}")) {
            return "The country must be an ISO 3166 alpha-3 code (CHN, USA).";
        }
        return null;
    }

    private synchronized Reply patch(Call call, String sub, int[] owner, String name) {
        ObjectNode doc = doc(sub, owner, name);
        if (doc == null) {
            return missing(name);
        }
        ObjectNode body = json(call);
        if (body == null || body.isEmpty()) {
            return error(400, "BadRequest", "The request body must be JSON with the properties to change.");
        }
        ObjectNode next = doc.deepCopy();
        ObjectNode p = (ObjectNode) next.get("ticket").get("properties");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            JsonNode value = body.get(field);
            switch (field) {
                case "status" -> {
                    if (!value.isTextual() || !List.of("open", "closed").contains(value.asText().toLowerCase(Locale.ROOT))) {
                        return error(400, "BadRequest", "The status can be open or closed.");
                    }
                    p.put("status", value.asText().equalsIgnoreCase("closed") ? "Closed" : "Open");
                }
                case "severity" -> {
                    if (!value.isTextual() || !SEVERITIES.contains(value.asText().toLowerCase(Locale.ROOT))) {
                        return error(400, "BadRequest", "The severity is invalid.");
                    }
                    p.put("severity", value.asText().toLowerCase(Locale.ROOT));
                }
                case "contactDetails" -> {
                    if (!value.isObject()) {
                        return error(400, "BadRequest", "contactDetails must be an object.");
                    }
                    ((ObjectNode) p.with("contactDetails")).setAll((ObjectNode) value);
                }
                default -> {
                    return error(400, "BadRequest", "The property '" + field + "' cannot be changed.");
                }
            }
        }
        if (!next.equals(doc)) {
            p.put("modifiedDate", now());
            keep(sub, name, next);
        }
        return Reply.ok(next.get("ticket"));
    }

    private synchronized Reply addCommunication(Call call, String sub, int[] owner, String name, String comm) {
        ObjectNode doc = doc(sub, owner, name);
        ObjectNode body = json(call);
        JsonNode props = body == null ? null : body.get("properties");
        if (props == null || !props.isObject() || props.path("body").asText().isBlank()
                || props.path("subject").asText().isBlank()) {
            return error(400, "BadRequest", "A communication needs properties.subject and properties.body.");
        }
        ObjectNode next = doc.deepCopy();
        ArrayNode list = (ArrayNode) next.get("communications");
        for (JsonNode c : list) {
            if (c.path("name").asText().equalsIgnoreCase(comm)) {
                return error(409, "Conflict", "A communication named '" + comm + "' already exists on the ticket.");
            }
        }
        ObjectNode m = SeedSupport.communication(sub, name, comm, props.path("subject").asText(),
                props.path("body").asText(), props.hasNonNull("sender") ? props.path("sender").asText()
                        : SandboxIdentity.USER);
        list.add(m);
        ((ObjectNode) next.get("ticket").get("properties")).put("modifiedDate", now());
        keep(sub, name, next);
        return accepted(call, sub, m.get("id").asText());
    }

    /** 202 with both monitors: {@code Azure-AsyncOperation} (a status) and {@code Location} (the result). */
    private Reply accepted(Call call, String sub, String resourcePath) {
        String op = UUID.randomUUID().toString();
        operations.put(op, resourcePath);
        String base = call.baseUrl();
        return new Reply(202, null, Map.of(
                "Azure-AsyncOperation", base + "/providers/Microsoft.Support/operationsStatus/" + op + "?api-version="
                        + API_VERSION,
                "Location", base + "/subscriptions/" + sub + "/providers/Microsoft.Support/operationResults/" + op
                        + "?api-version=" + API_VERSION,
                "Retry-After", "1"));
    }

    private Reply operationResult(Call call, String op) {
        String path = operations.get(op);
        if (path == null || !call.method().equals("GET")) {
            return error(404, "NotFound", "The operation '" + op + "' was not found.");
        }
        return new Reply(204, null, Map.of());
    }

    private Reply checkName(Call call, String sub, int[] owner) {
        ObjectNode body = json(call);
        if (body == null || !body.path("name").isTextual()
                || !"Microsoft.Support/supportTickets".equalsIgnoreCase(body.path("type").asText())) {
            return error(400, "BadRequest", "The body must be {\"name\": \"...\", \"type\": "
                    + "\"Microsoft.Support/supportTickets\"}.");
        }
        boolean taken = ticket(sub, owner, body.path("name").asText()) != null;
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("nameAvailable", !taken);
        if (taken) {
            answer.put("reason", "Name is already in use");
        }
        return Reply.ok(answer);
    }

    // ---- helpers ----

    /** The claims of the ARM token ({@code Bearer …}) this sandbox signed in {@code header}, or null. */
    private static JsonNode token(Call call, String header) {
        JsonNode claims = call.bearer(header);
        return claims == null || !SandboxIdentity.ARM_RESOURCES.contains(claims.path("aud").asText()) ? null : claims;
    }

    private static ObjectNode json(Call call) {
        try {
            JsonNode n = Json.mapper().readTree(call.body());
            return n instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Reply value(ArrayNode items, String nextLink) {
        ObjectNode page = Json.mapper().createObjectNode();
        page.set("value", items);
        if (nextLink != null) {
            page.put("nextLink", nextLink);
        }
        return Reply.ok(page);
    }

    private static Reply missing(String name) {
        return error(404, "ResourceNotFound", "The support ticket '" + name + "' was not found.");
    }

    /** ARM's 404 for a path it has no route for (any path, on 21Vianet). */
    private Reply noRoute(Call call) {
        return error(404, "NotFound", "No route for " + call.method() + " " + call.path()
                + (cloud == Cloud.CHINA ? ": the Microsoft.Support resource provider does not exist in Azure "
                + "operated by 21Vianet" : ""));
    }

    private static Reply notAllowed(Call call) {
        return error(405, "MethodNotAllowed", "The method " + call.method() + " is not allowed on " + call.path() + ".");
    }

    /** A fault on an ARM path, in ARM's error body (429 with {@code Retry-After}). */
    static Reply fault(int status) {
        Reply r = error(status, status == 429 ? "TooManyRequests" : "InternalServerError",
                "The sandbox was told to fail this request (fault " + status + ")");
        return status == 429 ? new Reply(429, r.body(), Map.of("Retry-After", "1")) : r;
    }

    /** ARM's error body: {@code {"error": {"code", "message"}}}, with an {@code x-ms-request-id}. */
    static Reply error(int status, String code, String message) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return new Reply(status, body, Map.of("x-ms-request-id", UUID.randomUUID().toString()));
    }
}
