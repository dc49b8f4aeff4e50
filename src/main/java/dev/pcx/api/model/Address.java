package dev.pcx.api.model;

/** An address as used by company and billing profiles. */
public record Address(
        String country,
        String region,
        String city,
        String state,
        String addressLine1,
        String addressLine2,
        String postalCode,
        String firstName,
        String middleName,
        String lastName,
        String phoneNumber) {
}
