package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft Graph's subscribedSku in a customer's tenant (partner-center-api.md §10.4): the seats
 * of one SKU, every subscription of that SKU in the tenant together. Values are kept as Graph sent
 * them, and fields pcx does not name in {@link #other()}, so {@code -o json} loses nothing.
 */
@JsonPropertyOrder({"id", "skuId", "skuPartNumber", "appliesTo", "capabilityStatus", "consumedUnits", "prepaidUnits",
    "subscriptionIds"})
public record SubscribedSku(
        String id,
        String skuId,
        String skuPartNumber,
        String appliesTo,
        String capabilityStatus,
        Integer consumedUnits,
        PrepaidUnits prepaidUnits,
        List<String> subscriptionIds,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public SubscribedSku {
        subscriptionIds = subscriptionIds == null ? List.of() : subscriptionIds;
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** {@code prepaidUnits}: seats by state; only {@code enabled} ones can be assigned. */
    @JsonPropertyOrder({"enabled", "suspended", "warning", "lockedOut"})
    public record PrepaidUnits(Integer enabled, Integer suspended, Integer warning, Integer lockedOut,
                               @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {
        public PrepaidUnits {
            other = other == null ? new LinkedHashMap<>() : other;
        }
    }

    /**
     * Whether {@code subscriptionId} (a Partner Center subscription's id) is one of this SKU's:
     * compared without regard to case, as the two services write GUIDs in either.
     */
    public boolean covers(String subscriptionId) {
        if (subscriptionId == null) {
            return false;
        }
        String wanted = subscriptionId.trim().toLowerCase(Locale.ROOT);
        return subscriptionIds.stream().anyMatch(s -> s != null && s.trim().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** Seats that can be assigned: {@code prepaidUnits.enabled}, or null when Graph did not say. */
    @JsonIgnore
    public Integer enabledUnits() {
        return prepaidUnits == null ? null : prepaidUnits.enabled();
    }

    /** Assignable seats no one has: enabled minus consumed (Graph's own definition), or null when either is unknown. */
    @JsonIgnore
    public Integer freeUnits() {
        Integer enabled = enabledUnits();
        return enabled == null || consumedUnits == null ? null : enabled - consumedUnits;
    }

    /** Whether seats of this SKU go to users (only those can be assigned; {@code Company} ones cannot). */
    @JsonIgnore
    public boolean assignable() {
        return appliesTo == null || appliesTo.equalsIgnoreCase("User");
    }
}
