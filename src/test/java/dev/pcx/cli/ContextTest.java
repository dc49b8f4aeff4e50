package dev.pcx.cli;

import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Sleeper;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app+user gate: operations Partner Center allows only on a person's behalf stop before any call. */
class ContextTest {
    private static Context context(Map<String, String> env) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        Context context = new Context(io, env, Sleeper.SYSTEM, System::nanoTime);
        Cli.commandLine(context).parseArgs("customers", "list");
        return context;
    }

    private static final Map<String, String> APP = Map.of("PCX_ENDPOINT", "http://127.0.0.1:9",
            "PCX_AUTHORITY", "http://127.0.0.1:9", "PCX_CLIENT_ID", "c", "PCX_TENANT_ID", "t", "PCX_CLIENT_SECRET", "s");

    @Test
    void appOnlyCredentialsAreStoppedWithTheWayToSignInAsAPerson() {
        try (Context c = context(APP)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> c.requireAppUser("listing managed services"));
            assertTrue(e.getMessage().startsWith("listing managed services needs app+user credentials"), e.getMessage());
            assertTrue(e.fix().contains("pcx auth login"), e.fix());
        }
    }

    @Test
    void theStateDirectoryFollowsPcxConfigDirThenXdgThenHome() {
        try (Context c = context(Map.of("HOME", "/home/ci"))) {
            assertEquals(java.nio.file.Path.of("/home/ci/.config/pcx"), c.session().configDir());
        }
        try (Context c = context(Map.of("HOME", "/home/ci", "XDG_CONFIG_HOME", "/xdg"))) {
            assertEquals(java.nio.file.Path.of("/xdg/pcx"), c.session().configDir());
        }
        try (Context c = context(Map.of("HOME", "/home/ci", "XDG_CONFIG_HOME", "/xdg", "PCX_CONFIG_DIR", "/state"))) {
            assertEquals(java.nio.file.Path.of("/state"), c.session().configDir());
        }
    }

    @Test
    void appUserCredentialsPass() {
        Map<String, String> env = new java.util.HashMap<>(APP);
        env.put("PCX_REFRESH_TOKEN", "rt");
        try (Context c = context(env)) {
            assertDoesNotThrow(() -> c.requireAppUser("listing managed services"));
        }
    }

    @Test
    void aSessionReusesAConnectionOnlyForTheSameDecidingOptions() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        try (Session session = new Session(io, APP, Sleeper.SYSTEM, System::nanoTime)) {
            Function<String[], Connection> line = args -> {
                Context c = new Context(session);
                Cli.commandLine(c).parseArgs(args);
                return c.connections().connection();
            };
            Connection first = line.apply(new String[] {"customers", "list"});
            assertSame(first, line.apply(new String[] {"-o", "json", "--debug", "customers", "list"}),
                    "output and tracing decide no connection");
            Connection other = line.apply(new String[] {"--endpoint", "http://127.0.0.1:10", "customers", "list"});
            assertNotSame(first, other);
            assertEquals("http://127.0.0.1:10/", other.endpoint().toString());
            assertNotSame(first, line.apply(new String[] {"--authority", "http://127.0.0.1:11", "customers", "list"}));
            assertNotSame(first, line.apply(new String[] {"--cloud", "global", "customers", "list"}));
            assertEquals(new Connection.Key(false, "global", null, null, "p"), Connection.Key.of(
                    new GlobalOptions(null, null, "p", "global", null, null, "http://g", "http://a", false, true, true,
                            null, "en-US")), "every deciding option is in the key, and only those");
        }
    }
}
