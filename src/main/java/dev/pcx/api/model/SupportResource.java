package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource of the Azure Support API (partner-center-api.md §6.2) as Azure Resource Manager sends
 * it: {@code id}, {@code name}, {@code type} and {@code properties}; a support ticket, one of its
 * communications, a service or a problem classification. Properties are kept as sent (pcx reads
 * the ones it shows by name), so {@code -o json} gives the resource unchanged.
 */
public record SupportResource(String id, String name, String type, JsonNode properties,
                              @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public SupportResource {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** A property as text ({@code title}, {@code status}, {@code supportTicketId}…), or null. */
    @JsonIgnore
    public String text(String property) {
        if (properties == null || !properties.isObject()) {
            return null;
        }
        JsonNode n = Json.field(properties, property);
        return n == null || n.isNull() || n.isMissingNode() ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    /** Whether the ticket's {@code status} is closed (in any case). */
    @JsonIgnore
    public boolean closed() {
        return "closed".equalsIgnoreCase(text("status"));
    }
}
