package dev.pcx.auth;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Credentials from the environment, for CI: signs in when first asked, keeps tokens in memory
 * only (a rotated refresh token too), writes nothing to disk.
 */
final class EnvironmentTokenSource extends CachingTokenSource {
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
    protected TokenResult obtain(String rejected) {
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
