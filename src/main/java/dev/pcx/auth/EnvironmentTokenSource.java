package dev.pcx.auth;

import dev.pcx.api.AuthenticationException;
import dev.pcx.api.TokenSource;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Credentials from the environment, for CI: signs in when first asked, keeps tokens in memory
 * only (a rotated refresh token too), writes nothing to disk.
 */
final class EnvironmentTokenSource extends CachingTokenSource implements TenantTokens {
    private final Supplier<AadClient> aad;
    private final Cloud cloud;
    private Credential credential;

    EnvironmentTokenSource(Credential credential, Supplier<AadClient> aad, Cloud cloud, Clock clock) {
        super(clock);
        this.credential = credential;
        this.aad = aad;
        this.cloud = cloud;
    }

    @Override
    public Cloud cloud() {
        return cloud;
    }

    /**
     * Tokens for {@code scope} in a tenant, in memory only: the refresh token redeemed there (in the
     * partner's own tenant, keeping the one it rotates to).
     */
    @Override
    public TokenSource tokens(String tenantId, String scope) {
        return new CachingTokenSource(clock) {
            @Override
            protected TokenResult obtain(String rejected) {
                Credential.RefreshToken rt;
                synchronized (EnvironmentTokenSource.this) {
                    if (!(credential instanceof Credential.RefreshToken r)) {
                        throw new AuthenticationException("the credentials in the environment are "
                                + "app-only; a token in a tenant (Microsoft Graph, Azure Resource Manager) needs a "
                                + "person", "set PCX_REFRESH_TOKEN");
                    }
                    rt = r;
                }
                if (tenantId != null && !tenantId.equalsIgnoreCase(rt.tenant())) {
                    return aad.get().refresh(tenantId, rt.clientId(), rt.refreshToken(), rt.secret(), scope);
                }
                synchronized (EnvironmentTokenSource.this) { // the refresh token rotates: one redemption at a time
                    Credential.RefreshToken current = (Credential.RefreshToken) credential;
                    TokenResult result = aad.get().refresh(current.tenant(), current.clientId(), current.refreshToken(),
                            current.secret(), scope);
                    if (result.refreshToken() != null) {
                        credential = new Credential.RefreshToken(current.tenant(), current.clientId(),
                                result.refreshToken(), current.secret(), current.flow());
                    }
                    return result;
                }
            }
        };
    }

    @Override
    protected synchronized TokenResult obtain(String rejected) {
        TokenResult result;
        try {
            result = credential.acquire(aad.get(), cloud);
        } catch (SignInException e) {
            throw e.withFix("check " + Credentials.ENV_NAMES + " (credentials from the environment are used as given)");
        }
        if (credential instanceof Credential.RefreshToken rt && result.refreshToken() != null) {
            credential = new Credential.RefreshToken(rt.tenant(), rt.clientId(), result.refreshToken(), rt.secret(), rt.flow());
        }
        return result;
    }
}
