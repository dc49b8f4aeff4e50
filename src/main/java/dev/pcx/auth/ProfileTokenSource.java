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
    /** How long an interrupt waits for a rotated refresh token to be written (a sign-in call's own bound). */
    private static final java.time.Duration DURABLE_WITHIN = java.time.Duration.ofSeconds(70);

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
            java.util.concurrent.CountDownLatch durable = new java.util.concurrent.CountDownLatch(1);
            Thread wait = new Thread(() -> {
                try {
                    durable.await(DURABLE_WITHIN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
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
