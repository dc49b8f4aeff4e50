package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pcx.api.Json;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A customer's subscription (partner-center-api.md §3). Enums are read as names or ordinals and
 * normalised to their snake_case names; values pcx does not know are kept as sent. Fields the
 * contract does not name are kept in {@link #other()}.
 */
public record Subscription(
        String id,
        String entitlementId,
        String offerId,
        String offerName,
        String friendlyName,
        ProductType productType,
        Integer quantity,
        String unitType,
        String parentSubscriptionId,
        String consumptionType,
        ApiDate creationDate,
        ApiDate effectiveStartDate,
        ApiDate commitmentEndDate,
        ApiDate commitmentEndDateTime,
        ApiDate cancellationAllowedUntilDate,
        ApiDate billingCycleEndDate,
        ApiDate billingCycleEndDateTime,
        String status,
        Boolean autoRenewEnabled,
        String billingType,
        String billingCycle,
        Boolean hasPurchasableAddons,
        Boolean isTrial,
        Boolean isMicrosoftProduct,
        List<String> actions,
        String termDuration,
        String renewalTermDuration,
        List<RefundOption> refundOptions,
        String partnerId,
        List<String> suspensionReasons,
        Boolean attentionNeeded,
        Boolean actionTaken,
        String contractType,
        String publisherName,
        String orderId,
        String promotionId,
        String migratedFromSubscriptionId,
        Links links,
        Attributes attributes,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public Subscription {
        status = SubscriptionEnums.STATUS.normalize(status);
        billingType = SubscriptionEnums.BILLING_TYPE.normalize(billingType);
        billingCycle = SubscriptionEnums.BILLING_CYCLE.normalize(billingCycle);
        contractType = SubscriptionEnums.CONTRACT_TYPE.normalize(contractType);
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** The etag of {@code attributes}, or null when the service sent none (or an empty one). */
    @JsonIgnore
    public String etag() {
        return attributes == null || attributes.etag() == null || attributes.etag().isEmpty() ? null : attributes.etag();
    }

    @JsonIgnore
    public boolean isAddOn() {
        return parentSubscriptionId != null && !parentSubscriptionId.isBlank();
    }

    /** When the commitment ends: the newer date-time field, else the older date. */
    @JsonIgnore
    public ApiDate commitmentEnd() {
        return commitmentEndDateTime != null ? commitmentEndDateTime : commitmentEndDate;
    }

    /**
     * {@code refundableQuantity}, which only get-by-id carries (partner-center-api.md §10.2): the
     * seats that may still be removed; null when the service did not send it.
     */
    @JsonIgnore
    public RefundableQuantity refundableQuantity() {
        Object raw = other.get("refundableQuantity");
        return raw == null ? null : Json.mapper().convertValue(raw, RefundableQuantity.class);
    }

    /** {@code termDuration} as a length in months (P1M 1, P1Y 12, P3Y 36), or null when absent, empty or not a period. */
    @JsonIgnore
    public Integer termMonths() {
        return months(termDuration);
    }

    /** An ISO-8601 period of whole years, months or both ({@code P1Y}, {@code P1M}, {@code P1Y6M}) in months; null otherwise. */
    public static Integer months(String period) {
        if (period == null || period.isBlank()) {
            return null;
        }
        try {
            Period p = Period.parse(period.trim().toUpperCase(Locale.ROOT));
            return p.getDays() != 0 ? null : (int) p.toTotalMonths();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
