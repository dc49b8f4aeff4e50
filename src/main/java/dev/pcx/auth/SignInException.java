package dev.pcx.auth;

import dev.pcx.api.AuthenticationException;

import java.util.List;

/**
 * The sign-in service refused (an OAuth error such as {@code invalid_grant}) or could not be
 * reached. Carries the AAD error, its AADSTS codes and correlation id; the fix is chosen by whoever
 * knows which profile and command were in use.
 */
public class SignInException extends AuthenticationException {
    private final String error;
    private final List<Long> codes;
    private final String correlationId;

    public SignInException(String message, String fix, String error, List<Long> codes, String correlationId) {
        super(message, fix);
        this.error = error;
        this.codes = codes == null ? List.of() : List.copyOf(codes);
        this.correlationId = correlationId;
    }

    /** The OAuth error ({@code invalid_grant}, {@code invalid_client}...), or null for a network failure. */
    public String error() {
        return error;
    }

    public List<Long> codes() {
        return codes;
    }

    public String correlationId() {
        return correlationId;
    }

    public SignInException withFix(String newFix) {
        return new SignInException(getMessage(), newFix, error, codes, correlationId);
    }
}
