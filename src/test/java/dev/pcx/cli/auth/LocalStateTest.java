package dev.pcx.cli.auth;

import dev.pcx.auth.ProfileStore;
import dev.pcx.testing.Pcx;
import dev.pcx.testing.SandboxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files under PCX_CONFIG_DIR: modes, corruption, and the profile verbs. */
class LocalStateTest {
    @TempDir
    Path config;
    private SandboxFixture sandbox;

    @BeforeEach
    void signIn() {
        sandbox = SandboxFixture.start(config, 20, 0, List.of());
        for (String profile : new String[] {"default", "second"}) {
            Pcx.Result r = sandbox.pcx().run("auth", "login", "--profile", profile, "--tenant",
                    dev.pcx.sandbox.SandboxIdentity.TENANT_ID, "--client-id", dev.pcx.sandbox.SandboxIdentity.CLIENT_ID);
            assertEquals(0, r.exit(), r::toString);
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Pcx.Result list() {
        return sandbox.pcx().run("customers", "list", "--limit", "1");
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws Exception {
        Path credentials = config.resolve("credentials.json");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-r--r--"));
        Pcx.Result r = list();
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("fix it with: chmod 600 " + credentials), r.err());
    }

    @Test
    void aDirectoryOthersCanEnterIsRefusedWithTheChmodThatFixesIt() throws Exception {
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-xr-x"));
        Pcx.Result r = list();
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("fix it with: chmod 700 " + config), r.err());
    }

    @Test
    void aCorruptCredentialsFileIsReportedAndLeftAsItIs() throws Exception {
        Path credentials = config.resolve("credentials.json");
        Files.writeString(credentials, "{\"profiles\": {\"default\": {\"refreshToken\": ");
        Pcx.Result r = list();
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("is corrupt") && r.err().contains("pcx auth logout --all")
                && r.err().contains("pcx auth login"), r.err());
        assertEquals("{\"profiles\": {\"default\": {\"refreshToken\": ", Files.readString(credentials));

        Pcx.Result relogin = sandbox.pcx().run("auth", "login", "--tenant", dev.pcx.sandbox.SandboxIdentity.TENANT_ID,
                "--client-id", dev.pcx.sandbox.SandboxIdentity.CLIENT_ID);
        assertEquals(3, relogin.exit(), "not silently overwritten by a new sign-in either: " + relogin);
        assertEquals(0, sandbox.pcx().run("auth", "logout", "--all").exit());
        assertFalse(Files.exists(credentials));
    }

    @Test
    void noTempFilesAreLeftBehindAndEveryFileIsPrivate() throws Exception {
        try (var files = Files.list(config)) {
            for (Path f : files.toList()) {
                assertFalse(f.getFileName().toString().endsWith(".tmp"), f.toString());
                if (Files.isRegularFile(f)) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                }
            }
        }
    }

    @Test
    void switchLogoutAndStatus() {
        assertEquals("default", new ProfileStore(config).config().current());
        Pcx.Result unknown = sandbox.pcx().run("auth", "switch", "nope");
        assertEquals(4, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("the profiles are: default, second"), unknown.err());

        assertEquals(0, sandbox.pcx().run("auth", "switch", "second").exit());
        assertEquals("second", new ProfileStore(config).config().current());
        Pcx.Result status = sandbox.pcx().run("auth", "status", "--offline", "-o", "tsv");
        assertEquals(0, status.exit(), status::toString);
        assertTrue(status.out().contains("second\ttrue\tchina\t"), status.out());
        assertTrue(status.out().contains("default\tfalse\tchina\t"), status.out());

        assertEquals(0, sandbox.pcx().run("auth", "logout").exit());
        assertFalse(new ProfileStore(config).config().profiles().containsKey("second"));
        assertFalse(new ProfileStore(config).credentials().profiles().containsKey("second"));
        Pcx.Result again = sandbox.pcx().run("auth", "logout", "--profile", "second");
        assertEquals(0, again.exit(), "nothing to do is not an error");
        assertTrue(again.err().contains("nothing to do"), again.err());

        Pcx.Result fallback = sandbox.pcx().run("customers", "list", "--limit", "1");
        assertEquals(0, fallback.exit(), "with no current profile, the one named 'default' is used: " + fallback);
        assertEquals(0, sandbox.pcx().run("auth", "logout", "--profile", "default").exit());
        Pcx.Result none = sandbox.pcx().run("customers", "list");
        assertEquals(3, none.exit(), none::toString);
        assertTrue(none.err().startsWith("pcx: not signed in; run 'pcx auth login'"), none.err());
    }

    @Test
    void statusFailsWhenTheSelectedProfileCannotSignIn() throws Exception {
        Path credentials = config.resolve("credentials.json");
        String broken = Files.readString(credentials).replaceAll("\"refreshToken\" : \"[^\"]+\"", "\"refreshToken\" : \"bad\"")
                .replaceAll("\"expiresAt\" : \"[^\"]+\"", "\"expiresAt\" : \"2000-01-01T00:00:00Z\"");
        Files.writeString(credentials, broken);
        Pcx.Result r = sandbox.pcx().run("auth", "status", "-o", "json");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.out().contains("failed: sign-in refused (invalid_grant)"), r.out());
    }
}
