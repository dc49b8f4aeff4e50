package dev.pcx.auth;

import dev.pcx.api.AuthenticationException;
import dev.pcx.api.TokenSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides whose credentials a run uses, in this order: {@code PCX_ACCESS_TOKEN} as is; other
 * environment credentials ({@code PCX_CLIENT_ID} and {@code PCX_TENANT_ID} with
 * {@code PCX_REFRESH_TOKEN}, {@code PCX_CLIENT_SECRET} or {@code PCX_CERTIFICATE}); then the stored
 * profile. Environment credentials write nothing to disk.
 */
public final class Credentials {
    static final String ENV_NAMES = "PCX_CLIENT_ID, PCX_TENANT_ID, PCX_CLIENT_SECRET, PCX_REFRESH_TOKEN, PCX_CERTIFICATE";

    private Credentials() {
    }

    /** Where the token comes from, and what kind it is. */
    public record Source(TokenSource tokens, CredentialKind kind, String description) {
        public boolean appUser() {
            return kind == CredentialKind.APP_USER;
        }
    }

    /** Credentials from the environment, or null when it holds none. */
    public static Source fromEnvironment(Map<String, String> env, Cloud cloud, Supplier<AadClient> aad, Clock clock) {
        String access = nonBlank(env.get("PCX_ACCESS_TOKEN"));
        if (access != null && access.strip().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new AuthenticationException("PCX_ACCESS_TOKEN holds a line break, a space or another "
                    + "character no token has", "set it to the token alone, e.g. PCX_ACCESS_TOKEN=\"$(pcx auth token)\"");
        }
        if (access != null) {
            String token = access.strip();
            var claims = Jwt.claims(token);
            CredentialKind kind = claims.hasNonNull("upn") || claims.hasNonNull("scp") ? CredentialKind.APP_USER
                    : CredentialKind.UNKNOWN;
            return new Source(new TokenSource() {
                @Override
                public String accessToken() {
                    return token;
                }

                @Override
                public String rejectedFix() {
                    return "the token in PCX_ACCESS_TOKEN is used as it is and cannot be renewed: it has expired, or is "
                            + "not for this cloud's Partner Center; set a fresh one (PCX_ACCESS_TOKEN=\"$(pcx auth token)\"), "
                            + "or unset PCX_ACCESS_TOKEN to use your profile or PCX_REFRESH_TOKEN";
                }
            }, kind, "PCX_ACCESS_TOKEN");
        }
        String clientId = nonBlank(env.get("PCX_CLIENT_ID"));
        String tenant = nonBlank(env.get("PCX_TENANT_ID"));
        String secret = nonBlank(env.get("PCX_CLIENT_SECRET"));
        String refresh = nonBlank(env.get("PCX_REFRESH_TOKEN"));
        String certificate = nonBlank(env.get("PCX_CERTIFICATE"));
        if (clientId == null && tenant == null && refresh == null && certificate == null) {
            return null; // PCX_CLIENT_SECRET alone is a stored profile's missing secret, not a credential
        }
        if (clientId == null || tenant == null) {
            throw new AuthenticationException("incomplete credentials in the environment: " + (clientId == null
                    ? "PCX_CLIENT_ID" : "PCX_TENANT_ID") + " is missing", "set it, or unset " + ENV_NAMES);
        }
        Credential credential;
        if (refresh != null) {
            credential = new Credential.RefreshToken(tenant, clientId, refresh, secret, Flow.REFRESH_TOKEN);
        } else if (certificate != null) {
            String password = env.get("PCX_CERTIFICATE_PASSWORD");
            try {
                credential = new Credential.Certificate(tenant, clientId, ClientCertificate.load(Path.of(certificate),
                        password == null ? null : password.toCharArray()));
            } catch (IllegalArgumentException e) {
                throw new AuthenticationException(e.getMessage() + " (PCX_CERTIFICATE)", "fix PCX_CERTIFICATE");
            }
        } else if (secret != null) {
            credential = new Credential.ClientSecret(tenant, clientId, secret);
        } else {
            throw new AuthenticationException("PCX_CLIENT_ID and PCX_TENANT_ID are set but no secret, refresh token "
                    + "or certificate", "set PCX_CLIENT_SECRET, PCX_REFRESH_TOKEN or PCX_CERTIFICATE");
        }
        return new Source(new EnvironmentTokenSource(credential, aad, cloud, clock), credential.flow().kind(),
                "environment (" + credential.flow().wire() + ")");
    }

    /** A stored profile's credentials. */
    public static Source fromProfile(ProfileStore store, String name, Profile profile, Cloud cloud,
                                     Supplier<AadClient> aad, Map<String, String> env, Clock clock) {
        Flow flow = profile.flowKind();
        return new Source(new ProfileTokenSource(store, name, profile, aad, cloud, env, clock),
                flow == null ? CredentialKind.UNKNOWN : flow.kind(), store.credentialsFile().toString());
    }

    /** The sign-in of a built-in or known credential, kept in memory (the sandbox's own application). */
    public static Source inMemory(Credential credential, Cloud cloud, Supplier<AadClient> aad, Clock clock, String description) {
        return new Source(new EnvironmentTokenSource(credential, aad, cloud, clock), credential.flow().kind(), description);
    }

    /** The command that signs a profile in again, as the user would type it. */
    public static String loginCommand(String name, Profile profile) {
        StringBuilder sb = new StringBuilder("pcx ");
        if (profile != null && profile.isSandbox()) {
            sb.append("--sandbox ");
        }
        sb.append("auth login");
        if (!ProfileStore.DEFAULT_PROFILE.equals(name)) {
            sb.append(" --profile ").append(name);
        }
        if (profile != null) {
            Flow flow = profile.flowKind();
            if (profile.cloud() != null && !"china".equals(profile.cloud())) {
                sb.append(" --cloud ").append(profile.cloud());
            }
            sb.append(" --tenant ").append(profile.tenant()).append(" --client-id ").append(profile.clientId());
            if (flow == Flow.REFRESH_TOKEN) {
                sb.append(" --refresh-token-stdin");
            } else if (flow == Flow.CLIENT_SECRET) {
                sb.append(" --app --client-secret-stdin");
            } else if (flow == Flow.CERTIFICATE) {
                sb.append(" --app --certificate ").append(profile.certificate());
            }
        }
        return sb.toString();
    }

    static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
