package dev.pcx.cli;

import dev.pcx.auth.Cloud;
import dev.pcx.auth.Credentials;
import okhttp3.HttpUrl;

import java.util.Objects;

/**
 * Where a command line talks to and as whom: the cloud, the Partner Center API, the sign-in
 * authority, the credentials, and the profile they come from (null when they come from the
 * environment or the sandbox).
 */
public record Connection(Cloud cloud, HttpUrl endpoint, HttpUrl authority, Credentials.Source credentials,
                         String profile) {

    /**
     * The global options that decide a connection: two command lines of one {@code pcx shell}
     * with the same key share it (and its tokens), any difference resolves a new one.
     */
    record Key(boolean sandbox, String cloud, String endpoint, String authority, String profile) {
        static Key of(GlobalOptions o) {
            return new Key(o.sandbox(), o.cloud(), o.endpoint(), o.authority(), o.profile());
        }

        // written out: a record's generated ones are bound through method handles at their first
        // call, milliseconds of every start-up (see Service)
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sandbox == k.sandbox && Objects.equals(cloud, k.cloud)
                    && Objects.equals(endpoint, k.endpoint) && Objects.equals(authority, k.authority)
                    && Objects.equals(profile, k.profile);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sandbox, cloud, endpoint, authority, profile);
        }
    }
}
