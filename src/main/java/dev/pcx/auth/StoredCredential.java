package dev.pcx.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What {@code credentials.json} keeps for a profile. The client secret and the certificate's
 * password only when the user asked to store them ({@code --save-secret}).
 *
 * @param expiresAt when {@code accessToken} expires, ISO-8601
 */
public record StoredCredential(String refreshToken, String accessToken, String expiresAt,
                               String clientSecret, String certificatePassword) {

    public StoredCredential withTokens(String access, Instant expires, String refresh) {
        return new StoredCredential(refresh != null ? refresh : refreshToken, access,
                expires == null ? null : expires.toString(), clientSecret, certificatePassword);
    }

    /** The access token's expiry, or null when there is none or it is unreadable. */
    @JsonIgnore
    public Instant expiry() {
        try {
            return expiresAt == null ? null : Instant.parse(expiresAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
