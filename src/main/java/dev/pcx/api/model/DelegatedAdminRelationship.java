package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A GDAP relationship as Microsoft Graph gives it in the partner's tenant (partner-center-api.md
 * §11.3, global only). Values are kept as sent, and fields pcx does not name in {@link #other()}.
 */
@JsonPropertyOrder({"id", "displayName", "status", "duration", "autoExtendDuration", "endDateTime", "customer"})
public record DelegatedAdminRelationship(
        String id,
        String displayName,
        String status,
        String duration,
        String autoExtendDuration,
        ApiDate endDateTime,
        RelationshipCustomer customer,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public DelegatedAdminRelationship {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** {@code customer}: the customer's tenant and name. */
    public record RelationshipCustomer(String tenantId, String displayName) {
    }

    /** The customer's tenant id, or null. */
    @JsonIgnore
    public String tenantId() {
        return customer == null ? null : customer.tenantId();
    }

    /**
     * Whether it gives access at {@code now}: {@code active} (or {@code expiring} or
     * {@code terminationRequested}, still active until they end), and its end (when known) still ahead.
     */
    public boolean activeAt(Instant now) {
        String st = status == null ? "" : status.toLowerCase(Locale.ROOT);
        boolean active = st.equals("active") || st.equals("expiring") || st.equals("terminationrequested");
        return active && (endDateTime == null || endDateTime.instant() == null || endDateTime.instant().isAfter(now));
    }

    /** Whether it extends itself at its end: an {@code autoExtendDuration} other than none ({@code PT0S}, {@code P0D}). */
    public boolean autoExtends() {
        if (autoExtendDuration == null || autoExtendDuration.isBlank()) {
            return false;
        }
        String d = autoExtendDuration.trim().toUpperCase(Locale.ROOT);
        return !(d.equals("PT0S") || d.equals("P0D"));
    }
}
