package dev.pcx.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;

/**
 * The error body of Partner Center: {@code code} (a number in every sample, a string in the docs
 * table), {@code description}, {@code data}, {@code source}. The 429 body has another shape,
 * {@code {statusCode, message}}, and Microsoft Graph's yet another,
 * {@code {"error": {"code", "message", "innerError": {"request-id", "date"}}}}
 * (partner-center-api.md §5.2); all three are read into this record.
 */
public record ApiFault(JsonNode code, String description, JsonNode data, String source,
                       Integer statusCode, String message, JsonNode error) {

    /** The business error code as text ({@code 800090}, Graph's {@code Forbidden}), or null. */
    public String codeText() {
        JsonNode c = code != null && !code.isNull() ? code : graph("code");
        return c == null || c.isNull() || c.asText().isEmpty() ? null : c.asText();
    }

    /** What the service said: {@code description}, else the 429 {@code message}, else Graph's {@code message}. */
    public String text() {
        if (description != null && !description.isBlank()) {
            return description;
        }
        if (message != null && !message.isBlank()) {
            return message;
        }
        JsonNode m = graph("message");
        return m == null || m.isNull() || m.asText().isBlank() ? null : m.asText();
    }

    /** Graph's {@code innerError.request-id}, or null. */
    public String graphRequestId() {
        JsonNode inner = graph("innerError");
        JsonNode id = inner == null ? null : Json.field(inner, "request-id");
        return id == null || id.isNull() || id.asText().isBlank() ? null : id.asText();
    }

    private JsonNode graph(String name) {
        return error == null || !error.isObject() ? null : Json.field(error, name);
    }
}
