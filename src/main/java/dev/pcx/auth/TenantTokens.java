package dev.pcx.auth;

import dev.pcx.api.TokenSource;

/**
 * Access tokens issued in a tenant the signed-in person may reach, for any resource of the cloud:
 * the app+user refresh token redeemed at {@code {authority}/{tenant}/oauth2/v2.0/token} for a
 * scope, in the partner's own tenant or in a customer's through delegated admin. Microsoft Graph
 * (service health, partner-center-api.md §5.2) and Azure Resource Manager (Azure support tickets,
 * §6.2) are the two pcx asks for. Only credentials with a refresh token can; failures are
 * {@link SignInException}s carrying the AADSTS codes that say what is missing in that tenant.
 */
public interface TenantTokens {

    /** Tokens for {@code scope} in {@code tenantId}; null means the partner's own tenant. */
    TokenSource tokens(String tenantId, String scope);

    /** The cloud whose resources these are. */
    Cloud cloud();

    /** Tokens for Microsoft Graph in {@code tenantId}; null means the partner's own tenant. */
    default TokenSource graph(String tenantId) {
        return tokens(tenantId, Scopes.graph(cloud()));
    }

    /** Tokens for Azure Resource Manager in {@code tenantId}; null means the partner's own tenant. */
    default TokenSource arm(String tenantId) {
        return tokens(tenantId, Scopes.arm(cloud()));
    }
}
