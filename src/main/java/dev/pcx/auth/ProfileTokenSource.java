package dev.pcx.auth;

import dev.pcx.api.AuthenticationException;
import dev.pcx.api.TokenSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Tokens of a stored profile. A stored access token is used until shortly before it expires;
 * then, under the state directory's lock, the credentials are read again (another pcx may have
 * refreshed meanwhile) and only if still stale is a new token got and saved, with the refresh
 * token the service rotated. Ten processes refreshing at once thus make one sign-in call each at
 * worst, and leave one valid file.
 */
final class ProfileTokenSource extends CachingTokenSource implements TenantTokens {
    /** How long an interrupt waits for a rotated refresh token to be written (a sign-in call's own bound). */
    private static final Duration DURABLE_WITHIN = Duration.ofSeconds(70);

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
            // From the moment the refresh token is sent, the identity provider may have rotated it: the
            // old one is dead and the new one lives only in this answer. Until it is on disk, Ctrl-C or
            // SIGTERM waits (at most DURABLE_WITHIN) instead of ending the process with it in memory.
            CountDownLatch durable = new CountDownLatch(1);
            Thread wait = new Thread(() -> {
                try {
                    durable.await(DURABLE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "pcx-keep-refresh-token");
            Runtime.getRuntime().addShutdownHook(wait);
            try {
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
            } finally {
                durable.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(wait);
                } catch (IllegalStateException shuttingDown) {
                    // the hook has seen the latch open, or will
                }
            }
        });
    }

    @Override
    public Cloud cloud() {
        return cloud;
    }

    /**
     * Tokens for {@code scope} in a tenant, kept per tenant and resource ({@link TenantTokenCache}).
     * In a customer's tenant the profile's refresh token is only read, so any number of tenants are
     * signed in to at once; in the partner's own tenant the refresh token rotates, so that is done
     * as a refresh of the profile, under the lock, saving the new refresh token.
     */
    @Override
    public TokenSource tokens(String tenantId, String scope) {
        String tenant = tenantId == null ? profile.tenant() : tenantId;
        boolean own = tenantId == null || tenantId.equalsIgnoreCase(profile.tenant());
        TenantTokenCache cache = new TenantTokenCache(store, name);
        return new CachingTokenSource(clock) {
            @Override
            protected TokenResult obtain(String rejected) {
                TenantTokenCache.Entry kept = cache.read(tenant, scope);
                if (usable(kept, rejected)) {
                    return new TokenResult(kept.accessToken(), kept.expiry(), null, null);
                }
                if (!own) {
                    TokenResult fresh = redeem(store.credentials().profiles().get(name), tenant, scope);
                    cache.write(tenant, fresh, scope);
                    return fresh;
                }
                return store.locked(() -> {
                    TenantTokenCache.Entry again = cache.read(tenant, scope);
                    if (usable(again, rejected)) {
                        return new TokenResult(again.accessToken(), again.expiry(), null, null);
                    }
                    StoredCredential stored = store.credentials().profiles().get(name);
                    TokenResult fresh = redeem(stored, tenant, scope);
                    if (fresh.refreshToken() != null) {
                        store.updateCredentials(c -> {
                            StoredCredential now = c.profiles().get(name);
                            c.profiles().put(name, now.withTokens(now.accessToken(), now.expiry(), fresh.refreshToken()));
                            return c;
                        });
                    }
                    cache.write(tenant, fresh, scope);
                    return fresh;
                });
            }

            private boolean usable(TenantTokenCache.Entry e, String rejected) {
                return e != null && e.accessToken() != null && !e.accessToken().equals(rejected)
                        && scope.equals(e.scope()) && fresh(e.expiry());
            }
        };
    }

    private TokenResult redeem(StoredCredential stored, String tenant, String scope) {
        if (!(credential(stored) instanceof Credential.RefreshToken rt)) {
            throw new AuthenticationException("profile '" + name + "' signs in app-only; a token in a tenant "
                    + "(Microsoft Graph, Azure Resource Manager) needs a person", relogin());
        }
        return aad.get().refresh(tenant, rt.clientId(), rt.refreshToken(), rt.secret(), scope);
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
