package dev.pcx.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;

import java.util.Base64;

/** Reads the claims of a JWT for display (who signed in, when it expires); never for trust. */
public final class Jwt {
    private Jwt() {
    }

    /** The claims, or an empty object when {@code token} is not a readable JWT. */
    public static JsonNode claims(String token) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length < 2) {
                return Json.mapper().createObjectNode();
            }
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception unreadable) {
            return Json.mapper().createObjectNode();
        }
    }

    /** The person or application a token or id token names. */
    public static String identity(String idToken, String accessToken) {
        for (String token : new String[] {idToken, accessToken}) {
            if (token == null) {
                continue;
            }
            JsonNode c = claims(token);
            for (String claim : new String[] {"preferred_username", "upn", "unique_name", "email"}) {
                if (c.hasNonNull(claim) && !c.get(claim).asText().isBlank()) {
                    return c.get(claim).asText();
                }
            }
        }
        return null;
    }
}
