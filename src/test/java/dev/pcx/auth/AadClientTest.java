package dev.pcx.auth;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AadClientTest {
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private MockWebServer server;
    private AadClient aad;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        aad = new AadClient(new OkHttpClient(), server.url("/"), sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private Map<String, String> form(RecordedRequest r) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : r.getBody().utf8().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void clientCredentialsPostsTheV2FormAndReadsStringNumbers() throws Exception {
        server.enqueue(json(200, "{\"token_type\":\"Bearer\",\"expires_in\":\"3599\",\"access_token\":\"at-1\"}"));

        TokenResult t = aad.clientSecret("contoso.partner.onmschina.cn", "app-1", "the-secret",
                Scopes.appOnly(Cloud.CHINA));

        assertEquals("at-1", t.accessToken());
        assertEquals(NOW.plusSeconds(3599), t.expiresAt());
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/contoso.partner.onmschina.cn/oauth2/v2.0/token", r.getUrl().encodedPath());
        assertTrue(r.getHeaders().get("User-Agent").startsWith("pcx/"), "the sign-in service sees pcx, not okhttp");
        assertEquals(Map.of("grant_type", "client_credentials", "client_id", "app-1", "client_secret", "the-secret",
                "scope", "https://partner.partnercenterapi.microsoftonline.cn/.default"), form(r));
    }

    @Test
    void aCertificateSendsASignedAssertionAndNoSecret(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dev.pcx.testing.TestCertificates certs = dev.pcx.testing.TestCertificates.create(dir);
        server.enqueue(json(200, "{\"expires_in\":3600,\"access_token\":\"at\"}"));

        aad.clientAssertion("t", "app-1", ClientCertificate.load(certs.pem(), null), Scopes.appOnly(Cloud.CHINA));

        Map<String, String> form = form(take());
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
        assertNull(form.get("client_secret"));
        String[] jwt = form.get("client_assertion").split("\\.");
        var claims = dev.pcx.api.Json.mapper().readTree(java.util.Base64.getUrlDecoder().decode(jwt[1]));
        assertEquals(server.url("/t/oauth2/v2.0/token").toString(), claims.get("aud").asText());
        java.security.Signature rsa = ClientCertificate.ps256();
        rsa.initVerify(certs.certificate().getPublicKey());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(java.util.Base64.getUrlDecoder().decode(jwt[2])));
    }

    @Test
    void refreshSendsTheDelegatedScopeWithOfflineAccess() throws Exception {
        server.enqueue(json(200, "{\"expires_in\":3600,\"access_token\":\"at\",\"refresh_token\":\"rt-2\"}"));

        TokenResult t = aad.refresh("t", "app", "rt-1", null, Scopes.delegated(Cloud.GLOBAL));

        assertEquals("rt-2", t.refreshToken());
        Map<String, String> form = form(take());
        assertEquals("refresh_token", form.get("grant_type"));
        assertEquals("rt-1", form.get("refresh_token"));
        assertEquals("https://api.partnercenter.microsoft.com/user_impersonation offline_access", form.get("scope"));
        assertNull(form.get("client_secret"));
    }

    @Test
    void deviceCodePollsThroughPendingAndSlowDown() throws Exception {
        server.enqueue(json(200, "{\"device_code\":\"DC-1\",\"user_code\":\"ABCD\",\"verification_uri\":"
                + "\"https://microsoft.com/devicelogin\",\"expires_in\":\"900\",\"interval\":\"5\"}"));
        server.enqueue(json(400, "{\"error\":\"authorization_pending\",\"error_description\":\"AADSTS70016: pending\"}"));
        server.enqueue(json(400, "{\"error\":\"slow_down\"}"));
        server.enqueue(json(200, "{\"expires_in\":3600,\"access_token\":\"at\",\"refresh_token\":\"rt\"}"));

        DeviceCode code = aad.startDeviceCode("organizations", "app", Scopes.delegated(Cloud.CHINA));
        List<Duration> heard = new ArrayList<>();
        TokenResult t = aad.pollDeviceCode("organizations", "app", code, heard::add);

        assertEquals("rt", t.refreshToken());
        assertEquals("ABCD", code.userCode());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)), sleeps);
        assertEquals("/organizations/oauth2/v2.0/devicecode", take().getUrl().encodedPath());
        Map<String, String> poll = form(take());
        assertEquals(AadClient.DEVICE_CODE_GRANT, poll.get("grant_type"));
        assertEquals("DC-1", poll.get("device_code"));
    }

    @Test
    void deviceCodeDeclinedOrExpiredEndsTheWait() {
        server.enqueue(json(200, "{\"device_code\":\"d\",\"user_code\":\"u\",\"verification_url\":\"https://x\","
                + "\"expires_in\":900,\"interval\":1}"));
        server.enqueue(json(400, "{\"error\":\"access_denied\",\"error_codes\":[70000]}"));
        DeviceCode code = aad.startDeviceCode("t", "app", "s");
        SignInException denied = assertThrows(SignInException.class, () -> aad.pollDeviceCode("t", "app", code, d -> { }));
        assertEquals("access_denied", denied.error());

        DeviceCode stale = new DeviceCode("d", "u", "https://x", null, NOW, Duration.ofSeconds(1));
        SignInException expired = assertThrows(SignInException.class, () -> aad.pollDeviceCode("t", "app", stale, d -> { }));
        assertEquals("expired_token", expired.error());
    }

    @Test
    void anOAuthErrorCarriesItsCodesAndCorrelationId() {
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS700082: The refresh token "
                + "has expired due to inactivity.\\r\\nTrace ID: x\\r\\nCorrelation ID: c-1\",\"error_codes\":[700082],"
                + "\"correlation_id\":\"c-1\"}"));

        SignInException e = assertThrows(SignInException.class, () -> aad.refresh("t", "app", "old", null, "s"));

        assertEquals("invalid_grant", e.error());
        assertEquals(List.of(700082L), e.codes());
        assertEquals("c-1", e.correlationId());
        assertEquals("sign-in refused (invalid_grant): AADSTS700082: The refresh token has expired due to inactivity.",
                e.getMessage());
    }

    @Test
    void aProxyPageIsASignInFailureAndAnUnreachableServiceATransportFailure() throws IOException {
        server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
        SignInException html = assertThrows(SignInException.class, () -> aad.clientSecret("t", "a", "s", "x"));
        assertTrue(html.getMessage().contains("not JSON"), html.getMessage());

        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        AadClient nowhere = new AadClient(new OkHttpClient(), okhttp3.HttpUrl.get("http://127.0.0.1:" + port),
                sleeps::add, Clock.systemUTC());
        dev.pcx.api.TransportException down = assertThrows(dev.pcx.api.TransportException.class,
                () -> nowhere.clientSecret("t", "a", "s", "x"));
        assertTrue(down.getMessage().startsWith("cannot reach the sign-in service at 127.0.0.1"), down.getMessage());
        assertTrue(down.fix().contains("--authority"), down.fix());
    }

    @Test
    void theSecretNeverAppearsInAnError() {
        server.enqueue(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret.\"}"));
        SignInException e = assertThrows(SignInException.class, () -> aad.clientSecret("t", "a", "hunter2-secret", "x"));
        assertTrue(!e.getMessage().contains("hunter2") && !String.valueOf(e).contains("hunter2"));
    }
}
