package dev.pcx.auth;

import dev.pcx.api.AuthenticationException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tokens of a stored profile. A stored access token is used until shortly before it expires;
 * then, under the state directory's lock, the credentials are read again (another pcx may have
 * refreshed meanwhile) and only if still stale is a new token got and saved, with the refresh
 * token the service rotated. Ten processes refreshing at once thus make one sign-in call each at
 * worst, and leave one valid file.
 */
final class ProfileTokenSource extends CachingTokenSource {
    private final ProfileStore store;
    private final String name;
    private final Profile profile;
    private final Supplier<AadClient> aad;
    private final Cloud cloud;
    private final Map<String, String> env;

    ProfileTokenSource(ProfileStore store, String name, Profile profile, Supplier<AadClient> aad, Cloud cloud,
                       Map<String, String> env, Clock clock) {
        super(clock);
        this.store = store;
        this.name = name;
        this.profile = profile;
        this.aad = aad;
        this.cloud = cloud;
        this.env = env;
    }

    @Override
    protected TokenResult obtain(String rejected) {
        StoredCredential seen = store.credentials().profiles().get(name);
        if (usable(seen, rejected)) {
            return new TokenResult(seen.accessToken(), seen.expiry(), null, null);
        }
        return store.locked(() -> {
            StoredCredential stored = store.credentials().profiles().get(name);
            if (usable(stored, rejected)) {
                return new TokenResult(stored.accessToken(), stored.expiry(), null, null);
            }
            Credential credential = credential(stored);
            TokenResult fresh;
            try {
                fresh = credential.acquire(aad.get(), cloud);
            } catch (SignInException e) {
                throw e.withFix(relogin());
            }
            StoredCredential base = stored != null ? stored : new StoredCredential(null, null, null, null, null);
            StoredCredential next = base.withTokens(fresh.accessToken(), fresh.expiresAt(), fresh.refreshToken());
            store.updateCredentials(c -> {
                c.profiles().put(name, next);
                return c;
            });
            return fresh;
        });
    }

    private boolean usable(StoredCredential c, String rejected) {
        return c != null && c.accessToken() != null && !c.accessToken().equals(rejected) && fresh(c.expiry());
    }

    private Credential credential(StoredCredential stored) {
        Flow flow = profile.flowKind();
        if (flow == null) {
            throw new AuthenticationException("profile '" + name + "' has an unknown sign-in flow '" + profile.flow() + "'",
                    relogin());
        }
        String tenant = profile.tenant();
        String clientId = profile.clientId();
        return switch (flow) {
            case DEVICE_CODE, REFRESH_TOKEN -> {
                if (stored == null || stored.refreshToken() == null) {
                    throw new AuthenticationException("profile '" + name + "' has no refresh token stored", relogin());
                }
                String secret = stored.clientSecret() != null ? stored.clientSecret() : env.get("PCX_CLIENT_SECRET");
                yield new Credential.RefreshToken(tenant, clientId, stored.refreshToken(), secret, flow);
            }
            case CLIENT_SECRET -> {
                String secret = stored != null && stored.clientSecret() != null ? stored.clientSecret()
                        : env.get("PCX_CLIENT_SECRET");
                if (secret == null || secret.isBlank()) {
                    throw new AuthenticationException("the access token of profile '" + name
                            + "' has expired and its client secret was not stored",
                            "set PCX_CLIENT_SECRET, or sign in again with " + relogin() + " --save-secret");
                }
                yield new Credential.ClientSecret(tenant, clientId, secret);
            }
            case CERTIFICATE -> {
                String password = stored != null && stored.certificatePassword() != null ? stored.certificatePassword()
                        : env.get("PCX_CERTIFICATE_PASSWORD");
                try {
                    yield new Credential.Certificate(tenant, clientId, ClientCertificate.load(Path.of(profile.certificate()),
                            password == null ? null : password.toCharArray()));
                } catch (IllegalArgumentException e) {
                    throw new AuthenticationException(e.getMessage(), "fix the file, or sign in again with " + relogin());
                }
            }
        };
    }

    private String relogin() {
        return Credentials.loginCommand(name, profile);
    }
}
