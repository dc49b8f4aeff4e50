package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** An answer of the sandbox: status, JSON body (or none) and extra headers. */
record Reply(int status, JsonNode body, Map<String, String> headers) {
    static Reply ok(JsonNode body) {
        return new Reply(200, body, Map.of());
    }

    /** An ApiFault, as Partner Center sends for 4xx and 5xx. */
    static Reply fault(int status, int code, String description) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("code", code);
        body.put("description", description);
        body.putArray("data");
        body.put("source", "PartnerFD");
        return new Reply(status, body, Map.of());
    }

    /** Partner Center's 404 for a path it has no route for (and the sign-in paths'). */
    static Reply noRoute(Call call) {
        return fault(404, 404, "No route for " + call.method() + " " + call.path());
    }

    /** Partner Center's 405 for a method its path does not take. */
    static Reply notAllowed(Call call) {
        return fault(405, 405, "The method " + call.method() + " is not supported here");
    }

    /** Partner Center's 403 for an app-only token where the operation wants a person's; null for a person's token. */
    static Reply appUserOnly(Call call) {
        if ("user".equals(call.claims().path("idtyp").asText())) {
            return null;
        }
        return fault(403, 900103, "This operation requires App+User authentication; app-only tokens are not allowed");
    }

    /** Partner Center's 401, with the challenge its front door sends. */
    static Reply unauthorized(String error) {
        return new Reply(401, null, Map.of("WWW-Authenticate",
                "OAuth realm=urn:cpsvc:cpid:pcx-sandbox, error=\"" + error + "\""));
    }

    /** What a Partner Center write sent: its JSON body (null or missing when empty), or the ApiFault refusing it. */
    record Sent(JsonNode body, Reply refused) {
        /** Refused 415 with {@code notSentAsJson} unless the Content-Type is JSON, 400 with {@code notJson} unless it parses. */
        static Sent of(Call call, String notSentAsJson, String notJson) {
            String type = call.header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return new Sent(null, fault(415, 415, notSentAsJson));
            }
            try {
                return new Sent(Json.mapper().readTree(call.body()), null);
            } catch (IOException e) {
                return new Sent(null, fault(400, 400, notJson));
            }
        }
    }
}
