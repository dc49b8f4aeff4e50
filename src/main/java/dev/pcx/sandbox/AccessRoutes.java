package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.auth.Cloud;
import okhttp3.HttpUrl;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What reaching a customer's tenant takes (partner-center-api.md §11): on Partner Center, the
 * application consents of a customer ({@code POST /v1/customers/{cid}/applicationconsents}: 201,
 * 409 "Permission entry already exists", 403 without delegated admin; {@code DELETE
 * …/applicationconsents/{application-id}}: 201, 404 when there is none), kept in
 * {@link SandboxConsents} so that a grant changes what the customer's token endpoint answers; the
 * reseller relationship request link ({@code GET /v1/customers/relationshiprequests}); and on
 * Microsoft Graph the partner's GDAP relationships ({@code GET
 * /v1.0/tenantRelationships/delegatedAdminRelationships}, {@code $filter} on
 * {@code customer/tenantId}, {@code $top} ≤ 300, {@code $skipToken} paging). On 21Vianet
 * ({@code --cloud china}) the consent routes (unconfirmed there) and GDAP (global only) are 404s.
 */
final class AccessRoutes {
    /** Graph's page of relationships when {@code $top} does not say. */
    static final int PAGE = 100;
    static final int MAX_TOP = 300;
    private static final String GDAP = "/v1\\.0/tenantRelationships/delegatedAdminRelationships";
    private static final Set<String> OPTIONS = Set.of("$select", "$filter", "$top", "$orderby", "$count", "$skiptoken");
    private static final Set<String> PROPERTIES = Set.of("id", "displayName", "duration", "customer", "accessDetails",
            "status", "autoExtendDuration", "createdDateTime", "lastModifiedDateTime", "activatedDateTime",
            "endDateTime");
    private static final Pattern BY_CUSTOMER = Pattern.compile("\\s*customer/tenantId\\s+eq\\s+'([^']*)'\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER = Pattern.compile("\\s*(\\w+)(?:\\s+(asc|desc))?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int CODE_BAD_INPUT = 400;

    private final SandboxStore store;
    private final SandboxConsents consents;
    private final GraphRoutes graph;
    private final Cloud cloud;
    private final LocalDate today;

    /**
     * @param cloud null: answers as global does (the sandbox of either cloud, in process)
     * @param today the sandbox's date, which the relationships' dates are relative to
     */
    AccessRoutes(SandboxStore store, SandboxConsents consents, GraphRoutes graph, Cloud cloud, LocalDate today) {
        this.store = store;
        this.consents = consents;
        this.graph = graph;
        this.cloud = cloud;
        this.today = today;
    }

    /** Adds the Partner Center routes, before the customers' own ({@code relationshiprequests} is no customer id). */
    void addTo(Routes.Area partnerCenter) {
        String consentsPath = "/v1/customers/{cid}/applicationconsents";
        partnerCenter.read("/v1/customers/relationshiprequests", (call, path) -> relationshipRequest(call))
                .any(consentsPath + "(/.*)?", (call, path) -> cloud == Cloud.CHINA ? Reply.noRoute(call) : null)
                .post(consentsPath, (call, path) -> grant(call, path.group("cid")))
                .on("DELETE", consentsPath + "/{app}", (call, path) -> remove(call, path.group("cid"), path.group("app")));
    }

    /** Adds the GDAP route to Graph's area (its token, method and tenant already checked there). */
    void addGraphTo(Routes.Area graphArea) {
        graphArea.get(GDAP, (call, path) -> relationships(call));
    }

    /** partner-center-api.md §11.2: the link a customer follows to accept the partner as its reseller. */
    private Reply relationshipRequest(Call call) {
        Reply userOnly = Reply.appUserOnly(call);
        if (userOnly != null) {
            return userOnly;
        }
        // 21Vianet's host is unconfirmed (§9.16): the sandbox sends its Microsoft 365 admin center's
        String host = cloud == Cloud.CHINA ? "https://portal.partner.microsoftonline.cn" : "https://admin.microsoft.com";
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("url", host + "/Adminportal/Home?invType=ResellerRelationship&partnerId=" + SandboxIdentity.TENANT_ID
                + "&msppId=0&DAP=false#/BillingAccounts/partner-invitation");
        body.putObject("attributes").put("objectType", "RelationshipRequest");
        return Reply.ok(body);
    }

    /** Customer {@code cid}'s index, or its answer: a person's token, a known customer, delegated admin there. */
    private Object admit(Call call, String cid) {
        Reply userOnly = Reply.appUserOnly(call);
        if (userOnly != null) {
            return userOnly;
        }
        int index = store.indexOf(cid);
        if (index < 0) {
            return CustomersRoutes.notFound(cid);
        }
        if (!SeedData.allowsDelegatedAccess(index)) {
            return Reply.fault(403, 403, "The partner has no delegated administration privileges in the tenant of "
                    + "customer " + cid + ": the customer's administrator must consent to the application.");
        }
        return index;
    }

    /** {@code POST …/applicationconsents}: 201 with the consent, or 409 when the application has one there. */
    private Reply grant(Call call, String cid) {
        Object admitted = admit(call, cid);
        if (admitted instanceof Reply refused) {
            return refused;
        }
        int index = (Integer) admitted;
        Reply.Sent sent = Reply.Sent.of(call, "The application consent must be sent as application/json",
                "The application consent is not valid JSON");
        if (sent.refused() != null) {
            return sent.refused();
        }
        ObjectNode consent = Json.mapper().createObjectNode();
        String applicationId = text(sent.body(), "applicationId");
        if (applicationId == null || !GUID.matcher(applicationId).matches()) {
            return Reply.fault(400, CODE_BAD_INPUT, "applicationId must be the application's id (a GUID)");
        }
        consent.put("applicationId", applicationId);
        String displayName = text(sent.body(), "displayName");
        if (displayName != null) {
            consent.put("displayName", displayName);
        }
        JsonNode grants = sent.body() == null ? null : Json.field(sent.body(), "applicationGrants");
        if (grants == null || !grants.isArray() || grants.isEmpty()) {
            return Reply.fault(400, CODE_BAD_INPUT, "applicationGrants must list at least one grant");
        }
        ArrayNode kept = consent.putArray("applicationGrants");
        for (JsonNode g : grants) {
            String app = text(g, "enterpriseApplicationId");
            String scope = text(g, "scope");
            if (app == null || !GUID.matcher(app).matches() || scope == null || scope.isBlank()) {
                return Reply.fault(400, CODE_BAD_INPUT, "Each application grant needs enterpriseApplicationId (a GUID) "
                        + "and scope (comma-separated permissions)");
            }
            ObjectNode grant = kept.addObject();
            grant.put("enterpriseApplicationId", app);
            grant.put("scope", scope);
        }
        if (!consents.add(index, consent)) {
            return Reply.fault(409, 409, "Permission entry already exists.");
        }
        return new Reply(201, consent, Map.of());
    }

    /** {@code DELETE …/applicationconsents/{application-id}}: 201 when it was there, else 404. */
    private Reply remove(Call call, String cid, String applicationId) {
        Object admitted = admit(call, cid);
        if (admitted instanceof Reply refused) {
            return refused;
        }
        if (!consents.remove((Integer) admitted, applicationId)) {
            return Reply.fault(404, 404, "No application consent of " + applicationId + " in the tenant of customer "
                    + cid);
        }
        return new Reply(201, null, Map.of());
    }

    /** partner-center-api.md §11.3, in the partner's tenant, global only. */
    private Reply relationships(Call call) {
        if (cloud == Cloud.CHINA) {
            return graph.error(404, "UnknownError", "Resource not found for the segment 'tenantRelationships'.");
        }
        if (graph.tenant(call) != SeedHealth.PARTNER) {
            return graph.error(403, "Forbidden", "Delegated admin relationships are read in the partner's own tenant.");
        }
        for (String option : call.queryNames()) {
            if (option.startsWith("$") && !OPTIONS.contains(option)) {
                return graph.error(400, "BadRequest", "Query option '" + option + "' is not allowed.");
            }
        }
        Query q;
        try {
            q = query(call);
        } catch (IllegalArgumentException e) {
            return graph.error(400, "BadRequest", e.getMessage());
        }
        List<ObjectNode> items = new ArrayList<>();
        int next = -1;
        boolean whole = q.order() != null || q.count();
        if (q.customer() != null) {
            int i = store.indexOf(q.customer());
            if (i >= 0) {
                items.addAll(SeedAccess.relationships(i, today));
            }
            whole = true;
        } else if (whole) {
            for (int i = 0; i < store.customerCount(); i++) {
                items.addAll(SeedAccess.relationships(i, today));
            }
        }
        int total = items.size();
        if (whole) {
            if (q.order() != null) {
                items.sort(q.order());
            }
            int end = Math.min(items.size(), q.skip() + q.top());
            next = end < items.size() ? end : -1;
            items = new ArrayList<>(items.subList(Math.min(q.skip(), items.size()), end));
        } else {
            // in customer order, without building the whole list: the token holds how many came before
            int seen = 0;
            for (int i = 0; i < store.customerCount() && next < 0; i++) {
                for (ObjectNode r : SeedAccess.relationships(i, today)) {
                    if (seen >= q.skip() + q.top()) {
                        next = seen;
                        break;
                    }
                    if (seen >= q.skip()) {
                        items.add(r);
                    }
                    seen++;
                }
            }
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("@odata.context", call.baseUrl() + "/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships");
        if (q.count()) {
            body.put("@odata.count", total);
        }
        if (next >= 0) {
            HttpUrl sent = HttpUrl.get(call.baseUrl() + call.rawPathAndQuery());
            HttpUrl.Builder url = sent.newBuilder().query(null);
            for (int i = 0; i < sent.querySize(); i++) {
                if (!sent.queryParameterName(i).equalsIgnoreCase("$skiptoken")) {
                    url.addEncodedQueryParameter(encodedName(sent, i),
                            encodedValue(sent, i));
                }
            }
            body.put("@odata.nextLink", url.addEncodedQueryParameter("$skiptoken", skipToken(next)).build().toString());
        }
        ArrayNode value = body.putArray("value");
        items.forEach(r -> value.add(q.select() == null ? r : selected(r, q.select())));
        return Reply.ok(body);
    }

    /** The query options, read as Graph reads them; an {@link IllegalArgumentException} says what is wrong. */
    private record Query(String customer, int skip, int top, Comparator<ObjectNode> order, boolean count,
                         List<String> select) {
    }

    private static Query query(Call call) {
        String filter = call.query("$filter");
        String customer = null;
        if (filter != null) {
            Matcher m = BY_CUSTOMER.matcher(filter);
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid filter clause: '" + filter.strip() + "'. The sandbox "
                        + "filters relationships by customer/tenantId eq '{tenant id}' only.");
            }
            customer = m.group(1);
        }
        int top = PAGE;
        String t = call.query("$top");
        if (t != null) {
            try {
                top = Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid value '" + t + "' for $top.");
            }
            if (top < 1 || top > MAX_TOP) {
                throw new IllegalArgumentException("Invalid value '" + t + "' for $top: from 1 to " + MAX_TOP + ".");
            }
        }
        int skip = 0;
        String token = call.query("$skiptoken");
        if (token != null) {
            skip = skipOf(token);
        }
        Comparator<ObjectNode> order = null;
        String orderBy = call.query("$orderby");
        if (orderBy != null) {
            Matcher m = ORDER.matcher(orderBy);
            if (!m.matches() || !PROPERTIES.contains(m.group(1)) || m.group(1).equals("customer")
                    || m.group(1).equals("accessDetails")) {
                throw new IllegalArgumentException("Order by '" + orderBy.strip() + "' is not supported.");
            }
            String field = m.group(1);
            order = Comparator.comparing((ObjectNode r) -> r.path(field).isNull() ? "" : r.path(field).asText());
            if ("desc".equalsIgnoreCase(m.group(2))) {
                order = order.reversed();
            }
        }
        String c = call.query("$count");
        if (c != null && !c.equalsIgnoreCase("true") && !c.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid value '" + c + "' for $count.");
        }
        List<String> select = null;
        String s = call.query("$select");
        if (s != null) {
            select = new ArrayList<>();
            for (String p : s.split(",")) {
                String name = p.strip();
                if (!PROPERTIES.contains(name)) {
                    throw new IllegalArgumentException("Could not find a property named '" + name
                            + "' on type 'microsoft.graph.delegatedAdminRelationship'.");
                }
                select.add(name);
            }
        }
        return new Query(customer, skip, top, order, "true".equalsIgnoreCase(c), select);
    }

    private static ObjectNode selected(ObjectNode r, List<String> select) {
        ObjectNode o = Json.mapper().createObjectNode();
        r.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("@odata.") || select.contains(name)) {
                o.set(name, r.get(name));
            }
        });
        return o;
    }

    /** An opaque {@code $skiptoken}: base64 of where the next page starts. */
    static String skipToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("pcx-sandbox-gdap:" + offset)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int skipOf(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            if (text.startsWith("pcx-sandbox-gdap:")) {
                int offset = Integer.parseInt(text.substring("pcx-sandbox-gdap:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException("The $skiptoken is not valid.");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : Json.field(node, field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** The {@code i}th name of {@code url}'s query, as it was encoded. */
    private static String encodedName(HttpUrl url, int i) {
        String pair = url.encodedQuery().split("&")[i];
        int eq = pair.indexOf('=');
        return eq < 0 ? pair : pair.substring(0, eq);
    }

    /** The {@code i}th value of {@code url}'s query, as it was encoded (null: none). */
    private static String encodedValue(HttpUrl url, int i) {
        String pair = url.encodedQuery().split("&")[i];
        int eq = pair.indexOf('=');
        return eq < 0 ? null : pair.substring(eq + 1);
    }
}
