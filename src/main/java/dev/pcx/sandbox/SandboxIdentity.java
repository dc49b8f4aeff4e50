package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who the sandbox's Azure AD knows and the tokens it signs: one partner tenant, one application
 * (usable as a confidential client with its secret or a registered certificate, and as a public
 * client for device codes), one partner user. Tokens are JWTs signed HS256 with the state's key,
 * so they survive from one in-process sandbox to the next; their expiry is real.
 */
public final class SandboxIdentity {
    /** The sandbox partner's tenant id, and its domain (either works in sign-in paths). */
    public static final String TENANT_ID = "4d9a8c1e-7b2f-4e3a-9c5d-6f1e2a3b4c5d";
    public static final String TENANT_DOMAIN = "pcx-sandbox.partner.onmschina.cn";
    /** The sandbox's application and its secret; documented, not secret. */
    public static final String CLIENT_ID = "0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b";
    public static final String CLIENT_SECRET = "pcx-sandbox-secret";
    public static final String USER = "admin@" + TENANT_DOMAIN;
    static final Set<String> RESOURCES = Set.of("https://partner.partnercenterapi.microsoftonline.cn",
            "https://api.partnercenter.microsoft.com");
    /** Microsoft Graph in either cloud: the resources Graph tokens are issued for. */
    static final Set<String> GRAPH_RESOURCES = Set.of("https://microsoftgraph.chinacloudapi.cn",
            "https://graph.microsoft.com");
    /** Azure Resource Manager in either cloud: the resources ARM tokens are issued for. */
    static final Set<String> ARM_RESOURCES = Set.of("https://management.azure.com", "https://management.chinacloudapi.cn");
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final int lifetimeSeconds;
    private final List<X509Certificate> certificates;
    private final Clock clock;

    SandboxIdentity(byte[] key, int lifetimeSeconds, List<String> certificatePems, Clock clock) {
        this.key = key.clone();
        this.lifetimeSeconds = lifetimeSeconds;
        this.certificates = certificatePems.stream().map(SandboxIdentity::parseCertificate).toList();
        this.clock = clock;
    }

    static X509Certificate parseCertificate(String pem) {
        try {
            String body = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM certificate: " + e.getMessage());
        }
    }

    Clock clock() {
        return clock;
    }

    int lifetimeSeconds() {
        return lifetimeSeconds;
    }

    static boolean knownTenant(String tenant) {
        return TENANT_ID.equalsIgnoreCase(tenant) || TENANT_DOMAIN.equalsIgnoreCase(tenant);
    }

    /** The resource a v2 scope names ({@code https://…/.default}, {@code https://…/user_impersonation}), or null. */
    static String resourceOf(String scope) {
        if (scope == null) {
            return null;
        }
        for (String s : scope.split(" ")) {
            for (String r : RESOURCES) {
                if (s.startsWith(r + "/")) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The Graph resource a v2 scope names ({@code https://graph.microsoft.com/.default}), or null. */
    static String graphResourceOf(String scope) {
        if (scope == null) {
            return null;
        }
        for (String s : scope.split(" ")) {
            for (String r : GRAPH_RESOURCES) {
                if (s.startsWith(r + "/")) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The Graph or ARM resource a v2 scope names ({@code https://management.azure.com/.default}), or null. */
    static String tenantResourceOf(String scope) {
        String graph = graphResourceOf(scope);
        if (graph != null || scope == null) {
            return graph;
        }
        for (String s : scope.split(" ")) {
            for (String r : ARM_RESOURCES) {
                if (s.startsWith(r + "/")) {
                    return r;
                }
            }
        }
        return null;
    }

    String accessToken(String resource, boolean user) {
        return accessToken(resource, user, TENANT_ID);
    }

    /** An access token for {@code resource} issued in {@code tenant} (the partner's, or a customer's). */
    String accessToken(String resource, boolean user, String tenant) {
        Instant now = clock.instant();
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put("aud", resource);
        claims.put("iss", "https://sts.pcx-sandbox/" + tenant + "/");
        claims.put("tid", tenant);
        claims.put("appid", CLIENT_ID);
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + lifetimeSeconds);
        claims.put("idtyp", user ? "user" : "app");
        claims.put("uti", UUID.randomUUID().toString()); // unique, as Azure AD's tokens are
        if (user) {
            claims.put("upn", USER);
            claims.put("scp", GRAPH_RESOURCES.contains(resource) ? "ServiceHealth.Read.All" : "user_impersonation");
        } else {
            claims.putArray("roles").add("Partner.App");
        }
        return sign(claims);
    }

    String refreshToken(String resource) {
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put("typ", "refresh");
        claims.put("aud", resource);
        claims.put("tid", TENANT_ID);
        claims.put("appid", CLIENT_ID);
        claims.put("upn", USER);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("exp", clock.instant().getEpochSecond() + 90L * 24 * 3600);
        return sign(claims);
    }

    String idToken() {
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put("aud", CLIENT_ID);
        claims.put("tid", TENANT_ID);
        claims.put("preferred_username", USER);
        claims.put("name", "Sandbox Admin");
        claims.put("exp", clock.instant().getEpochSecond() + lifetimeSeconds);
        return sign(claims);
    }

    private String sign(ObjectNode claims) {
        try {
            String input = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + URL.encodeToString(Json.mapper().writeValueAsBytes(claims));
            return input + "." + URL.encodeToString(hmac(input));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmac(String input) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    /** The claims of a token this sandbox signed, or null when it is malformed, forged or expired. */
    JsonNode verify(String token) {
        try {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                return null;
            }
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
                return null;
            }
            return claims;
        } catch (Exception malformed) {
            return null;
        }
    }

    /** Checks a client assertion: a registered certificate's thumbprint, its RS256 signature, audience, issuer, expiry. */
    String assertionProblem(String assertion, String audience) {
        try {
            String[] parts = assertion.split("\\.");
            if (parts.length != 3) {
                return "AADSTS50027: the client assertion is not a JWT";
            }
            JsonNode header = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            String alg = header.path("alg").asText();
            if (!"PS256".equals(alg) && !"RS256".equals(alg)) {
                return "AADSTS5002730: the client assertion must be signed PS256 (or the older RS256)";
            }
            boolean sha256 = header.hasNonNull("x5t#S256");
            String named = sha256 ? header.path("x5t#S256").asText() : header.path("x5t").asText();
            X509Certificate cert = null;
            for (X509Certificate c : certificates) {
                String thumb = URL.encodeToString(MessageDigest.getInstance(sha256 ? "SHA-256" : "SHA-1")
                        .digest(c.getEncoded()));
                if (thumb.equals(named)) {
                    cert = c;
                }
            }
            if (cert == null) {
                return "AADSTS700027: the certificate with thumbprint " + named + " is not registered for the application";
            }
            Signature rsa;
            if ("PS256".equals(alg)) {
                rsa = Signature.getInstance("RSASSA-PSS");
                rsa.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                rsa = Signature.getInstance("SHA256withRSA");
            }
            rsa.initVerify(cert.getPublicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "AADSTS700027: the client assertion's signature is not valid";
            }
            if (!audience.equalsIgnoreCase(claims.path("aud").asText())) {
                return "AADSTS700024: the client assertion's audience " + claims.path("aud").asText()
                        + " is not the token endpoint " + audience;
            }
            if (!CLIENT_ID.equals(claims.path("iss").asText()) || !CLIENT_ID.equals(claims.path("sub").asText())) {
                return "AADSTS700023: the client assertion's issuer and subject must be the client id";
            }
            if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
                return "AADSTS700024: the client assertion has expired";
            }
            return null;
        } catch (Exception e) {
            return "AADSTS50027: the client assertion is malformed (" + e.getMessage() + ")";
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
