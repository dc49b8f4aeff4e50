package dev.pcx.auth;

import dev.pcx.api.TokenSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token source that reuses an access token until shortly before it expires. Subclasses say
 * where a token is stored and how a new one is got.
 */
abstract class CachingTokenSource implements TokenSource {
    /** Refresh this long before expiry, so a call never starts with a token about to lapse. */
    static final Duration SKEW = Duration.ofMinutes(5);

    protected final Clock clock;
    private String token;
    private Instant expiresAt;

    CachingTokenSource(Clock clock) {
        this.clock = clock;
    }

    protected boolean fresh(Instant expiry) {
        return expiry != null && clock.instant().plus(SKEW).isBefore(expiry);
    }

    @Override
    public synchronized String accessToken() {
        if (token != null && fresh(expiresAt)) {
            return token;
        }
        remember(obtain(null));
        return token;
    }

    @Override
    public synchronized boolean refreshAfterRejection(String rejected) {
        remember(obtain(rejected));
        return !token.equals(rejected);
    }

    private void remember(TokenResult result) {
        token = result.accessToken();
        expiresAt = result.expiresAt();
    }

    /**
     * A token to use: a stored one that is still fresh (and is not {@code rejected}), or a new one.
     *
     * @param rejected the token the service just refused, or null
     */
    protected abstract TokenResult obtain(String rejected);
}
