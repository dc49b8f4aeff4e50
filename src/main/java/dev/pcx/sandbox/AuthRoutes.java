package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * The sandbox's Azure AD: {@code POST /{tenant}/oauth2/v2.0/token} (client credentials with a
 * secret or a certificate assertion, refresh token with rotation, device code) and
 * {@code POST /{tenant}/oauth2/v2.0/devicecode}, answering errors as Azure AD does
 * ({@code error}, {@code error_description} with its AADSTS code, {@code error_codes}). Device codes
 * are approved by {@code POST /sandbox/devicecodes/{user_code}/approve} (or {@code /deny}), which
 * {@code pcx sandbox approve} calls, or by themselves after the configured delay.
 */
final class AuthRoutes {
    private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789";

    private record Pending(String userCode, String resource, Instant created, Instant expires, boolean approved,
                           boolean denied) {
        Pending with(boolean approve, boolean deny) {
            return new Pending(userCode, resource, created, expires, approve, deny);
        }
    }

    private final SandboxIdentity identity;
    private final Duration approveAfter;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Refresh tokens already redeemed: each is good once, as with rotation in Azure AD. */
    private final Set<String> redeemed = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger refreshGrants = new AtomicInteger();

    /** The index of a tenant (id or domain): {@link SeedHealth#PARTNER}, a customer's, or null when unknown. */
    private final Function<String, Integer> tenants;

    /** {@code http://host:port} the sandbox listens on, for the links a person is shown. */
    private final Supplier<String> baseUrl;

    /** The application consents in customers' tenants, which decide whether a token is issued there. */
    private final SandboxConsents consents;

    /** @param approveAfter null: device codes wait for an explicit approval */
    AuthRoutes(SandboxIdentity identity, Duration approveAfter, Function<String, Integer> tenants,
               Supplier<String> baseUrl, SandboxConsents consents) {
        this.identity = identity;
        this.approveAfter = approveAfter;
        this.tenants = tenants;
        this.baseUrl = baseUrl;
        this.consents = consents;
    }

    /** Adds the sign-in routes and the sandbox's own control paths (these spelled in lower case only). */
    void addTo(Routes.Area area) {
        area.post("(?-i)/sandbox/devicecodes/{code}/(?<decision>approve|deny)",
                        (call, path) -> decide(path.group("code"), path.group("decision").equals("approve")))
                .any("(?-i)/devicelogin", (call, path) -> {
                    ObjectNode body = Json.mapper().createObjectNode();
                    body.put("message", "This is the pcx sandbox: approve a code with: pcx sandbox approve CODE "
                            + "--endpoint " + baseUrl.get());
                    return Reply.ok(body);
                })
                .get("(?-i)/error", (call, path) -> {
                    ObjectNode body = Json.mapper().createObjectNode();
                    body.put("code", call.query("code"));
                    body.put("message", "This is the pcx sandbox: the meaning of AADSTS" + call.query("code")
                            + " is in Microsoft's table of Azure AD sign-in error codes.");
                    return Reply.ok(body);
                })
                .any("/{tenant}/oauth2/v2\\.0/{endpoint}", this::signIn);
    }

    /** {@code POST /{tenant}/oauth2/v2.0/token} and {@code …/devicecode}; null for another endpoint. */
    private Reply signIn(Call call, Matcher path) {
        String named = path.group("tenant");
        String endpoint = path.group("endpoint");
        if (!call.method().equals("POST")) {
            return error(405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
        }
        Integer tenant = tenants.apply(named);
        if (tenant == null) {
            return error(400, "invalid_request", 90002, "Tenant '" + named + "' not found. Check to make sure you have "
                    + "the correct tenant ID and are signing into the correct cloud.");
        }
        Map<String, String> form = call.form();
        String clientId = form.get("client_id");
        if (clientId == null || !SandboxIdentity.CLIENT_ID.equalsIgnoreCase(clientId)) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + named + "'.");
        }
        if (tenant != SeedHealth.PARTNER) {
            return endpoint.equalsIgnoreCase("token") ? customerToken(form, tenant, named)
                    : error(400, "invalid_request", 90002, "The sandbox signs people in at the partner's tenant only.");
        }
        String base = baseUrl.get();
        return switch (endpoint.toLowerCase(Locale.ROOT)) {
            case "token" -> token(form, base + call.path(), base);
            case "devicecode" -> deviceCode(form, base);
            default -> null;
        };
    }

    private Reply token(Map<String, String> form, String endpoint, String baseUrl) {
        String grant = form.getOrDefault("grant_type", "");
        switch (grant) {
            case "client_credentials" -> {
                String resource = SandboxIdentity.resourceOf(form.get("scope"));
                if (resource == null || !form.get("scope").contains("/.default")) {
                    return error(400, "invalid_scope", 1002012, "The provided value for scope is not valid. Client "
                            + "credential flows must have a scope value with /.default suffixed to the resource identifier.");
                }
                String assertion = form.get("client_assertion");
                if (assertion != null) {
                    String problem = identity.assertionProblem(assertion, endpoint);
                    if (problem != null) {
                        int code = Integer.parseInt(problem.substring(6, problem.indexOf(':')));
                        return error(401, "invalid_client", code, problem.substring(problem.indexOf(':') + 2));
                    }
                } else if (!SandboxIdentity.CLIENT_SECRET.equals(form.get("client_secret"))) {
                    return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret "
                            + "being sent in the request is the client secret value, not the client secret ID.");
                }
                return tokens(identity.accessToken(resource, false), null, null);
            }
            case "refresh_token" -> {
                JsonNode rt = identity.verify(form.getOrDefault("refresh_token", ""));
                if (rt == null || !"refresh".equals(rt.path("typ").asText())) {
                    return error(400, "invalid_grant", 9002313, "Invalid request. The refresh token is malformed, "
                            + "expired or was not issued by this sandbox.");
                }
                refreshGrants.incrementAndGet();
                if (!redeemed.add(rt.path("jti").asText())) {
                    return error(400, "invalid_grant", 70008, "The refresh token has already been redeemed; "
                            + "it was rotated, use the newest one.");
                }
                String rtResource = rt.path("aud").asText();
                String other = SandboxIdentity.tenantResourceOf(form.get("scope"));
                return tokens(identity.accessToken(other != null ? other : rtResource, true),
                        identity.refreshToken(rtResource), identity.idToken());
            }
            case "urn:ietf:params:oauth:grant-type:device_code" -> {
                String code = form.getOrDefault("device_code", "");
                Pending p = pending.get(code);
                if (p == null) {
                    return error(400, "invalid_grant", 70000, "The provided device code is not valid.");
                }
                Instant now = identity.clock().instant();
                if (!now.isBefore(p.expires())) {
                    pending.remove(code);
                    return error(400, "expired_token", 70019, "Verification code expired.");
                }
                if (p.denied()) {
                    pending.remove(code);
                    return error(400, "access_denied", 70000, "The user has declined the sign-in request.");
                }
                boolean approved = p.approved()
                        || approveAfter != null && !now.isBefore(p.created().plus(approveAfter));
                if (!approved) {
                    return error(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending.");
                }
                pending.remove(code);
                return tokens(identity.accessToken(p.resource(), true), identity.refreshToken(p.resource()), identity.idToken());
            }
            default -> {
                return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                        + grant + "'.");
            }
        }
    }

    /**
     * A refresh-token grant at a customer's tenant, as partner tools use delegated admin
     * (partner-center-api.md §5.2, §6.2): a Graph or ARM token issued in that tenant, or the AADSTS error of what
     * is missing there. Azure AD does not invalidate a refresh token when it is redeemed; the sandbox
     * does so at the partner's own tenant (to catch a client that loses the rotated one), not here.
     */
    private Reply customerToken(Map<String, String> form, int index, String named) {
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return error(400, "unauthorized_client", 700016, "Application with identifier '" + SandboxIdentity.CLIENT_ID
                    + "' was not found in the directory '" + named + "'.");
        }
        JsonNode rt = identity.verify(form.getOrDefault("refresh_token", ""));
        if (rt == null || !"refresh".equals(rt.path("typ").asText())) {
            return error(400, "invalid_grant", 9002313, "Invalid request. The refresh token is malformed, "
                    + "expired or was not issued by this sandbox.");
        }
        refreshGrants.incrementAndGet();
        String graph = SandboxIdentity.tenantResourceOf(form.get("scope"));
        if (graph == null) {
            return error(400, "invalid_resource", 500011, "The resource principal named " + form.get("scope")
                    + " was not found in the tenant named " + named + ". The sandbox issues Microsoft Graph and "
                    + "Azure Resource Manager tokens in customers' tenants.");
        }
        String tenantName = SeedData.named(index).name();
        SeedHealth.Access access = SeedHealth.access(index);
        Reply refused = switch (access) {
            case NO_RELATIONSHIP -> error(400, "invalid_grant", 50020, "User account '" + SandboxIdentity.USER
                    + "' from identity provider 'https://sts.pcx-sandbox/" + SandboxIdentity.TENANT_ID
                    + "/' does not exist in tenant '" + tenantName + "' and cannot access the "
                    + "application '" + SandboxIdentity.CLIENT_ID + "'(pcx sandbox) in that tenant.");
            case MFA_REQUIRED -> error(400, "invalid_grant", 50076, "Due to a configuration change made by your "
                    + "administrator, or because you moved to a new location, you must use multi-factor "
                    + "authentication to access '" + graph + "'.");
            case MFA_ENROLLMENT -> error(400, "invalid_grant", 50079, "Due to a configuration change made by your "
                    + "administrator, or because you moved to a new location, you must enroll in multi-factor "
                    + "authentication to access '" + graph + "'.");
            case CONDITIONAL_ACCESS -> error(400, "invalid_grant", 53003, "Access has been blocked by Conditional "
                    + "Access policies. The access policy does not allow token issuance.");
            default -> null;
        };
        if (refused != null) {
            return refused;
        }
        // the application's consent in the tenant (partner-center-api.md §11.1) must grant the resource asked for
        if (!consents.grants(index, graph)) {
            return switch (access) {
                case APP_UNKNOWN -> error(400, "unauthorized_client", 700016, "Application with identifier '"
                        + SandboxIdentity.CLIENT_ID + "' was not found in the directory '" + tenantName + "'. This can "
                        + "happen if the application has not been installed by the administrator of the tenant or "
                        + "consented to by any user in the tenant.");
                case NOT_AUTHORIZED -> error(400, "invalid_grant", 90099, "The application '" + SandboxIdentity.CLIENT_ID
                        + "' (pcx sandbox) has not been authorized in the tenant '" + named + "'. Applications must be "
                        + "authorized to access the external tenant before partner delegated administrators can use "
                        + "them. Provide pre-consent or execute the appropriate Partner Center API to authorize the "
                        + "application.");
                default -> error(400, "invalid_grant", 65001, "The user or administrator has not consented to "
                        + "use the application with ID '" + SandboxIdentity.CLIENT_ID + "' named 'pcx sandbox'. Send an "
                        + "interactive authorization request for this user and resource.");
            };
        }
        return tokens(identity.accessToken(graph, true, SeedData.tenantId(index)),
                identity.refreshToken(rt.path("aud").asText()), identity.idToken());
    }

    /** User codes waiting for approval. */
    List<String> pendingUserCodes() {
        return pending.values().stream().filter(p -> !p.approved() && !p.denied()).map(Pending::userCode).toList();
    }

    int refreshGrants() {
        return refreshGrants.get();
    }

    private Reply deviceCode(Map<String, String> form, String baseUrl) {
        String scope = form.get("scope");
        String resource = SandboxIdentity.resourceOf(scope);
        if (resource == null || !scope.contains("/user_impersonation")) {
            return error(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not valid.");
        }
        String userCode = userCode();
        String deviceCode = UUID.randomUUID() + "." + UUID.randomUUID();
        Instant now = identity.clock().instant();
        pending.put(deviceCode, new Pending(userCode, resource, now, now.plusSeconds(900), false, false));
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("user_code", userCode);
        body.put("device_code", deviceCode);
        body.put("verification_uri", baseUrl + "/devicelogin");
        body.put("expires_in", 900);
        body.put("interval", 1);
        body.put("message", approveAfter == null
                ? "To sign in to the pcx sandbox, run: pcx sandbox approve " + userCode + " --endpoint " + baseUrl
                : "The pcx sandbox approves this code by itself in " + approveAfter.toSeconds()
                        + " s (or run: pcx sandbox approve " + userCode + " --endpoint " + baseUrl + ")");
        return Reply.ok(body);
    }

    private Reply decide(String userCode, boolean approve) {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue().userCode().equalsIgnoreCase(userCode)) {
                pending.put(e.getKey(), e.getValue().with(approve, !approve));
                ObjectNode body = Json.mapper().createObjectNode();
                body.put("userCode", e.getValue().userCode());
                body.put("status", approve ? "approved" : "denied");
                return Reply.ok(body);
            }
        }
        return Reply.fault(404, 404, "No pending device code " + userCode);
    }

    private String userCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private Reply tokens(String access, String refresh, String idToken) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("token_type", "Bearer");
        body.put("expires_in", identity.lifetimeSeconds());
        body.put("ext_expires_in", identity.lifetimeSeconds());
        body.put("access_token", access);
        if (refresh != null) {
            body.put("scope", "user_impersonation");
            body.put("refresh_token", refresh);
            body.put("id_token", idToken);
        }
        return new Reply(200, body, Map.of("Cache-Control", "no-store"));
    }

    private Reply error(int status, String error, int code, String description) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + description + "\r\nTrace ID: " + trace
                + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: " + identity.clock().instant());
        body.putArray("error_codes").add(code);
        body.put("timestamp", identity.clock().instant().toString());
        body.put("trace_id", trace);
        body.put("correlation_id", correlation);
        body.put("error_uri", baseUrl.get() + "/error?code=" + code);
        return new Reply(status, body, Map.of());
    }
}
