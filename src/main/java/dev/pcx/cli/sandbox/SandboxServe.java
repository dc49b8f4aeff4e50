package dev.pcx.cli.sandbox;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.DurationConverterOrZero;
import dev.pcx.cli.ExitCode;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxServer;
import dev.pcx.sandbox.SandboxState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "Prints the base URL on stdout (one line, so a script can read it), then serves the Partner Center "
                    + "API and its sign-in endpoints there until Ctrl-C or SIGTERM. Sign in against it with "
                    + "--endpoint URL --authority URL (or PCX_ENDPOINT and PCX_AUTHORITY) and the sandbox's "
                    + "application: tenant " + SandboxIdentity.TENANT_ID + ", client id " + SandboxIdentity.CLIENT_ID
                    + ", client secret " + SandboxIdentity.CLIENT_SECRET + ".",
            "It also serves Microsoft Graph (service health, and each customer's subscribedSkus: seats bought and "
                    + "assigned) and Azure Resource Manager's Support API (point "
                    + "--graph-endpoint and --arm-endpoint there). With --cloud china it answers as 21Vianet does: "
                    + "Azure operated by 21Vianet has no Microsoft.Support provider and Graph has no GDAP "
                    + "relationships there, and Partner Center's application-consent route is unconfirmed, so those "
                    + "routes are 404s; with --cloud global, or none, they are served.",
            "The signing key, customers and registered certificates come from the state file (see 'pcx sandbox "
                    + "reset'); the options here apply to this run only. Device codes wait for 'pcx sandbox approve' "
                    + "unless --approve-after is given.",
            "Faults: a comma-separated list of KIND:RATE (a probability from 0 to 1, repeatable: the draw is "
                    + "seeded), KIND@N (every Nth request) or KIND@once (the first attempt of every call), where KIND "
                    + "is 429 (with Retry-After: 1), 500, 502, "
                    + "503, 504, drop (close the connection without an answer) or slow (trickle the body)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  # each runs until Ctrl-C:",
            "  pcx sandbox serve --port 8443 --customers 100000",
            "  pcx sandbox serve --faults 429:0.1,503:0.05 --latency 50ms",
            "  pcx sandbox serve --cloud china --port 0",
            "",
            "  # then, in another terminal:",
            "  export PCX_ENDPOINT=http://127.0.0.1:8443",
            "  export PCX_AUTHORITY=http://127.0.0.1:8443",
            "  export PCX_TENANT_ID=" + SandboxIdentity.TENANT_ID,
            "  export PCX_CLIENT_ID=" + SandboxIdentity.CLIENT_ID,
            "  export PCX_CLIENT_SECRET=" + SandboxIdentity.CLIENT_SECRET,
            "  pcx customers list"
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
            description = "How many customers to serve, 1 to 100000 (default: as in the state file)")
    Integer customers;

    @Option(names = "--latency", paramLabel = "DURATION", defaultValue = "0ms",
            converter = DurationConverterOrZero.class,
            description = "Added to every answer (default: none)")
    Duration latency;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Failures to inject, e.g. 429:0.1,drop@10")
    String faults;

    @Mixin
    SandboxOptions signIn;

    SandboxServe(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be from 0 to 65535");
        }
        Path file = state != null ? state : context.session().sandboxStateFile();
        SandboxState saved = SandboxState.loadOrCreate(file);
        int n = customers == null ? saved.customers() : SandboxReset.checkedCustomers(customers);
        SandboxState run = new SandboxState(n, saved.key(), signIn.lifetimeSeconds(saved.tokenLifetimeSeconds()),
                signIn.approveAfterSeconds(-1), signIn.certificates(saved.certificates()), saved.subscriptions(),
                null, saved.serviceRequests(), saved.supportTickets());
        SandboxServer server;
        try {
            server = SandboxServer.start(new SandboxServer.Config("127.0.0.1", port, n, latency, faults, 8, run, null)
                    .savingTo(file).withCloud(context.connections().explicitCloud()));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--faults: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCode.UNAVAILABLE, e.getMessage()
                    + " (choose another --port, or --port 0 for a free one)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pcx-sandbox-stop"));
        String url = server.baseUrl();
        context.io().out().println(url);
        context.io().out().flush();
        context.session().say("sandbox serving " + n + " customers at " + url + " (Ctrl-C to stop)");
        context.session().say("use it with: PCX_ENDPOINT=" + url + " PCX_AUTHORITY=" + url + " PCX_TENANT_ID="
                + SandboxIdentity.TENANT_ID + " PCX_CLIENT_ID=" + SandboxIdentity.CLIENT_ID + " PCX_CLIENT_SECRET="
                + SandboxIdentity.CLIENT_SECRET + " pcx customers list");
        stopped.await();
        return 0;
    }
}
