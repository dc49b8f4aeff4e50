package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Microsoft Graph's serviceHealthIssue (partner-center-api.md §5.2): an incident or an advisory.
 * It is {@code isResolved}, not {@code resolved}. Dates and enum values are kept as sent (read
 * through {@link ApiDate} where they are compared); unknown fields are kept in {@link #other()}.
 */
@JsonPropertyOrder({"id", "title", "impactDescription", "classification", "origin", "status", "service", "feature",
    "featureGroup", "isResolved", "startDateTime", "endDateTime", "lastModifiedDateTime", "details", "posts"})
public record ServiceHealthIssue(
        String id,
        String title,
        String impactDescription,
        String classification,
        String origin,
        String status,
        String service,
        String feature,
        String featureGroup,
        @JsonProperty("isResolved") Boolean isResolved,
        String startDateTime,
        String endDateTime,
        String lastModifiedDateTime,
        List<JsonNode> details,
        List<Post> posts,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public ServiceHealthIssue {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** Resolved only when Graph says so: an issue without {@code isResolved} is taken as active. */
    public boolean resolved() {
        return Boolean.TRUE.equals(isResolved);
    }

    public List<Post> postsOrEmpty() {
        return posts == null ? List.of() : posts;
    }

    public Instant start() {
        return instant(startDateTime);
    }

    public Instant end() {
        return instant(endDateTime);
    }

    public Instant lastModified() {
        return instant(lastModifiedDateTime);
    }

    static Instant instant(String text) {
        ApiDate d = ApiDate.parse(text);
        return d == null ? null : d.instant();
    }

    /** A post: {@code createdDateTime}, {@code postType}, {@code description} ({@code contentType} Html or Text). */
    @JsonPropertyOrder({"createdDateTime", "postType", "description"})
    public record Post(String createdDateTime, String postType, ItemBody description,
                       @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {
        public Post {
            other = other == null ? new LinkedHashMap<>() : other;
        }

        public Instant created() {
            return instant(createdDateTime);
        }
    }

    /** Graph's itemBody. */
    public record ItemBody(String contentType, String content) {
        public boolean html() {
            return contentType == null || contentType.equalsIgnoreCase("html");
        }
    }
}
