package dev.pcx.testing;

import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxServer;
import dev.pcx.sandbox.SandboxState;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;

/**
 * A sandbox for one test, started on first use and stopped after it, and pcx signed in to it from
 * the environment as the sandbox's application (app-only), as a CI job would be.
 * Use as {@code @RegisterExtension final AppSandbox sandbox = new AppSandbox(40);}.
 */
public final class AppSandbox implements AfterEachCallback {
    private final int customers;
    private SandboxServer server;

    public AppSandbox(int customers) {
        this.customers = customers;
    }

    /** The sandbox, with {@code faults} (a {@code --faults} spec, or null) when this call starts it. */
    public SandboxServer server(String faults) {
        if (server == null) {
            server = SandboxServer.start(SandboxServer.Config.of(customers).withFaults(faults)
                    .withState(SandboxState.fresh(customers, 3600, 0, List.of())));
        }
        return server;
    }

    public SandboxServer server() {
        return server(null);
    }

    /** pcx with its state in {@code config}, signed in from the environment to this sandbox. */
    public Pcx pcx(Path config, String faults) {
        SandboxServer s = server(faults);
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).env("PCX_ENDPOINT", s.baseUrl())
                .env("PCX_AUTHORITY", s.baseUrl()).env("PCX_TENANT_ID", SandboxIdentity.TENANT_ID)
                .env("PCX_CLIENT_ID", SandboxIdentity.CLIENT_ID).env("PCX_CLIENT_SECRET", SandboxIdentity.CLIENT_SECRET);
    }

    /** Stops the sandbox; the next call starts a new one (with other faults, say). */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }
}
