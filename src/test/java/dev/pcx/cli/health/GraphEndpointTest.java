package dev.pcx.cli.health;

import dev.pcx.api.Sleeper;
import dev.pcx.cli.Cli;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.Io;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.testing.Pcx;
import dev.pcx.testing.SandboxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where Microsoft Graph is: the cloud's, the environment's, the option's, the profile's. */
class GraphEndpointTest {
    @TempDir
    Path config;

    private Context context(Map<String, String> env, String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        Context context = new Context(io, env, Sleeper.SYSTEM, System::nanoTime);
        Cli.commandLine(context).parseArgs(args);
        return context;
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("PCX_CONFIG_DIR", config.toString(), "PCX_CLIENT_ID", "c",
                "PCX_TENANT_ID", "t", "PCX_REFRESH_TOKEN", "rt"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void theCloudsGraphUnlessTheOptionOrTheEnvironmentSaysOtherwise() {
        try (Context c = context(env(), "health")) {
            assertEquals("https://microsoftgraph.chinacloudapi.cn/", c.connections().graphEndpoint().toString());
        }
        try (Context c = context(env(), "--cloud", "global", "health")) {
            assertEquals("https://graph.microsoft.com/", c.connections().graphEndpoint().toString());
        }
        try (Context c = context(env("PCX_GRAPH_ENDPOINT", "https://graph.proxy.example/"), "health")) {
            assertEquals("https://graph.proxy.example/", c.connections().graphEndpoint().toString());
        }
        try (Context c = context(env("PCX_GRAPH_ENDPOINT", "https://graph.proxy.example/"), "--graph-endpoint",
                "http://127.0.0.1:9/", "health")) {
            assertEquals("http://127.0.0.1:9/", c.connections().graphEndpoint().toString(), "the option wins over the environment");
        }
        try (Context c = context(env(), "--graph-endpoint", "not a url", "health")) {
            CliException e = assertThrows(CliException.class, () -> c.connections().graphEndpoint());
            assertTrue(e.getMessage().contains("--graph-endpoint"), e.getMessage());
        }
    }

    @Test
    void aProfileKeepsTheGraphEndpointItSignedInWith() throws Exception {
        try (SandboxFixture sandbox = SandboxFixture.start(config, 12, 0, List.of())) {
            Pcx pcx = sandbox.pcx();
            assertEquals(0, pcx.run("auth", "login", "--graph-endpoint", sandbox.url, "--tenant",
                    SandboxIdentity.TENANT_ID, "--client-id", SandboxIdentity.CLIENT_ID).exit());
            assertTrue(Files.readString(config.resolve("config.json")).contains("\"graphEndpoint\" : \"" + sandbox.url),
                    Files.readString(config.resolve("config.json")));
            Pcx.Result r = pcx.run("health", "-c", "contoso.partner.onmschina.cn", "-o", "jsonl");
            assertEquals(0, r.exit(), r::toString);
        }
    }
}
