package dev.pcx.auth;

import dev.pcx.api.TokenSource;

/**
 * Microsoft Graph tokens in a tenant the signed-in person may reach (partner-center-api.md §5.2):
 * the app+user refresh token redeemed at {@code {authority}/{tenant}/oauth2/v2.0/token} for
 * {@code {graph}/.default}, in the partner's own tenant or in a customer's through delegated admin.
 * Only credentials with a refresh token can; failures are {@link SignInException}s carrying the
 * AADSTS codes that say what is missing in that tenant.
 */
public interface GraphTokens {

    /** Tokens for Graph in {@code tenantId}; null means the partner's own tenant. */
    TokenSource graph(String tenantId);
}
