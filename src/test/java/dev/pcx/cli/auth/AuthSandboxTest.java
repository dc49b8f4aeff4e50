package dev.pcx.cli.auth;

import dev.pcx.auth.ProfileStore;
import dev.pcx.auth.StoredCredential;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.testing.Pcx;
import dev.pcx.testing.SandboxFixture;
import dev.pcx.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sign-in flow end to end: the real CLI against the sandbox's Azure AD and API over loopback. */
class AuthSandboxTest {
    @TempDir
    Path config;
    @TempDir
    Path files;
    private SandboxFixture sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private SandboxFixture start(int approveAfter, List<String> certificates) {
        sandbox = SandboxFixture.start(config, 500, approveAfter, certificates);
        return sandbox;
    }

    private static String[] args(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    private static String[] login(String... more) {
        return args(new String[] {"auth", "login"}, args(SandboxFixture.app(), more));
    }

    private StoredCredential stored(String profile) {
        return new ProfileStore(config).credentials().profiles().get(profile);
    }

    private void expire(String profile) {
        ProfileStore store = new ProfileStore(config);
        StoredCredential c = stored(profile);
        store.saveCredential(profile, new StoredCredential(c.refreshToken(), c.accessToken(),
                Instant.now().minusSeconds(60).toString(), c.clientSecret(), c.certificatePassword()));
    }

    @Test
    void deviceCodeWaitsForApprovalThenEveryLaterCommandJustWorks() throws Exception {
        start(-1, List.of());
        Pcx person = sandbox.pcx().pauseEachWait(Duration.ofMillis(20));
        CompletableFuture<Pcx.Result> login = CompletableFuture.supplyAsync(() -> person.run(login()));

        String code = awaitPendingCode();
        Pcx.Result approve = sandbox.pcx().run("sandbox", "approve", code);
        assertEquals(0, approve.exit(), approve::toString);

        Pcx.Result r = login.get(20, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("enter the code " + code), r.err());
        assertTrue(r.err().contains("as " + SandboxIdentity.USER + " (app+user); saved as profile 'default'"), r.err());
        assertFalse(person.sleeps.isEmpty(), "it polled while the code was pending");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(config.resolve("credentials.json"))));
        assertNotNull(stored("default").refreshToken());
        assertEquals("default", new ProfileStore(config).config().current());

        Pcx.Result list = new Pcx().env("PCX_CONFIG_DIR", config.toString()).run("customers", "list", "--limit", "2",
                "--endpoint", sandbox.url);
        assertEquals(0, list.exit(), list::toString);
        Pcx.Result status = sandbox.pcx().run("auth", "status", "-o", "json");
        assertEquals(0, status.exit(), status::toString);
        assertTrue(status.out().contains("\"check\": \"ok\""), status.out());
        assertTrue(status.out().contains("\"kind\": \"app+user\""), status.out());
        Pcx.Result token = sandbox.pcx().run("auth", "token");
        assertEquals(stored("default").accessToken() + "\n", token.out());
    }

    private String awaitPendingCode() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<String> codes = sandbox.server.pendingUserCodes();
            if (!codes.isEmpty()) {
                return codes.get(0);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new AssertionError("no device code became pending within 15 s");
    }

    @Test
    void aDeclinedDeviceCodeIsExit3() throws Exception {
        start(-1, List.of());
        CompletableFuture<Pcx.Result> login = CompletableFuture.supplyAsync(
                () -> sandbox.pcx().pauseEachWait(Duration.ofMillis(20)).run(login()));
        assertEquals(0, sandbox.pcx().run("sandbox", "approve", awaitPendingCode(), "--deny").exit());
        Pcx.Result r = login.get(20, TimeUnit.SECONDS);
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("access_denied") && r.err().contains("declined"), r.err());
        assertFalse(Files.exists(config.resolve("credentials.json")), "nothing is saved");
    }

    @Test
    void anImportedRefreshTokenRotatesAndAStaleTokenIsRefreshedSilently() {
        start(0, List.of());
        assertEquals(0, sandbox.pcx().run(login("--profile", "seed")).exit());
        String original = stored("seed").refreshToken();

        Pcx.Result imported = sandbox.pcx().stdin(original + "\n").run(login("--refresh-token-stdin", "--profile", "ci"));
        assertEquals(0, imported.exit(), imported::toString);
        String rotated = stored("ci").refreshToken();
        assertNotEquals(original, rotated, "the rotated refresh token is saved, not the imported one");

        expire("ci");
        String staleAccess = stored("ci").accessToken();
        Pcx.Result list = sandbox.pcx().run("customers", "list", "--profile", "ci", "--limit", "1");
        assertEquals(0, list.exit(), list::toString);
        assertNotEquals(staleAccess, stored("ci").accessToken());
        assertNotEquals(rotated, stored("ci").refreshToken());

        Pcx.Result reuse = sandbox.pcx().stdin(original + "\n").run(login("--refresh-token-stdin", "--profile", "again"));
        assertEquals(3, reuse.exit(), reuse::toString);
        assertTrue(reuse.err().contains("invalid_grant") && reuse.err().contains("AADSTS70008"), reuse.err());
        assertTrue(reuse.err().contains("pcx auth login --profile again --tenant "), "names the command: " + reuse.err());
    }

    @Test
    void aTokenThatExpiresInTheMiddleOfALongWalkIsRefreshedAndTheWalkCarriesOn() {
        start(0, List.of());
        assertEquals(0, sandbox.pcx().run(login()).exit());
        int before = sandbox.server.refreshGrants();
        sandbox.clock.tick(Duration.ofMinutes(15)); // every reading of the sandbox's clock moves it on 15 minutes

        Pcx.Result walk = sandbox.pcx().run("customers", "list", "--all", "-o", "jsonl");

        assertEquals(0, walk.exit(), walk::toString);
        assertEquals(500, walk.out().lines().count());
        assertTrue(sandbox.server.refreshGrants() > before, "the expired token was refreshed midway");
    }

    @Test
    void environmentCredentialsAreUsedFirstAndWriteNothing() {
        start(0, List.of());
        Path untouched = config.resolve("never-created");
        Pcx.Result r = new Pcx().env("PCX_CONFIG_DIR", untouched.toString()).env("PCX_ENDPOINT", sandbox.url)
                .env("PCX_AUTHORITY", sandbox.url).env("PCX_TENANT_ID", SandboxIdentity.TENANT_ID)
                .env("PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID).env("PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET)
                .run("customers", "list", "--limit", "3", "-o", "csv");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(4, r.out().lines().count());
        assertFalse(Files.exists(untouched), "nothing on disk");

        assertEquals(0, sandbox.pcx().run(login()).exit());
        String refresh = stored("default").refreshToken();
        Pcx.Result viaRefresh = new Pcx().env("PCX_CONFIG_DIR", untouched.toString()).env("PCX_ENDPOINT", sandbox.url)
                .env("PCX_AUTHORITY", sandbox.url).env("PCX_TENANT_ID", SandboxIdentity.TENANT_ID)
                .env("PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID).env("PCX_REFRESH_TOKEN", refresh)
                .run("auth", "status", "--offline", "-o", "json");
        assertEquals(0, viaRefresh.exit(), viaRefresh::toString);
        assertTrue(viaRefresh.out().contains("\"profile\": \"(environment)\""), viaRefresh.out());
        assertTrue(viaRefresh.out().contains("\"kind\": \"app+user\""), viaRefresh.out());
        assertFalse(Files.exists(untouched));
    }

    @Test
    void aRegisteredCertificateSignsInWithoutASecretAndAgainWhenTheTokenExpires() throws Exception {
        TestCertificates certs = TestCertificates.create(files);
        start(0, List.of(Files.readString(certs.certificatePem())));

        Pcx.Result pem = sandbox.pcx().run(login("--app", "--certificate", certs.pem().toString()));
        assertEquals(0, pem.exit(), pem::toString);
        assertTrue(pem.err().contains("(app-only)"), pem.err());
        assertNull(stored("default").clientSecret());
        expire("default");
        Pcx.Result list = sandbox.pcx().run("customers", "list", "--limit", "1");
        assertEquals(0, list.exit(), list::toString);

        Pcx.Result p12 = sandbox.pcx().stdin(TestCertificates.PASSWORD + "\n").run(login("--app", "--certificate",
                certs.pkcs12().toString(), "--certificate-password-stdin", "--profile", "pfx"));
        assertEquals(0, p12.exit(), p12::toString);
        assertNull(stored("pfx").certificatePassword(), "stored only with --save-secret");
    }

    @Test
    void anUnregisteredCertificateIsRefusedWithTheAadCode() throws Exception {
        TestCertificates certs = TestCertificates.create(files);
        start(0, List.of());
        Pcx.Result r = sandbox.pcx().run(login("--app", "--certificate", certs.pem().toString()));
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("AADSTS700027") && r.err().contains("invalid_client"), r.err());
    }

    @Test
    void aClientSecretIsStoredOnlyWhenAskedAndOtherwiseComesFromTheEnvironment() {
        start(0, List.of());
        Pcx.Result r = sandbox.pcx().stdin(SandboxIdentity.CLIENT_SECRET + "\n").run(login("--app", "--client-secret-stdin"));
        assertEquals(0, r.exit(), r::toString);
        assertNull(stored("default").clientSecret());

        expire("default");
        Pcx.Result noSecret = sandbox.pcx().run("customers", "list", "--limit", "1");
        assertEquals(3, noSecret.exit(), noSecret::toString);
        assertTrue(noSecret.err().contains("client secret was not stored") && noSecret.err().contains("PCX_CLIENT_SECRET"),
                noSecret.err());
        Pcx.Result withEnv = sandbox.pcx().env("PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET)
                .run("customers", "list", "--limit", "1");
        assertEquals(0, withEnv.exit(), withEnv::toString);

        Pcx.Result saved = sandbox.pcx().stdin(SandboxIdentity.CLIENT_SECRET + "\n")
                .run(login("--app", "--client-secret-stdin", "--save-secret", "--profile", "kept"));
        assertEquals(0, saved.exit(), saved::toString);
        assertEquals(SandboxIdentity.CLIENT_SECRET, stored("kept").clientSecret());
    }

    @Test
    void signInErrorsAreExit3WithTheAadCodeAndTheFix() {
        start(0, List.of());
        Pcx.Result tenant = sandbox.pcx().run("auth", "login", "--tenant", "nobody.partner.onmschina.cn",
                "--client-id", SandboxIdentity.CLIENT_ID);
        assertEquals(3, tenant.exit(), tenant::toString);
        assertTrue(tenant.err().contains("AADSTS90002") && tenant.err().contains("check --tenant and --cloud"), tenant.err());

        Pcx.Result client = sandbox.pcx().run("auth", "login", "--tenant", SandboxIdentity.TENANT_ID,
                "--client-id", "11111111-2222-3333-4444-555555555555");
        assertEquals(3, client.exit(), client::toString);
        assertTrue(client.err().contains("AADSTS700016") && client.err().contains("check --client-id"), client.err());

        Pcx.Result secret = sandbox.pcx().stdin("wrong\n").run(login("--app", "--client-secret-stdin"));
        assertEquals(3, secret.exit(), secret::toString);
        assertTrue(secret.err().contains("AADSTS7000215"), secret.err());
        assertEquals(1, secret.err().lines().count(), "one line: " + secret.err());
    }

    @Test
    void anUnreachableSignInServiceIsExit6LikeAnyUnreachableService() throws Exception {
        start(0, List.of());
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Pcx.Result r = sandbox.pcx().env("PCX_AUTHORITY", "http://127.0.0.1:" + port).run(login("--app",
                "--client-secret-stdin"));
        assertEquals(2, r.exit(), "no secret on stdin: " + r);
        Pcx.Result down = sandbox.pcx().env("PCX_AUTHORITY", "http://127.0.0.1:" + port)
                .stdin("s\n").run(login("--app", "--client-secret-stdin"));
        assertEquals(6, down.exit(), "unreachable is exit 6, which CI may retry: " + down);
        assertTrue(down.err().contains("cannot reach the sign-in service") && down.err().contains("--authority"),
                down.err());
    }

    @Test
    void withoutATerminalMissingValuesAreUsageErrorsAndWithOneTheyAreAskedFor() {
        start(0, List.of());
        Pcx.Result r = sandbox.pcx().run("auth", "login");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("missing --tenant (there is no terminal to ask on)"), r.err());

        Pcx.Result asked = sandbox.pcx().tty(true, false, true)
                .stdin(SandboxIdentity.TENANT_ID + "\n" + SandboxIdentity.CLIENT_ID + "\n").run("auth", "login");
        assertEquals(0, asked.exit(), asked::toString);
        assertTrue(asked.err().contains("Partner tenant (id or domain): Application (client) id: "), asked.err());
    }

    @Test
    void anotherCommandWithAnAppOnlyProfileWorksButTheGateStopsAppUserOperations() {
        start(0, List.of());
        assertEquals(0, sandbox.pcx().stdin(SandboxIdentity.CLIENT_SECRET + "\n").run(login("--app",
                "--client-secret-stdin", "--save-secret")).exit());
        Pcx.Result status = sandbox.pcx().run("auth", "status", "-o", "json");
        assertTrue(status.out().contains("\"kind\": \"app-only\""), status.out());
    }

    @Test
    void statusOfAProfileWhoseServiceIsUnreachableIsExit6WithAFailureLine() {
        start(0, List.of());
        assertEquals(0, sandbox.pcx().run(login("--profile", "w")).exit());
        Pcx gone = sandbox.pcx();
        sandbox.close();
        sandbox = null;
        Pcx.Result r = gone.run("--profile", "w", "auth", "status", "--timeout", "3s");
        assertEquals(6, r.exit(), "unreachable is 6, as everywhere: " + r);
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("pcx: the credentials this run would use do not work")),
                r.err());
    }
}
