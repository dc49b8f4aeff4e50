package dev.pcx.cli;

import dev.pcx.api.ApiSettings;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Json;
import dev.pcx.api.Pages;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.RetryListener;
import dev.pcx.api.Sleeper;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.Cloud;
import dev.pcx.auth.CredentialKind;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.Profile;
import dev.pcx.auth.ProfileStore;
import dev.pcx.output.JqFilter;
import dev.pcx.output.Output;
import dev.pcx.output.OutputFormat;
import dev.pcx.output.RecordPrinter;
import dev.pcx.sandbox.SandboxServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * What a command may use, built lazily so that {@code --help} or a usage error opens no socket:
 * the streams, the environment, the global options, the output, the HTTP client, the credentials,
 * the API client, the local state. One per invocation; {@link #close()} releases what was opened.
 */
public final class Context implements AutoCloseable {
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    /** The profile {@code pcx --sandbox auth login} writes unless told another name. */
    public static final String SANDBOX_PROFILE = "sandbox";

    private final Session session;
    private final boolean ownsSession;
    private final Io io;
    private final Map<String, String> env;
    private PcxCommand root;
    private GlobalOptions options;
    private Connections connections;
    private Output output;
    private OkHttpClient http;
    private OkHttpClient cleartextHttp;
    private PartnerCenter api;

    /** A context with a session of its own, closed with it: one command line, one process. */
    public Context(Io io, Map<String, String> env, Sleeper sleeper, LongSupplier nanoTime) {
        this(new Session(io, env, sleeper, nanoTime), true);
    }

    /** A context for one command line of a longer {@code session} (the shell), which outlives it. */
    public Context(Session session) {
        this(session, false);
    }

    private Context(Session session, boolean ownsSession) {
        this.session = session;
        this.ownsSession = ownsSession;
        this.io = session.io();
        this.env = session.env();
    }

    /** The root command whose global options this context takes, once the line is parsed. */
    void bind(PcxCommand root) {
        this.root = root;
    }

    public Session session() {
        return session;
    }

    public Io io() {
        return io;
    }

    public Map<String, String> env() {
        return env;
    }

    /** The global options of this command line, read from it on first use (after parsing); null before it is bound. */
    public synchronized GlobalOptions options() {
        if (options == null && root != null) {
            options = GlobalOptions.of(root);
        }
        return options;
    }

    public boolean debug() {
        return options().debug();
    }

    public Clock clock() {
        return session.clock();
    }

    public Sleeper sleeper() {
        return session.sleeper();
    }

    /**
     * A message for the person at the terminal (what was done, why pcx waits, a hint), on stderr,
     * cleaned of terminal controls. Failures are not said here: they are reported once, as
     * {@code pcx: ...}, where they become the exit code.
     */
    public void say(String message) {
        session.say(message);
    }

    /** The progress line of this run (live only when stderr is a terminal). */
    public Progress progress() {
        return session.progress();
    }

    public Path configDir() {
        return session.configDir();
    }

    /** Where the sandbox keeps its state unless {@code --state} says otherwise. */
    public Path sandboxStateFile() {
        return session.sandboxStateFile();
    }

    public ProfileStore profiles() {
        return session.profiles();
    }

    /** The in-process sandbox of {@code --sandbox}, started on first use. */
    public SandboxServer sandbox() {
        return session.sandbox();
    }

    /**
     * The HTTP client of this command line for {@code base}: the session's (one for TLS, one for
     * plain http on loopback), with the trace when --debug is on.
     */
    public synchronized OkHttpClient http(HttpUrl base) {
        boolean tls = base.isHttps();
        OkHttpClient client = tls ? http : cleartextHttp;
        if (client == null) {
            client = session.http(base);
            if (options().debug()) {
                client = PartnerCenter.traced(client, io.err()::println, session.nanoTime());
            }
            if (tls) {
                http = client;
            } else {
                cleartextHttp = client;
            }
        }
        return client;
    }

    public AadClient aad(HttpUrl authority) {
        return new AadClient(http(authority), authority, session.sleeper(), session.clock());
    }

    private synchronized Connections policy() {
        if (connections == null) {
            connections = new Connections(session, options(), this::aad);
        }
        return connections;
    }

    /** {@code --cloud} (or {@code PCX_CLOUD}) when given, else null. */
    public Cloud explicitCloud() {
        return policy().explicitCloud();
    }

    /** The profile name this run uses: {@code --profile}, else the current one (with --sandbox: {@value SANDBOX_PROFILE}). */
    public String profileName() {
        return policy().profileName();
    }

    /** The cloud, API and sign-in endpoints a new sign-in goes to (the sandbox's with --sandbox). */
    public Target target() {
        return policy().target();
    }

    /**
     * Where this command line talks to and as whom: the environment's credentials, else the
     * profile's. Resolved once per session for the same options, so a shell reuses its tokens.
     */
    public Connection connection() {
        GlobalOptions o = options();
        String key = String.join("|", String.valueOf(o.sandbox()), String.valueOf(o.cloud()), String.valueOf(o.endpoint()),
                String.valueOf(o.authority()), String.valueOf(o.profile()));
        return session.connection(key, () -> policy().connection());
    }

    /**
     * A stored profile's connection as the profile has it, without this run's --endpoint or
     * --authority: for {@code pcx auth status}, which checks every profile.
     */
    public Connection profileConnection(String name, Profile profile) {
        return policy().profileConnection(name, profile);
    }

    /** Microsoft Graph's base, for service health (see {@link Connections#graphEndpoint}). */
    public HttpUrl graphEndpoint() {
        return policy().graphEndpoint();
    }

    /** Azure Resource Manager's base, for Azure support tickets (see {@link Connections#armEndpoint}). */
    public HttpUrl armEndpoint() {
        return policy().armEndpoint();
    }

    static boolean loopback(String host) {
        return Connections.loopback(host);
    }


    /**
     * A failure that does not end the run (one fix of a batch): one whole line {@code pcx: ...} on
     * stderr, in every output format, so no reason, code or request id is lost to a table cell.
     */
    public void fail(String message) {
        say("pcx: " + message);
    }


    /** The output the global options ask for; an invalid format or jq expression is a usage error. */
    public Output output() {
        if (output == null) {
            OutputFormat format;
            JqFilter jq = null;
            try {
                if (options().jq() != null) {
                    jq = JqFilter.compile(options().jq());
                }
                String asked = options().format(env);
                format = asked == null ? (jq != null ? OutputFormat.JSON : OutputFormat.TABLE) : OutputFormat.parse(asked);
                if (jq != null && format != OutputFormat.JSON && format != OutputFormat.JSONL) {
                    throw CliException.usage("--jq works on JSON: use it with -o json or -o jsonl, not -o " + format);
                }
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            boolean color = io.stdoutTty() && !options().noColor() && !"dumb".equals(env.get("TERM"));
            output = new Output(format, jq, Json.mapper(), io.out(), io.terminalWidth(), color,
                    io.stderrTty() ? this::say : null);
        }
        return output;
    }

    /**
     * Streams a collection into a printer, flushing after each page, and stops fetching when the
     * reader of stdout has gone ({@code pcx customers list --all | head}).
     *
     * @return true if the collection had more than {@code limit} items
     */
    public <T> boolean stream(Pages<T> pages, long limit, RecordPrinter<T> printer) {
        return stream(pages, limit, printer, item -> true);
    }

    /**
     * As {@link #stream(Pages, long, RecordPrinter)}, printing only the items {@code keep} accepts.
     * While a table waits for its last page (or records go elsewhere than the terminal), a terminal's
     * stderr shows how many have been read.
     */
    public <T> boolean stream(Pages<T> pages, long limit, RecordPrinter<T> printer, java.util.function.Predicate<T> keep) {
        boolean showProgress = printer.buffered() || !io.stdoutTty();
        long[] read = {0};
        try (Interruption interrupted = onInterrupt(printer, null)) {
            return pages.forEach(limit, item -> {
                read[0]++;
                if (keep.test(item)) {
                    synchronized (printer) {
                        if (!interrupted.fired()) {
                            printer.print(item);
                        }
                    }
                }
            }, () -> {
                synchronized (printer) {
                    printer.flush();
                }
                if (showProgress) {
                    progress().update("read " + read[0] + " so far…");
                }
                return !io.out().checkError() && !interrupted.fired();
            });
        } finally {
            progress().clear();
        }
    }

    /** A Ctrl-C watch over one output: see {@link #onInterrupt}. */
    public static final class Interruption implements AutoCloseable {
        private final Thread hook;
        private final java.util.concurrent.atomic.AtomicBoolean fired;

        private Interruption(Thread hook, java.util.concurrent.atomic.AtomicBoolean fired) {
            this.hook = hook;
            this.fired = fired;
        }

        /** Whether Ctrl-C came: print nothing more (under the printer's lock). */
        public boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is finishing the output
            }
        }
    }

    /** As {@link #onInterrupt(RecordPrinter, Runnable, java.util.function.Supplier)}, with no records to catch up. */
    public Interruption onInterrupt(RecordPrinter<?> printer, java.util.function.Supplier<String> summary) {
        return onInterrupt(printer, null, summary == null ? null : () -> List.of(summary.get()));
    }

    /**
     * Until closed, Ctrl-C (or SIGTERM) runs {@code catchUp} (records known but not printed yet) and
     * finishes {@code printer}, both under its lock (what was printed stays, a JSON array is closed,
     * so the output is well formed), then reports on stderr, when {@code report} is given: its first
     * line as the failure {@code pcx: interrupted: ...}, the others under it. An interrupted run
     * reports what it did.
     */
    public Interruption onInterrupt(RecordPrinter<?> printer, Runnable catchUp,
                                    java.util.function.Supplier<List<String>> report) {
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            synchronized (printer) {
                fired.set(true);
                progress().clear();
                if (catchUp != null) {
                    catchUp.run();
                }
                printer.finish();
                io.out().flush();
            }
            if (report != null) {
                List<String> lines = report.get();
                fail("interrupted: " + lines.get(0));
                lines.subList(1, lines.size()).forEach(this::say);
            }
        }, "pcx-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interruption(hook, fired);
    }










    /** Where a run talks to and as whom. */
    public record Connection(Cloud cloud, HttpUrl endpoint, HttpUrl authority, Credentials.Source credentials,
                             String profile) {
    }

    /** Where this run would talk to, before credentials: for {@code pcx auth login}. */
    public record Target(Cloud cloud, HttpUrl endpoint, HttpUrl authority, boolean sandbox) {
    }










    /** The Partner Center client for this invocation. */
    public PartnerCenter api() {
        if (api == null) {
            api = api(connection());
        }
        return api;
    }

    /** A Partner Center client for {@code c}, sharing the session's HTTP client. */
    public PartnerCenter api(Connection c) {
        return new PartnerCenter(settings(c.endpoint()), c.credentials().tokens(), http(c.endpoint()));
    }

    /**
     * What every call of this invocation to the service at {@code base} is made with (Partner
     * Center, Microsoft Graph, Azure Resource Manager alike): locale, user agent, correlation id,
     * --timeout, retries and what they say, the --debug trace.
     */
    public ApiSettings settings(HttpUrl base) {
        if (!LOCALE.matcher(options().locale()).matches()) {
            throw CliException.usage("'" + options().locale() + "' is not a locale (examples: en-US, zh-CN)");
        }
        RetryListener retries = (method, path, cause, wait, attempt, max) -> {
            if (options().debug() || wait.compareTo(Duration.ofSeconds(2)) >= 0) {
                say(cause + " from " + method + " " + path + "; retrying in " + human(wait)
                        + " (attempt " + attempt + " of " + max + ")");
            }
        };
        return new ApiSettings(base, options().locale(), "pcx/" + VersionProvider.version()
                + " (Java " + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")",
                session.correlationId(), options().timeout(), null, null, 5, session.sleeper(), session.nanoTime(), retries,
                options().debug() ? io.err()::println : null);
    }

    /**
     * Operations Partner Center allows only on a person's behalf (managed services, service
     * requests) stop here, before any call, when the credentials are app-only.
     */
    public void requireAppUser(String what) {
        Credentials.Source source = connection().credentials();
        if (source.kind() == CredentialKind.APP_ONLY) {
            throw new AuthenticationException(what + " needs app+user credentials, and pcx is signed in app-only ("
                    + source.description() + ")", options().sandbox()
                    ? "sign in as a person on the sandbox with '" + pcx("auth login") + "' (a device code the sandbox "
                            + "approves by itself)"
                    : "sign in as a person with '" + pcx("auth login") + "' (device code) or '"
                            + pcx("auth login --refresh-token-stdin") + "', or set PCX_REFRESH_TOKEN");
        }
    }

    /**
     * A pcx command line as the user must type it in this run's situation: with {@code --sandbox}
     * when this run is on the in-process sandbox, so a hint never points at the real cloud.
     */
    public String pcx(String rest) {
        return "pcx " + (options() != null && options().sandbox() ? "--sandbox " : "") + rest;
    }

    /** {@code url} when pcx may open it (https, a Microsoft or 21Vianet portal), in normal form; else null. */
    public String portalUrl(String url) {
        return Browser.portalUrl(url);
    }

    /** Opens {@code url} in the person's browser; false where there is none (the caller prints it). */
    public boolean openInBrowser(String url) {
        return Browser.open(env, url);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Closes what this command line opened; the session too when it is this context's own. */
    @Override
    public void close() {
        if (ownsSession) {
            session.close();
        }
    }
}
