package dev.pcx.api.model;

/** {@code attributes}: the resource's {@code objectType} and, where the service sends one, its {@code etag}. */
public record Attributes(String etag, String objectType) {
}
