package dev.pcx.api.model;

/** {@code refundOptions[]}: {@code {type, expiresAt}}. */
public record RefundOption(String type, ApiDate expiresAt) {
}
