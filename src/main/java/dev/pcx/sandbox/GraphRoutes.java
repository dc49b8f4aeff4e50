package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Graph's service communications for every sandbox tenant (partner-center-api.md §5.2):
 * {@code GET /v1.0/admin/serviceAnnouncement/healthOverviews[/{service}]} (with
 * {@code $expand=issues}) and {@code .../issues[/{id}]} (with {@code $filter} on {@code isResolved},
 * {@code service}, {@code classification}), answering for the tenant the bearer token was issued
 * in, in pages of {@value #PAGE} with an absolute {@code @odata.nextLink}, and with Graph's error
 * body. Issues are the seeded ones ({@link SeedHealth}) and those {@code pcx sandbox incident}
 * keeps in the state file, read again whenever the file changes. {@link SubscribedSkus} adds
 * {@code subscribedSkus} to the same area, behind the same checks.
 */
final class GraphRoutes {
    static final int PAGE = 5;
    private static final String ROOT = "/v1.0/admin/serviceannouncement/";
    private static final Pattern CLAUSE = Pattern.compile(
            "\\s*(isResolved|service|classification)\\s+eq\\s+(true|false|'((?:[^']|'')*)')\\s*", Pattern.CASE_INSENSITIVE);

    private final SandboxStore store;
    private final Clock clock;
    private final Path stateFile;
    private volatile Map<String, JsonNode> incidents;
    private volatile Object incidentsStamp;

    GraphRoutes(SandboxStore store, Map<String, JsonNode> incidents, Path stateFile, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.stateFile = stateFile;
        this.clock = clock;
    }

    /** The tenant index a tenant id or domain names: {@link SeedHealth#PARTNER}, a customer's, or null. */
    Integer tenantIndex(String tenant) {
        if (SandboxIdentity.knownTenant(tenant)) {
            return SeedHealth.PARTNER;
        }
        int i = store.indexOf(tenant);
        if (i < 0) {
            i = store.indexOfDomain(tenant);
        }
        return i < 0 ? null : i;
    }

    /**
     * Adds Graph's area: every call is first checked for its token, tenant, method and role. The
     * area is returned for the routes of other Graph resources ({@link SubscribedSkus}).
     */
    Routes.Area addTo(Routes routes) {
        String root = "/v1\\.0/admin/serviceAnnouncement/";
        return routes.area("/v1\\.0/", this::noRoute, this::notAllowed, this::throttled)
                .any(".*", (call, path) -> admit(call))
                .get(root + "healthOverviews(/{service})?", (call, path) -> overviews(call, path.group("service")))
                .get(root + "issues(/{id})?", (call, path) -> issues(call, path.group("id")));
    }

    /** Null when Graph takes the call: a Graph token of a known tenant, GET, an admin role, known query options. */
    private Reply admit(Call call) {
        JsonNode claims = call.claims();
        if (claims == null || !SandboxIdentity.GRAPH_RESOURCES.contains(claims.path("aud").asText())) {
            return error(401, "InvalidAuthenticationToken", claims == null
                    ? "Access token is empty, malformed or expired." : "Access token validation failure. Invalid audience.");
        }
        Integer tenant = tenantIndex(claims.path("tid").asText());
        if (tenant == null) {
            return error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid tenant.");
        }
        if (!call.method().equals("GET")) {
            return notAllowed(call);
        }
        if (SeedHealth.access(tenant) == SeedHealth.Access.NO_ADMIN_ROLE) {
            boolean licences = call.path().toLowerCase(Locale.ROOT).startsWith("/v1.0/subscribedskus");
            return error(403, "Forbidden", "Access denied: the signed-in user holds no admin role in this tenant "
                    + (licences ? "that may read its licences (for example Global Reader or Directory Readers)."
                    : "that may read service health (for example Service Support Administrator or Global Reader)."));
        }
        if (call.path().toLowerCase(Locale.ROOT).startsWith(ROOT)) {
            for (String option : call.queryNames()) {
                if (option.startsWith("$") && !List.of("$filter", "$expand", "$top", "$skip", "$orderby").contains(option)) {
                    return error(400, "BadRequest", "Query option '" + option + "' is not allowed.");
                }
            }
        }
        return null;
    }

    /** The tenant of the call's (admitted) token. */
    int tenant(Call call) {
        return tenantIndex(call.claims().path("tid").asText());
    }

    /** Graph's 404, naming the first segment it does not know. */
    private Reply noRoute(Call call) {
        String path = call.path();
        if (!path.toLowerCase(Locale.ROOT).startsWith(ROOT)) {
            return error(404, "UnknownError", "Resource not found for the segment '" + path + "'.");
        }
        String[] rest = path.substring(ROOT.length()).split("/");
        String segment = rest.length > 2 ? rest[2] : rest.length > 0 ? rest[0] : "";
        return error(404, "UnknownError", "Resource not found for the segment '" + segment + "'.");
    }

    private Reply notAllowed(Call call) {
        return error(405, "Request_BadRequest", "The HTTP method '" + call.method() + "' is not allowed here.");
    }

    /** {@code healthOverviews} ({@code service} null) or one of them. */
    private Reply overviews(Call call, String service) {
        int tenant = tenant(call);
        List<ObjectNode> issues = issuesOf(tenant);
        String expand = call.query("$expand");
        if (expand != null && !expand.equalsIgnoreCase("issues")) {
            return error(400, "BadRequest", "Could not find a property named '" + expand
                    + "' on type 'microsoft.graph.serviceHealth'.");
        }
        List<ObjectNode> services = new ArrayList<>();
        for (SeedHealth.Service s : SeedHealth.SERVICES) {
            if (SeedHealth.has(tenant, s)) {
                services.add(overview(s, issues, expand != null));
            }
        }
        if (service != null) {
            return services.stream().filter(s -> s.path("id").asText().equalsIgnoreCase(service)
                            || s.path("service").asText().equalsIgnoreCase(service)).findFirst()
                    .map(s -> Reply.ok(withContext(s, "healthOverviews/$entity", call)))
                    .orElseGet(() -> error(404, "UnknownError", "The service '" + service + "' was not found."));
        }
        return page(call, services, "healthOverviews" + (expand != null ? "(issues())" : ""));
    }

    /** {@code issues} ({@code id} null, with {@code $filter}) or one of them. */
    private Reply issues(Call call, String id) {
        List<ObjectNode> issues = issuesOf(tenant(call));
        if (id != null) {
            return issues.stream().filter(i -> i.path("id").asText().equalsIgnoreCase(id)).findFirst()
                    .map(i -> Reply.ok(withContext(i, "admin/serviceAnnouncement/issues/$entity", call)))
                    .orElseGet(() -> error(404, "UnknownError", "The issue '" + id + "' was not found in this tenant."));
        }
        Predicate<JsonNode> filter;
        try {
            filter = filter(call.query("$filter"));
        } catch (IllegalArgumentException e) {
            return error(400, "BadRequest", e.getMessage());
        }
        return page(call, issues.stream().filter(filter).toList(), "admin/serviceAnnouncement/issues");
    }

    /** The issues that hit tenant {@code index}: seeded, then driven ones, latest change first. */
    List<ObjectNode> issuesOf(int index) {
        List<ObjectNode> all = new ArrayList<>();
        for (SeedHealth.Seeded s : SeedHealth.ISSUES) {
            SeedHealth.Service service = SeedHealth.service(s.issue().path("service").asText());
            if (SeedHealth.has(index, service) && (index == SeedHealth.PARTNER || s.hits().test(index))) {
                all.add(s.issue().deepCopy());
            }
        }
        for (JsonNode driven : incidents().values()) {
            SeedHealth.Service service = SeedHealth.service(driven.path("issue").path("service").asText());
            JsonNode tenants = driven.path("tenants");
            boolean hits = service != null && SeedHealth.has(index, service) && (!tenants.isArray()
                    || index != SeedHealth.PARTNER && contains(tenants, SeedData.tenantId(index)));
            if (hits && driven.path("issue") instanceof ObjectNode issue) {
                all.add(issue.deepCopy());
            }
        }
        all.sort(Comparator.comparing((ObjectNode i) -> i.path("lastModifiedDateTime").asText()).reversed());
        return all;
    }

    private static boolean contains(JsonNode array, String tenantId) {
        for (JsonNode t : array) {
            if (t.asText().equalsIgnoreCase(tenantId)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, JsonNode> incidents() {
        if (stateFile == null) {
            return incidents;
        }
        try {
            // the state file is replaced whole on every save (a new file, so a new file key), and a
            // change must be seen even when the clock or the file system's granularity repeats a time
            Object stamp = stamp(stateFile);
            if (!stamp.equals(incidentsStamp)) {
                SandboxState state = SandboxState.load(stateFile);
                incidents = state == null ? Map.of() : state.incidents();
                incidentsStamp = stamp;
            }
        } catch (IOException | RuntimeException unreadable) {
            // keep what was read last: a state file being replaced is read on the next call
        }
        return incidents;
    }

    static Object stamp(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        var attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return Arrays.asList(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    }

    private static ObjectNode overview(SeedHealth.Service s, List<ObjectNode> issues, boolean expand) {
        List<ObjectNode> mine = issues.stream().filter(i -> i.path("service").asText().equals(s.name())).toList();
        String status = "ServiceOperational";
        int worst = Integer.MAX_VALUE;
        for (ObjectNode i : mine) {
            int rank = SeedHealth.rank(i.path("status").asText());
            if (!i.path("isResolved").asBoolean() && rank < worst) {
                worst = rank;
                status = i.path("status").asText();
            }
        }
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("service", s.name());
        o.put("status", status);
        o.put("id", s.id());
        if (expand) {
            ArrayNode nested = o.putArray("issues");
            mine.forEach(nested::add);
        }
        return o;
    }

    /** A {@code $filter} of {@code eq} clauses joined by {@code and}; anything else is refused as Graph does. */
    static Predicate<JsonNode> filter(String text) {
        if (text == null || text.isBlank()) {
            return i -> true;
        }
        Predicate<JsonNode> all = i -> true;
        for (String clause : text.split("(?i)\\s+and\\s+")) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid filter clause: '" + clause.strip() + "'.");
            }
            String field = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(3) != null ? m.group(3).replace("''", "'") : m.group(2).toLowerCase(Locale.ROOT);
            Predicate<JsonNode> p = switch (field) {
                case "isresolved" -> {
                    if (m.group(3) != null) {
                        throw new IllegalArgumentException("A binary operator with incompatible types was detected: "
                                + "'Edm.Boolean' and 'Edm.String' for 'eq'.");
                    }
                    boolean want = value.equals("true");
                    yield i -> i.path("isResolved").asBoolean() == want;
                }
                case "service" -> i -> i.path("service").asText().equalsIgnoreCase(value);
                default -> i -> i.path("classification").asText().equalsIgnoreCase(value);
            };
            if (m.group(3) == null && !field.equals("isresolved")) {
                throw new IllegalArgumentException("A binary operator with incompatible types was detected: "
                        + "'Edm.String' and 'Edm.Boolean' for 'eq'.");
            }
            all = all.and(p);
        }
        return all;
    }

    private Reply page(Call call, List<ObjectNode> items, String context) {
        int skip;
        int top;
        try {
            skip = call.query("$skip") == null ? 0 : Integer.parseInt(call.query("$skip"));
            top = call.query("$top") == null ? Integer.MAX_VALUE : Integer.parseInt(call.query("$top"));
        } catch (NumberFormatException e) {
            return error(400, "BadRequest", "Invalid value for $skip or $top.");
        }
        if (skip < 0 || top < 0) {
            return error(400, "BadRequest", "Invalid value for $skip or $top.");
        }
        int end = (int) Math.min(items.size(), Math.min((long) skip + PAGE, (long) top));
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("@odata.context", call.baseUrl() + "/v1.0/$metadata#" + context);
        if (end < Math.min(items.size(), top)) {
            HttpUrl url = HttpUrl.get(call.baseUrl() + call.rawPathAndQuery()).newBuilder()
                    .removeAllQueryParameters("$skip").addQueryParameter("$skip", String.valueOf(end)).build();
            body.put("@odata.nextLink", url.toString());
        }
        ArrayNode value = body.putArray("value");
        for (int i = Math.min(skip, items.size()); i < end; i++) {
            value.add(items.get(i));
        }
        return Reply.ok(body);
    }

    private static ObjectNode withContext(ObjectNode item, String context, Call call) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("@odata.context", call.baseUrl() + "/v1.0/$metadata#" + context);
        body.setAll(item);
        return body;
    }

    /** Graph's error body, with the ids Graph puts in it. */
    Reply error(int status, String code, String message) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        return new Reply(status, body, Map.of("request-id", requestId));
    }

    /** Graph's 429, for the sandbox's faults. */
    Reply throttled(int status) {
        Reply r = error(status, status == 429 ? "TooManyRequests" : "ServiceUnavailable", status == 429
                ? "Too many requests. Try again later." : "The service is temporarily unavailable.");
        return new Reply(status, r.body(), Map.of("Retry-After", "1", "request-id", r.headers().get("request-id")));
    }
}
