package dev.pcx.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The {@code filter} query of Partner Center searches: a JSON object with PascalCase keys,
 * URL-encoded as a whole, e.g. {@code {"Field":"CompanyName","Value":"cont","Operator":"starts_with"}}.
 */
public record SearchFilter(
        @JsonProperty("Field") String field,
        @JsonProperty("Value") String value,
        @JsonProperty("Operator") String operator) {

    public static SearchFilter startsWith(String field, String value) {
        return new SearchFilter(field, value, "starts_with");
    }

    public static SearchFilter equalTo(String field, String value) {
        return new SearchFilter(field, value, "equals");
    }

    /** The JSON text, before URL encoding. */
    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
