package dev.pcx.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The error body of Partner Center: {@code code} (a number in every sample, a string in the docs
 * table), {@code description}, {@code data}, {@code source}. The 429 body has another shape,
 * {@code {statusCode, message}}; both are read into this record.
 */
public record ApiFault(JsonNode code, String description, JsonNode data, String source,
                       Integer statusCode, String message) {

    /** The business error code as text ({@code 800090}), or null. */
    public String codeText() {
        return code == null || code.isNull() || code.asText().isEmpty() ? null : code.asText();
    }

    /** What the service said: {@code description}, else the 429 {@code message}. */
    public String text() {
        if (description != null && !description.isBlank()) {
            return description;
        }
        return message;
    }
}
