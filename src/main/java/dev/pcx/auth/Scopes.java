package dev.pcx.auth;

/** The v2 scopes for Partner Center in a cloud (partner-center-api.md §8). */
public final class Scopes {
    private Scopes() {
    }

    /** App-only: {@code {resource}/.default}. */
    public static String appOnly(Cloud cloud) {
        return cloud.resource() + "/.default";
    }

    /** App+user: {@code {resource}/user_impersonation offline_access}, so a refresh token comes back. */
    public static String delegated(Cloud cloud) {
        return cloud.resource() + "/user_impersonation offline_access";
    }

    /** Microsoft Graph in the cloud, app+user: {@code {graph}/.default} (the application's consented permissions). */
    public static String graph(Cloud cloud) {
        return cloud.graphBase() + "/.default";
    }

    /** Azure Resource Manager in the cloud, app+user: {@code {arm}/.default} (partner-center-api.md §6.2). */
    public static String arm(Cloud cloud) {
        return cloud.armBase() + "/.default";
    }
}
