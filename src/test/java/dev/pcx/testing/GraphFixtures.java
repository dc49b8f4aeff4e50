package dev.pcx.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import mockwebserver3.MockResponse;

import java.util.List;

/**
 * Microsoft Graph service-health bodies and Azure AD token answers for tests, in the shapes of
 * Microsoft's own payloads (PascalCase enum values, {@code isResolved}, HTML posts, absolute
 * {@code @odata.nextLink}), written with the production ObjectMapper.
 */
public final class GraphFixtures {
    private GraphFixtures() {
    }

    public static ObjectNode issue(String id, String service, String classification, String status, boolean resolved) {
        ObjectNode i = Json.mapper().createObjectNode();
        i.put("startDateTime", "2026-11-13T21:00:00Z");
        i.put("endDateTime", resolved ? "2026-11-14T17:15:00Z" : "2026-11-20T17:15:00Z");
        i.put("lastModifiedDateTime", "2026-11-14T18:20:24.767Z");
        i.put("title", "Users can't use " + service + " (" + id + ")");
        i.put("id", id);
        i.put("impactDescription", "Users may be unable to use " + service + ".");
        i.put("classification", classification);
        i.put("origin", "Microsoft");
        i.put("status", status);
        i.put("service", service);
        i.put("feature", "Feature of " + service);
        i.put("featureGroup", "Group of " + service);
        i.put("isResolved", resolved);
        ArrayNode details = i.putArray("details");
        details.addObject().put("name", "NotifyInApp").put("value", "True");
        ArrayNode posts = i.putArray("posts");
        posts.add(post("2026-11-14T07:07:38.97Z", "<p>Title: second</p><p>We&#39;ve found the cause.</p>"));
        posts.add(post("2026-11-13T21:07:38.97Z", "Title: first\n\nUser Impact: users may be unable to sign in."));
        return i;
    }

    public static ObjectNode post(String at, String html) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("createdDateTime", at);
        p.put("postType", "Regular");
        ObjectNode d = p.putObject("description");
        d.put("contentType", "Html");
        d.put("content", html);
        return p;
    }

    public static ObjectNode service(String id, String name, String status, List<ObjectNode> issues) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("service", name);
        s.put("status", status);
        s.put("id", id);
        if (issues != null) {
            ArrayNode a = s.putArray("issues");
            issues.forEach(a::add);
        }
        return s;
    }

    /** A Graph collection page; {@code nextLink} absolute, or null on the last page. */
    public static ObjectNode page(String context, List<ObjectNode> items, String nextLink) {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("@odata.context", "https://microsoftgraph.chinacloudapi.cn/v1.0/$metadata#" + context);
        if (nextLink != null) {
            p.put("@odata.nextLink", nextLink);
        }
        ArrayNode v = p.putArray("value");
        items.forEach(v::add);
        return p;
    }

    public static ObjectNode graphError(String code, String message, String requestId) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode e = body.putObject("error");
        e.put("code", code);
        e.put("message", message);
        ObjectNode inner = e.putObject("innerError");
        inner.put("date", "2026-11-21T08:00:00");
        inner.put("request-id", requestId);
        inner.put("client-request-id", requestId);
        return body;
    }

    /** A v2 token answer for a refresh-token grant. */
    public static MockResponse token(String access, String refresh) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("token_type", "Bearer");
        t.put("scope", "https://microsoftgraph.chinacloudapi.cn/ServiceHealth.Read.All");
        t.put("expires_in", 3599);
        t.put("ext_expires_in", 3599);
        t.put("access_token", access);
        if (refresh != null) {
            t.put("refresh_token", refresh);
        }
        return Fixtures.ok(t);
    }

    /** Azure AD's error answer with its AADSTS code. */
    public static MockResponse aadError(String error, long code, String text) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("error", error);
        t.put("error_description", "AADSTS" + code + ": " + text + "\r\nTrace ID: 1\r\nCorrelation ID: c0rr\r\nTimestamp: x");
        t.putArray("error_codes").add(code);
        t.put("correlation_id", "c0rr-e1at-10n");
        return Fixtures.json(400, t);
    }
}
