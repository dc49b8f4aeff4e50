package dev.pcx.auth;

import java.util.Locale;

/** How a profile signs in; it decides the kind of token, app+user or app-only. */
public enum Flow {
    DEVICE_CODE(true), REFRESH_TOKEN(true), CLIENT_SECRET(false), CERTIFICATE(false);

    private final boolean appUser;

    Flow(boolean appUser) {
        this.appUser = appUser;
    }

    /** app+user (delegated, a person's rights) or app-only (the application's own). */
    public CredentialKind kind() {
        return appUser ? CredentialKind.APP_USER : CredentialKind.APP_ONLY;
    }

    public boolean appUser() {
        return appUser;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Flow parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
