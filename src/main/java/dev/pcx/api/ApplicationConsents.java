package dev.pcx.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;

/**
 * Partner Center's application consents in a customer's tenant (partner-center-api.md §11.1): grant
 * ({@code POST .../applicationconsents}) and remove ({@code DELETE .../applicationconsents/{app}}).
 * A grant that exists is success (409, or the text "already exists", both seen); a grant repeated
 * is harmless, so one whose answer was lost to a dropped connection is sent again in the same run.
 */
public final class ApplicationConsents {
    /** Microsoft Graph's enterprise application id, in every cloud. */
    public static final String GRAPH = "00000003-0000-0000-c000-000000000000";
    private static final int ATTEMPTS = 3;

    private final PartnerCenter api;

    ApplicationConsents(PartnerCenter api) {
        this.api = api;
    }

    /** What a grant did. */
    public enum Outcome { GRANTED, ALREADY_GRANTED }

    /** The grant of {@code scopes} (comma-joined per resource) to {@code applicationId} in {@code customerId}'s tenant. */
    public static ApiRequest grantRequest(String customerId, String applicationId, String displayName,
                                          Map<String, String> scopes) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("applicationId", applicationId);
        ArrayNode grants = body.putArray("applicationGrants");
        scopes.forEach((resource, scope) -> grants.addObject().put("enterpriseApplicationId", resource).put("scope", scope));
        body.put("displayName", displayName);
        return ApiRequest.request("POST", "/customers/" + ApiRequest.segment(customerId) + "/applicationconsents")
                .body(body).build();
    }

    /** The removal of {@code applicationId}'s consent in {@code customerId}'s tenant. */
    public static ApiRequest removeRequest(String customerId, String applicationId) {
        return ApiRequest.request("DELETE", "/customers/" + ApiRequest.segment(customerId) + "/applicationconsents/"
                + ApiRequest.segment(applicationId)).build();
    }

    /** Sends {@code grant}; an existing grant is {@link Outcome#ALREADY_GRANTED}, a lost answer sent again. */
    public Outcome grant(ApiRequest grant) {
        for (int attempt = 1; ; attempt++) {
            try {
                api.send(grant);
                return Outcome.GRANTED;
            } catch (ApiException e) {
                if (e.status() == 409 || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("already exists")) {
                    return Outcome.ALREADY_GRANTED;
                }
                throw e;
            } catch (TransportException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Sends {@code remove}; a consent that is not there (404) is already removed; a lost answer is sent again. */
    public void remove(ApiRequest remove) {
        for (int attempt = 1; ; attempt++) {
            try {
                api.send(remove);
                return;
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                return;
            } catch (TransportException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
