package dev.pcx.auth;

/**
 * A named sign-in, as kept in {@code config.json}: nothing secret. {@code sandbox} profiles
 * belong to the in-process sandbox, whose address changes on every run.
 *
 * @param identity    who signed in: the user's name, or the application id
 * @param certificate   path of the certificate file for the certificate flow (the key stays there)
 * @param graphEndpoint Microsoft Graph's base for service health, when not the cloud's
 */
public record Profile(String cloud, String tenant, String clientId, String flow, String identity,
                      String certificate, String endpoint, String authority, Boolean sandbox, String graphEndpoint) {

    /** A profile that keeps Graph at the cloud's own address. */
    public Profile(String cloud, String tenant, String clientId, String flow, String identity,
                   String certificate, String endpoint, String authority, Boolean sandbox) {
        this(cloud, tenant, clientId, flow, identity, certificate, endpoint, authority, sandbox, null);
    }

    public Flow flowKind() {
        return Flow.parse(flow);
    }

    /** The profile's cloud; china when it names none. */
    public Cloud cloudKind() {
        return cloud == null ? Cloud.CHINA : Cloud.parse(cloud);
    }

    public boolean isSandbox() {
        return Boolean.TRUE.equals(sandbox);
    }
}
