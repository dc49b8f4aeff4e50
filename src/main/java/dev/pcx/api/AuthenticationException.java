package dev.pcx.api;

/** There is no usable credential, or the service or the sign-in endpoint rejected it. */
public class AuthenticationException extends RuntimeException {
    private final String fix;

    /**
     * @param message what is wrong, in one line
     * @param fix     the command or setting that fixes it, e.g. {@code pcx auth login}
     */
    public AuthenticationException(String message, String fix) {
        this(message, fix, null);
    }

    /** @param cause the service's own answer (a 401's {@link ApiException}), kept for {@code --debug} */
    public AuthenticationException(String message, String fix, Throwable cause) {
        super(message, cause);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
