package dev.pcx.cli.tickets;

import dev.pcx.api.Sleeper;
import dev.pcx.cli.Cli;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.Io;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where Azure Resource Manager is: the cloud's, the environment's, the option's; https unless loopback. */
class ArmEndpointTest {
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
    void theCloudsArmUnlessTheOptionOrTheEnvironmentSaysOtherwise() {
        try (Context c = context(env(), "--cloud", "global", "tickets", "list")) {
            assertEquals("https://management.azure.com/", c.connections().armEndpoint().toString());
        }
        try (Context c = context(env(), "tickets", "list")) {
            assertEquals("https://management.chinacloudapi.cn/", c.connections().armEndpoint().toString());
        }
        try (Context c = context(env("PCX_ARM_ENDPOINT", "https://arm.proxy.example/"), "tickets", "list")) {
            assertEquals("https://arm.proxy.example/", c.connections().armEndpoint().toString());
        }
        try (Context c = context(env("PCX_ARM_ENDPOINT", "https://arm.proxy.example/"), "--arm-endpoint",
                "http://127.0.0.1:9/", "tickets", "list")) {
            assertEquals("http://127.0.0.1:9/", c.connections().armEndpoint().toString(), "the option wins over the environment");
        }
        try (Context c = context(env(), "--arm-endpoint", "http://arm.example/", "tickets", "list")) {
            CliException e = assertThrows(CliException.class, () -> c.connections().armEndpoint());
            assertTrue(e.getMessage().contains("clear text") && e.getMessage().contains("--arm-endpoint"),
                    e.getMessage());
        }
    }
}
