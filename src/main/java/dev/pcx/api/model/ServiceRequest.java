package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service request of Partner Center (partner-center-api.md §6): its id a numeric string,
 * {@code severity} and {@code status} read in any spelling or as the SDK's integers, fields pcx does
 * not model kept as sent ({@code other}).
 */
public record ServiceRequest(
        String id,
        String title,
        String description,
        String severity,
        String supportTopicId,
        String supportTopicName,
        String status,
        Map<String, Object> organization,
        String productName,
        String productId,
        String createdDate,
        String lastModifiedDate,
        String lastClosedDate,
        List<Note> notes,
        String countryCode,
        Attributes attributes,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public static final WireEnum SEVERITY = WireEnum.ordered("unknown", "critical", "moderate", "minimal");
    public static final WireEnum STATUS = WireEnum.ordered("none", "open", "closed", "attention_needed");

    public ServiceRequest {
        severity = SEVERITY.normalize(severity);
        status = STATUS.normalize(status);
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** A note on the request. */
    public record Note(String createdByName, String createdDate, String text) {
    }

    @JsonIgnore
    public List<Note> notesOrEmpty() {
        return notes == null ? List.of() : notes;
    }

    @JsonIgnore
    public boolean closed() {
        return "closed".equals(status);
    }

    /** A date the service sends as {@code 0001-01-01T00:00:00} when it is unset: null then. */
    public static String date(String raw) {
        return raw == null || raw.startsWith("0001-01-01") ? null : raw;
    }
}
