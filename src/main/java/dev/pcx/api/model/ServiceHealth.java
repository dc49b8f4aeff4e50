package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Graph's serviceHealth (partner-center-api.md §5.2): a service of a tenant and its
 * status, with its issues when asked for ({@code $expand=issues}). Values are kept as Graph sent
 * them ({@code ServiceOperational} or {@code serviceOperational}), and fields pcx does not name
 * are kept in {@link #other()}, so {@code -o json} loses nothing.
 */
@JsonPropertyOrder({"id", "service", "status", "issues"})
public record ServiceHealth(
        String id,
        String service,
        String status,
        List<ServiceHealthIssue> issues,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public ServiceHealth {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** The same service with other issues (a filtered view of what Graph sent). */
    public ServiceHealth withIssues(List<ServiceHealthIssue> kept) {
        return new ServiceHealth(id, service, status, kept, other);
    }

    /** Its name for people: the display name, else the id. */
    public String name() {
        return service != null && !service.isBlank() ? service : id;
    }
}
