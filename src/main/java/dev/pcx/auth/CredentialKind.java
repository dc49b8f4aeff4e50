package dev.pcx.auth;

/**
 * Whose rights a token carries: a person's through the application (app+user, delegated) or the
 * application's own (app-only); unknown for a token pcx is handed and cannot tell.
 */
public enum CredentialKind {
    APP_USER("app+user"), APP_ONLY("app-only"), UNKNOWN("unknown");

    private final String wire;

    CredentialKind(String wire) {
        this.wire = wire;
    }

    /** As {@code auth status} and JSON name it: app+user, app-only or unknown. */
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
