package dev.pcx.api;

/**
 * Where the bearer token comes from. The API layer asks for a token before each call and tells
 * the source when the service rejected one, so a refreshable source can sign in again once.
 */
public interface TokenSource {

    /** A current access token; throws when there is none (the caller maps that to exit 3). */
    String accessToken();

    /**
     * The service answered 401 to {@code rejected}. Return true if a fresh token is now
     * available and the call is worth one more try.
     */
    default boolean refreshAfterRejection(String rejected) {
        return false;
    }

    /**
     * What to do when the service rejects this source's token and it cannot get another (a token
     * given as is, in an environment variable), or null to say nothing beyond the rejection.
     */
    default String rejectedFix() {
        return null;
    }
}
