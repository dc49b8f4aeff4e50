package dev.pcx.cli.auth;

import dev.pcx.auth.ProfileStore;
import dev.pcx.auth.StoredCredential;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.testing.SandboxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ten pcx processes find the same stale token at once. The sandbox redeems each refresh token
 * once only, so without the lock (and the re-read under it) several of them would redeem the same
 * one and fail; with it, one refreshes and the others use its token.
 */
class LockTest {
    @TempDir
    Path config;

    @Test
    void tenProcessesRefreshingAtOnceLeaveOneValidFile() throws Exception {
        try (SandboxFixture sandbox = SandboxFixture.start(config, 10, 0, List.of())) {
            assertEquals(0, sandbox.pcx().run("auth", "login", "--tenant", SandboxIdentity.TENANT_ID, "--client-id",
                    SandboxIdentity.CLIENT_ID).exit());
            ProfileStore store = new ProfileStore(config);
            StoredCredential c = store.credentials().profiles().get("default");
            store.saveCredential("default", new StoredCredential(c.refreshToken(), c.accessToken(),
                    Instant.now().minusSeconds(1).toString(), null, null));
            int grantsBefore = sandbox.server.refreshGrants();

            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        "dev.pcx.Main", "auth", "token");
                pb.environment().put("PCX_CONFIG_DIR", config.toString());
                pb.environment().put("PCX_ENDPOINT", sandbox.url);
                pb.environment().put("PCX_AUTHORITY", sandbox.url);
                pb.environment().remove("PCX_ACCESS_TOKEN");
                pb.redirectErrorStream(true);
                processes.add(pb.start());
            }
            List<String> tokens = new ArrayList<>();
            for (Process p : processes) {
                String out = new String(p.getInputStream().readAllBytes()).strip();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a pcx process hung");
                assertEquals(0, p.exitValue(), out);
                tokens.add(out);
            }
            assertEquals(1, sandbox.server.refreshGrants() - grantsBefore, "exactly one process refreshed");
            assertEquals(1, tokens.stream().distinct().count(), "all ten got the same fresh token");
            StoredCredential after = new ProfileStore(config).credentials().profiles().get("default");
            assertEquals(tokens.get(0), after.accessToken());
            assertNotEquals(c.refreshToken(), after.refreshToken(), "the rotated refresh token was saved");
        }
    }
}
