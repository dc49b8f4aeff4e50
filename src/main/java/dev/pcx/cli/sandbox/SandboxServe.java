package dev.pcx.cli.sandbox;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.sandbox.SandboxServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code pcx sandbox serve}: the sandbox as a standalone server, until interrupted. */
@Command(name = "serve",
        header = "Serve the sandbox on loopback until interrupted.",
        description = {
            "Prints the base URL on stdout (one line, so a script can read it), then serves until Ctrl-C or "
                    + "SIGTERM. Point pcx at it with --endpoint URL (or PCX_ENDPOINT) and any PCX_ACCESS_TOKEN.",
            "--customers is remembered in the state file, so a later 'pcx --sandbox' sees the same customers.",
            "Faults: a comma-separated list of KIND:RATE (a probability from 0 to 1, repeatable: the draw is "
                    + "seeded) or KIND@N (every Nth request), where KIND is 429 (with Retry-After: 1), 500, 502, "
                    + "503, 504, drop (close the connection without an answer) or slow (trickle the body)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx sandbox serve --port 8443 --customers 100000",
            "  pcx sandbox serve --faults 429:0.1,503:0.05 --latency 50ms",
            "  url=$(pcx sandbox serve --port 0 & ...)   # the first stdout line is the URL",
            "  PCX_ENDPOINT=http://127.0.0.1:8443 PCX_ACCESS_TOKEN=x pcx customers list"
        })
final class SandboxServe implements Callable<Integer> {
    private final Context context;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8443",
            description = "Port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--state", paramLabel = "FILE",
            description = "State file (default: $PCX_CONFIG_DIR/sandbox/state.json)")
    Path state;

    @Option(names = "--customers", paramLabel = "N",
            description = "How many customers to serve, 1 to 100000 (default: as in the state file, else 150)")
    Integer customers;

    @Option(names = "--latency", paramLabel = "DURATION", defaultValue = "0ms",
            converter = dev.pcx.cli.DurationConverterOrZero.class,
            description = "Added to every answer (default: none)")
    Duration latency;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Failures to inject, e.g. 429:0.1,drop@10")
    String faults;

    SandboxServe(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be from 0 to 65535");
        }
        Path file = state != null ? state : context.configDir().resolve("sandbox").resolve("state.json");
        int n = SandboxReset.customers(customers, file);
        SandboxServer server;
        try {
            server = SandboxServer.start(new SandboxServer.Config("127.0.0.1", port, n, latency, faults, 8));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--faults: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliException(dev.pcx.cli.ExitCode.UNAVAILABLE, e.getMessage()
                    + " (choose another --port, or --port 0 for a free one)");
        }
        if (customers != null) {
            SandboxServer.saveState(file, n);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pcx-sandbox-stop"));
        context.io().out().println(server.baseUrl());
        context.io().out().flush();
        context.warn("sandbox serving " + n + " customers at " + server.baseUrl() + " (Ctrl-C to stop)");
        context.warn("use it with: PCX_ENDPOINT=" + server.baseUrl() + " PCX_ACCESS_TOKEN=sandbox pcx customers list");
        stopped.await();
        return 0;
    }
}
