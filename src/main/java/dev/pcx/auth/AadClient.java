package dev.pcx.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Bodies;
import dev.pcx.api.CancelledException;
import dev.pcx.api.Json;
import dev.pcx.api.Sleeper;
import dev.pcx.api.TransportException;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Azure AD's v2 endpoints ({@code {authority}/{tenant}/oauth2/v2.0/token} and
 * {@code .../devicecode}) for the grants pcx uses: client credentials with a secret or a signed
 * assertion, refresh token, device code. Numbers may come as strings (v1 habits); OAuth errors
 * become {@link SignInException}s. Nothing here prints, and no secret is put in a message.
 */
public final class AadClient {
    public static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** One sign-in call, bytes of a trickled answer included. */
    private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(1);
    private final OkHttpClient http;
    private final HttpUrl authority;
    private final Sleeper sleeper;
    private final Clock clock;

    /** What the sign-in service sees, as Partner Center does: pcx, not the HTTP library. */
    static final String USER_AGENT = "pcx/" + Objects.requireNonNullElse(
            AadClient.class.getPackage().getImplementationVersion(), "dev") + " (Java " + System.getProperty("java.version")
            + "; " + System.getProperty("os.name") + ")";

    public AadClient(OkHttpClient http, HttpUrl authority, Sleeper sleeper, Clock clock) {
        this.http = http;
        this.authority = authority;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public HttpUrl tokenEndpoint(String tenant) {
        return endpoint(tenant, "token");
    }

    private HttpUrl endpoint(String tenant, String what) {
        return authority.newBuilder().addPathSegment(tenant).addPathSegment("oauth2").addPathSegment("v2.0")
                .addPathSegment(what).build();
    }

    /** App-only, with the application's secret. */
    public TokenResult clientSecret(String tenant, String clientId, String secret, String scope) {
        return token(tenant, new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", clientId)
                .add("client_secret", secret).add("scope", scope).build());
    }

    /** App-only, with an assertion signed by the application's certificate: no secret is sent. */
    public TokenResult clientAssertion(String tenant, String clientId, ClientCertificate certificate, String scope) {
        String assertion = certificate.assertion(clientId, tokenEndpoint(tenant).toString(), clock.instant());
        return token(tenant, new FormBody.Builder().add("grant_type", "client_credentials").add("client_id", clientId)
                .add("client_assertion_type", ASSERTION_TYPE).add("client_assertion", assertion)
                .add("scope", scope).build());
    }

    /** App+user: redeems a refresh token (with the secret of a confidential application, when it has one). */
    public TokenResult refresh(String tenant, String clientId, String refreshToken, String secret, String scope) {
        FormBody.Builder form = new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", clientId)
                .add("refresh_token", refreshToken).add("scope", scope);
        if (secret != null) {
            form.add("client_secret", secret);
        }
        return token(tenant, form.build());
    }

    public DeviceCode startDeviceCode(String tenant, String clientId, String scope) {
        JsonNode body = post(endpoint(tenant, "devicecode"),
                new FormBody.Builder().add("client_id", clientId).add("scope", scope).build());
        String uri = text(body, "verification_uri");
        if (uri == null) {
            uri = text(body, "verification_url");
        }
        long expiresIn = number(body, "expires_in", 900);
        long interval = number(body, "interval", 5);
        String deviceCode = text(body, "device_code");
        String userCode = text(body, "user_code");
        if (deviceCode == null || userCode == null || uri == null) {
            throw new SignInException("the sign-in service's device-code answer lacks device_code, user_code or "
                    + "verification_uri", null, null, null, null);
        }
        return new DeviceCode(deviceCode, userCode, uri, text(body, "message"),
                clock.instant().plusSeconds(expiresIn), Duration.ofSeconds(Math.max(1, interval)));
    }

    /**
     * Polls until the person approves, declines, or the code expires, honouring {@code interval}
     * and {@code slow_down}; {@code waiting} hears each pending poll.
     */
    public TokenResult pollDeviceCode(String tenant, String clientId, DeviceCode code, Consumer<Duration> waiting) {
        Duration interval = code.interval();
        while (true) {
            if (!clock.instant().isBefore(code.expiresAt())) {
                throw new SignInException("the device code expired before it was approved", null, "expired_token",
                        null, null);
            }
            sleep(interval);
            try {
                return token(tenant, new FormBody.Builder().add("grant_type", DEVICE_CODE_GRANT)
                        .add("client_id", clientId).add("device_code", code.deviceCode()).build());
            } catch (SignInException e) {
                if ("authorization_pending".equals(e.error())) {
                    waiting.accept(interval);
                } else if ("slow_down".equals(e.error())) {
                    interval = interval.plusSeconds(5);
                    waiting.accept(interval);
                } else {
                    throw e;
                }
            }
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("interrupted while waiting for the sign-in", null, null, null, null);
        }
    }

    private TokenResult token(String tenant, FormBody form) {
        JsonNode body = post(tokenEndpoint(tenant), form);
        String access = text(body, "access_token");
        if (access == null || access.isBlank()) {
            throw new SignInException("the sign-in service answered without an access token", null, null, null, null);
        }
        long expiresIn = number(body, "expires_in", 3600);
        return new TokenResult(access, clock.instant().plusSeconds(expiresIn), text(body, "refresh_token"),
                text(body, "id_token"));
    }

    private static final String UNREACHABLE_FIX = "check the network and --authority (or PCX_AUTHORITY), or retry later";

    /** A network failure is a {@link TransportException} (exit 6: worth retrying), never a refused sign-in. */
    private JsonNode post(HttpUrl url, FormBody form) {
        Request request = new Request.Builder().url(url).post(form).header("Accept", "application/json")
                .header("User-Agent", USER_AGENT).build();
        Call call = http.newCall(request);
        call.timeout().timeout(SIGN_IN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            String text = Bodies.text(response.body());
            JsonNode body;
            try {
                body = text.isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(text);
            } catch (IOException notJson) {
                throw new SignInException("the sign-in service at " + url.host() + " answered " + response.code()
                        + " with a body that is not JSON", null, null, null, null);
            }
            if (!response.isSuccessful() || body.hasNonNull("error")) {
                throw error(response.code(), body);
            }
            return body;
        } catch (InterruptedIOException e) {
            if (call.isCanceled() && !"timeout".equals(e.getMessage())) {
                throw new CancelledException(url.host(), e);
            }
            throw new TransportException("the sign-in service at " + url.host() + " did not answer in time",
                    url.host(), e, UNREACHABLE_FIX);
        } catch (IOException e) {
            if (call.isCanceled()) {
                throw new CancelledException(url.host(), e);
            }
            throw new TransportException("cannot reach the sign-in service at " + url.host() + ": " + e.getMessage(),
                    url.host(), e, UNREACHABLE_FIX);
        }
    }

    private static SignInException error(int status, JsonNode body) {
        String error = text(body, "error");
        String description = text(body, "error_description");
        List<Long> codes = new ArrayList<>();
        body.path("error_codes").forEach(c -> codes.add(c.asLong()));
        String firstLine = description == null ? null : description.lines().findFirst().orElse("").strip();
        String message = "sign-in refused (" + (error == null ? "HTTP " + status : error) + ")"
                + (firstLine == null || firstLine.isEmpty() ? "" : ": " + firstLine);
        return new SignInException(message, null, error, codes, text(body, "correlation_id"));
    }

    static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A number that v1 endpoints send as a string. */
    static long number(JsonNode body, String field, long absent) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return absent;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        try {
            return Long.parseLong(n.asText().trim());
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
