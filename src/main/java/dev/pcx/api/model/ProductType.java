package dev.pcx.api.model;

/** {@code productType}: {@code {id, displayName}}, e.g. {@code OnlineServicesNCE}. */
public record ProductType(String id, String displayName) {
}
