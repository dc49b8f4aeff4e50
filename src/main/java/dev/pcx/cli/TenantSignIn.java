package dev.pcx.cli;

import dev.pcx.api.AuthenticationException;
import dev.pcx.auth.SignInException;

import java.util.List;

/**
 * What a refused sign-in in a customer's tenant means, for every command that acts there (service
 * health, Azure support tickets): the one table of Azure AD's AADSTS codes that decide it.
 *
 * @param where        the tenant as a sentence names it ("Contoso's tenant")
 * @param whom         the customer as a sentence names it ("Contoso", "the customer")
 * @param resource     the service the token was for ("Microsoft Graph")
 * @param consentFor   what the missing consent is for ("to read service health (ServiceHealth.Read.All)")
 * @param relationship what the delegated admin relationship must give ("with an Azure role"), or ""
 */
public record TenantSignIn(String where, String whom, String resource, String consentFor, String relationship) {
    /**
     * What a refused sign-in says about reaching the tenant (partner-center-api.md §11.4), decided on
     * Azure AD's {@code error_codes}, never on its text.
     */
    public enum Reach {
        /** The partner's user is not in the tenant: no delegated admin (DAP or GDAP) there. */
        LOST(50020L, 90072L, 50034L),
        /** The application is not consented there, or unknown there. */
        NEEDS_CONSENT(65001L, 90099L, 700016L),
        /** MFA, conditional access or security defaults demand what a refresh token cannot give. */
        BLOCKED(50076L, 50079L, 50078L, 53003L, 53000L, 53001L, 53002L, 530032L, 530034L, 530035L),
        /** The partner's own sign-in must be done again (revoked, expired by inactivity, sign-in frequency). */
        SIGN_IN_AGAIN(50173L, 70008L, 700082L, 70043L),
        /** The tenant, or the resource in it, belongs to another cloud. */
        WRONG_CLOUD(90002L, 90038L, 500011L),
        /** A code this table does not know. */
        OTHER();

        private final List<Long> codes;

        Reach(Long... codes) {
            this.codes = List.of(codes);
        }

        /** The reach a refusal's codes say, the first code that this table knows deciding. */
        public static Reach of(SignInException s) {
            for (Long code : s.codes()) {
                for (Reach r : values()) {
                    if (r.codes.contains(code)) {
                        return r;
                    }
                }
            }
            return OTHER;
        }
    }

    /** The application has no consent in the tenant. */
    private static final long NOT_CONSENTED = 65001L;
    /** The application is unknown in the tenant. */
    private static final long APPLICATION_UNKNOWN = 700016L;

    /**
     * {@code s} said for a person, with its exit code, as {@link Reach} reads its codes: a refusal that
     * names what is missing there (exit 5), or a sign-in failure of the partner's own (exit 3).
     */
    public RuntimeException explain(SignInException s, String signInAgain) {
        String corr = s.correlationId() == null ? "" : " (correlation id " + s.correlationId() + ")";
        Reach reach = Reach.of(s);
        String code = s.codes().isEmpty() ? "" : " (AADSTS" + s.codes().stream().filter(reach.codes::contains)
                .findFirst().orElse(s.codes().get(0)) + ")";
        switch (reach) {
            case NEEDS_CONSENT -> {
                String what = s.codes().contains(NOT_CONSENTED) ? "the application is not consented in " + where
                        : s.codes().contains(APPLICATION_UNKNOWN) ? "the signed-in application is unknown in " + where
                        : "the application is not authorized in " + where;
                return new CliException(ExitCode.REFUSED, what + code + "; an administrator of that tenant must grant it "
                        + "admin consent " + consentFor + corr);
            }
            case LOST -> {
                return new CliException(ExitCode.REFUSED, "the partner has no delegated-admin relationship with " + whom
                        + ": the signed-in user is unknown in " + where + code + "; ask the customer to approve a delegated "
                        + "admin (GDAP) relationship" + (relationship.isEmpty() ? "" : " " + relationship) + corr);
            }
            case BLOCKED -> {
                return new CliException(ExitCode.REFUSED, "multifactor authentication or conditional access in " + where
                        + " demands an interactive sign-in" + code + "; sign in again with MFA ('" + signInAgain
                        + "'), or the customer excludes service provider access from the policy" + corr);
            }
            default -> {
                return new AuthenticationException("sign-in to " + where + " for " + resource + " failed: " + s.getMessage()
                        + corr, "sign in again with '" + signInAgain + "'");
            }
        }
    }
}
