package dev.pcx.cli.auth;

import dev.pcx.auth.ProfileStore;
import dev.pcx.auth.StoredCredential;
import dev.pcx.testing.Pcx;
import dev.pcx.testing.TestCertificates;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every flow with {@code --debug}, against a stand-in for Azure AD and Partner Center: no secret
 * used or received (client secret, certificate password, device code, refresh and access tokens,
 * client assertion) appears anywhere in pcx's output, stack traces included.
 */
class RedactionTest {
    private static final String CLIENT = "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    private static final String SECRET = "CLIENT-S3CRET-value";
    private static final String DEVICE_CODE = "DEVICE-CODE-S3CRET";
    private static final String BAD_REFRESH = "RT-BAD-S3CRET";

    @TempDir
    Path config;
    @TempDir
    Path files;
    private MockWebServer server;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private int issued;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
        secrets.addAll(List.of(SECRET, DEVICE_CODE, BAD_REFRESH, TestCertificates.PASSWORD));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private synchronized MockResponse answer(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.startsWith("/v1/")) {
            return json(200, "{\"totalCount\":0,\"items\":[]}");
        }
        String body = r.getBody() == null ? "" : r.getBody().utf8();
        java.util.Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (form.containsKey("client_assertion")) {
            secrets.add(form.get("client_assertion"));
        }
        if (path.endsWith("/devicecode")) {
            return json(200, "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":\"SHOWN-CODE\",\"verification_uri\":"
                    + "\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":1}");
        }
        if (BAD_REFRESH.equals(form.get("refresh_token"))) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS700082: expired\"}");
        }
        issued++;
        String access = "AT-S3CRET-" + issued;
        String refresh = "RT-S3CRET-" + issued;
        secrets.add(access);
        secrets.add(refresh);
        boolean user = !"client_credentials".equals(form.get("grant_type"));
        return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":\"3600\",\"access_token\":\"" + access + "\""
                + (user ? ",\"refresh_token\":\"" + refresh + "\"" : "") + "}");
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    private Pcx pcx() {
        String url = server.url("/").toString();
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_ENDPOINT", url).env("PCX_AUTHORITY", url);
    }

    @Test
    void noSecretEverReachesTheOutput() throws Exception {
        TestCertificates certs = TestCertificates.create(files);
        String[] who = {"--tenant", "contoso.partner.onmschina.cn", "--client-id", CLIENT};
        List<Pcx.Result> runs = new ArrayList<>();
        runs.add(pcx().run(cat(new String[] {"--debug", "auth", "login"}, who)));
        runs.add(pcx().run("--debug", "customers", "list"));
        ProfileStore store = new ProfileStore(config);
        StoredCredential c = store.credentials().profiles().get("default");
        store.saveCredential("default", new StoredCredential(c.refreshToken(), c.accessToken(),
                Instant.now().minusSeconds(5).toString(), null, null));
        runs.add(pcx().run("--debug", "customers", "list"));
        runs.add(pcx().stdin(SECRET + "\n").run(cat(new String[] {"--debug", "auth", "login", "--app",
                "--client-secret-stdin", "--save-secret", "--profile", "app"}, who)));
        runs.add(pcx().stdin("RT-IMPORTED-S3CRET\n" + SECRET + "\n").run(cat(new String[] {"--debug", "auth", "login",
                "--refresh-token-stdin", "--client-secret-stdin", "--profile", "imported"}, who)));
        secrets.add("RT-IMPORTED-S3CRET");
        runs.add(pcx().stdin(TestCertificates.PASSWORD + "\n").run(cat(new String[] {"--debug", "auth", "login", "--app",
                "--certificate", certs.pkcs12().toString(), "--certificate-password-stdin", "--profile", "cert"}, who)));
        runs.add(pcx().env("PCX_CLIENT_ID", CLIENT).env("PCX_TENANT_ID", "t").env("PCX_CLIENT_SECRET", SECRET)
                .run("--debug", "customers", "list"));
        runs.add(pcx().env("PCX_CLIENT_ID", CLIENT).env("PCX_TENANT_ID", "t").env("PCX_REFRESH_TOKEN", BAD_REFRESH)
                .run("--debug", "customers", "list"));
        runs.add(pcx().run("--debug", "auth", "status"));

        for (int i = 0; i < runs.size() - 2; i++) {
            assertEquals(0, runs.get(i).exit(), "run " + i + ": " + runs.get(i));
        }
        assertEquals(3, runs.get(runs.size() - 2).exit(), "the bad refresh token fails, with a stack trace");
        assertTrue(secrets.size() > 10, "the flows really used secrets: " + secrets.size());
        String all = String.join("\n", runs.stream().map(r -> r.out() + r.err()).toList());
        assertTrue(all.contains("Authorization: Bearer [redacted]"), "the trace ran");
        assertTrue(all.contains("\tat "), "a stack trace was printed");
        assertTrue(all.contains("SHOWN-CODE"), "the user code is meant to be shown");
        for (String secret : secrets) {
            assertFalse(all.contains(secret), "a secret leaked: " + secret.substring(0, Math.min(12, secret.length())));
        }
    }

    private static String[] cat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
