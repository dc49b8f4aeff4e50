package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Partner Center customer. List items are slim (no {@code billingProfile}, no
 * {@code allowDelegatedAccess}); get-by-id is full. Fields the contract does not name are kept in
 * {@link #other()} and written back out, so {@code -o json} loses nothing the service sent.
 */
public record Customer(
        String id,
        String commerceId,
        CustomerCompanyProfile companyProfile,
        CustomerBillingProfile billingProfile,
        RelationshipToPartner relationshipToPartner,
        Boolean allowDelegatedAccess,
        List<String> customDomains,
        String associatedPartnerId,
        Links links,
        Attributes attributes,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> other) {

    public Customer {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    /** The tenant id: {@code id}, or the company profile's {@code tenantId} when {@code id} is absent. */
    public String tenantId() {
        if (id != null && !id.isBlank()) {
            return id;
        }
        return companyProfile == null ? null : companyProfile.tenantId();
    }

    public String companyName() {
        return companyProfile == null ? null : companyProfile.companyName();
    }

    public String domain() {
        return companyProfile == null ? null : companyProfile.domain();
    }
}
