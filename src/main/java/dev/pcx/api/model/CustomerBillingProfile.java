package dev.pcx.api.model;

/** {@code billingProfile} of a Customer; only the get-by-id response carries it. */
public record CustomerBillingProfile(
        String id,
        String firstName,
        String lastName,
        String email,
        String culture,
        String language,
        String companyName,
        Address defaultAddress,
        Links links,
        Attributes attributes) {
}
