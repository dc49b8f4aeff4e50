package dev.pcx.auth;

import java.time.Instant;

/** A token endpoint's answer, read: the access token, when it expires, and the rest if sent. */
public record TokenResult(String accessToken, Instant expiresAt, String refreshToken, String idToken) {
}
