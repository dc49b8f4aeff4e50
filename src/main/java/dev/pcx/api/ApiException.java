package dev.pcx.api;

import java.time.Duration;

/**
 * A service (Partner Center, Microsoft Graph, Azure Resource Manager: {@link #service}) answered
 * with an error status, in the partner's tenant or a customer's ({@link #tenant}). Carries what a person needs to act or to open a
 * case with Microsoft: the HTTP status, the ApiFault {@code code} and {@code description}, and
 * the {@code MS-RequestId} of the call.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String reason;
    private final String faultCode;
    private final String description;
    private final String requestId;
    private final String method;
    private final String path;
    private final Duration retryAfter;
    private Service service = Service.PARTNER_CENTER;
    private String tenant;
    private String meaning;
    private String fix;

    public ApiException(int status, String reason, String faultCode, String description,
                        String requestId, String method, String path, Duration retryAfter) {
        super(buildMessage(status, reason, faultCode, description, method, path));
        this.status = status;
        this.reason = reason;
        this.faultCode = faultCode;
        this.description = description;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    private static String buildMessage(int status, String reason, String code, String description,
                                       String method, String path) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(path).append(": ").append(status);
        if (reason != null && !reason.isBlank()) {
            sb.append(' ').append(reason);
        }
        if (description != null && !description.isBlank()) {
            sb.append(": ").append(description);
        }
        if (code != null) {
            sb.append(" (code ").append(code).append(')');
        }
        return sb.toString();
    }

    /** This failure, said to have happened at {@code service} in {@code tenant} (null: the partner's own). */
    public ApiException in(Service service, String tenant) {
        this.service = service;
        this.tenant = tenant;
        return this;
    }

    /**
     * What a refusal means for the command that met it, and what fixes it: the one part of a
     * failure's wording that is the command's own (a 403 from Graph's service health means "no
     * admin role that reads it"; from ARM's support tickets, "no Support Request Contributor").
     * The classifier says it with the service's own words beside it.
     */
    public ApiException meaning(String meaning, String fix) {
        this.meaning = meaning;
        this.fix = fix;
        return this;
    }

    /** What the refusal means here, or null for the service's own words alone. */
    public String meaning() {
        return meaning;
    }

    /** What fixes it, or null. */
    public String fix() {
        return fix;
    }

    /** The service that answered. */
    public Service service() {
        return service;
    }

    /** The tenant the call was made in, as messages name it; null for the partner's own. */
    public String tenant() {
        return tenant;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /**
     * The code as messages quote it: Partner Center's numbers as {@code (code 800090)}, Graph's
     * and ARM's names as {@code (InvalidAuthenticationTokenTenant)}; empty when there is none.
     */
    public String codeText() {
        if (faultCode == null) {
            return "";
        }
        return faultCode.chars().allMatch(Character::isDigit) ? " (code " + faultCode + ")" : " (" + faultCode + ")";
    }

    /** The ApiFault business code ({@code 800090}), or null when the body had none. */
    public String faultCode() {
        return faultCode;
    }

    /** The ApiFault description, the 429 message, or a summary of a non-JSON body; may be null. */
    public String description() {
        return description;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The server's {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
