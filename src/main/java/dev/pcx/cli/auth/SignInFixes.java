package dev.pcx.cli.auth;

import dev.pcx.auth.SignInException;

/** What to do about a failed sign-in, by the OAuth error Azure AD gave. */
final class SignInFixes {
    private SignInFixes() {
    }

    static SignInException explain(SignInException e, String command) {
        String error = e.error() == null ? "" : e.error();
        String fix = e.codes().contains(7000218L)
                ? "device code is a public-client flow: allow public client flows in the application's registration "
                        + "(Authentication: Allow public client flows), then run " + command
                : switch (error) {
            case "invalid_grant" -> "the refresh token is expired or revoked, or the user must consent or pass MFA "
                    + "again: get a new one and run " + command;
            case "invalid_client" -> "check the application's secret or registered certificate, then run " + command;
            case "unauthorized_client" -> "the application id is unknown in that tenant: check --client-id, --tenant "
                    + "and --cloud";
            case "invalid_request" -> e.codes().contains(90002L)
                    ? "the tenant was not found: check --tenant and --cloud (21Vianet tenants end in .partner.onmschina.cn)"
                    : "check --tenant, --client-id and --cloud, then run " + command;
            case "invalid_scope" -> "the application may not request Partner Center for this flow: check its API "
                    + "permissions, then run " + command;
            case "expired_token" -> "run " + command + " again and approve the code before it expires";
            case "access_denied" -> "the sign-in was declined; run " + command + " again to retry";
            case "" -> "check the network and --authority (or PCX_AUTHORITY), then run " + command;
            default -> "run " + command + " again";
        };
        String id = e.correlationId() == null ? "" : " [correlation id " + e.correlationId() + "]";
        return new SignInException(e.getMessage() + id, fix, e.error(), e.codes(), e.correlationId());
    }
}
