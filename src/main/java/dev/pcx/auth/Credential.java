package dev.pcx.auth;

/**
 * The material one sign-in uses, in memory only. {@link #acquire} gets a fresh token from the
 * sign-in service; for a refresh token the answer may carry a rotated one.
 */
public sealed interface Credential {
    String tenant();

    String clientId();

    Flow flow();

    TokenResult acquire(AadClient aad, Cloud cloud);

    /** App-only, with the application's secret. */
    record ClientSecret(String tenant, String clientId, String secret) implements Credential {
        @Override
        public Flow flow() {
            return Flow.CLIENT_SECRET;
        }

        @Override
        public TokenResult acquire(AadClient aad, Cloud cloud) {
            return aad.clientSecret(tenant, clientId, secret, Scopes.appOnly(cloud));
        }

        @Override
        public String toString() {
            return "ClientSecret[tenant=" + tenant + ", clientId=" + clientId + "]";
        }
    }

    /** App-only, with a signed assertion from the application's certificate. */
    record Certificate(String tenant, String clientId, ClientCertificate certificate) implements Credential {
        @Override
        public Flow flow() {
            return Flow.CERTIFICATE;
        }

        @Override
        public TokenResult acquire(AadClient aad, Cloud cloud) {
            return aad.clientAssertion(tenant, clientId, certificate, Scopes.appOnly(cloud));
        }
    }

    /** App+user, redeeming a refresh token (with the secret of a confidential application, if any). */
    record RefreshToken(String tenant, String clientId, String refreshToken, String secret, Flow flow)
            implements Credential {
        @Override
        public TokenResult acquire(AadClient aad, Cloud cloud) {
            return aad.refresh(tenant, clientId, refreshToken, secret, Scopes.delegated(cloud));
        }

        @Override
        public String toString() {
            return "RefreshToken[tenant=" + tenant + ", clientId=" + clientId + "]";
        }
    }
}
