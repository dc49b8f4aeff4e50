package dev.pcx.api.model;

/** {@code companyProfile} of a Customer. */
public record CustomerCompanyProfile(
        String tenantId,
        String domain,
        String companyName,
        Address address,
        String email,
        String organizationRegistrationNumber,
        Links links,
        Attributes attributes) {
}
