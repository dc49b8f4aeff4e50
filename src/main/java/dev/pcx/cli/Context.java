package dev.pcx.cli;

import dev.pcx.api.ApiSettings;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Json;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.RetryListener;
import dev.pcx.api.Sleeper;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.CredentialKind;
import dev.pcx.auth.Credentials;
import dev.pcx.output.JqFilter;
import dev.pcx.output.Output;
import dev.pcx.output.OutputFormat;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
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
        this(io, env, sleeper, nanoTime, Clock.systemUTC());
    }

    /** As {@link #Context(Io, Map, Sleeper, LongSupplier)}, on {@code clock}. */
    public Context(Io io, Map<String, String> env, Sleeper sleeper, LongSupplier nanoTime, Clock clock) {
        this(new Session(io, env, sleeper, nanoTime, clock), true);
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

    /** The output the global options ask for, a table when they name no format; see {@link #output(OutputFormat)}. */
    public synchronized Output output() {
        if (output == null) {
            output = output(OutputFormat.TABLE);
        }
        return output;
    }

    /**
     * The output the global options ask for ({@code -o}, else {@code PCX_OUTPUT}), {@code fallback}
     * when they name no format, JSON for {@code --jq} alone. An invalid format or jq expression, or
     * --jq with a format that is not JSON, is a usage error.
     */
    public Output output(OutputFormat fallback) {
        OutputFormat format;
        JqFilter jq = null;
        try {
            if (options().jq() != null) {
                jq = JqFilter.compile(options().jq());
            }
            String asked = options().format(env);
            format = asked != null ? OutputFormat.parse(asked) : jq != null ? OutputFormat.JSON : fallback;
            if (jq != null && format != OutputFormat.JSON && format != OutputFormat.JSONL) {
                throw CliException.usage("--jq works on JSON: use it with -o json or -o jsonl, not -o " + format);
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        boolean color = io.stdoutTty() && !options().noColor() && !"dumb".equals(env.get("TERM"));
        return new Output(format, jq, Json.mapper(), io.out(), io.terminalWidth(), color, io.stderrTty() ? session::say : null);
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

    /** Which cloud, endpoints and credentials this command line uses: see {@link Connections}. */
    public synchronized Connections connections() {
        if (connections == null) {
            connections = new Connections(session, options(), this::aad);
        }
        return connections;
    }

    /** The Partner Center client for this invocation. */
    public PartnerCenter api() {
        if (api == null) {
            api = api(connections().connection());
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
                session.say(cause + " from " + method + " " + path + "; retrying in " + human(wait)
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
        Credentials.Source source = connections().connection().credentials();
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

    private static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Closes what this command line opened; the session too when it is this context's own. */
    @Override
    public void close() {
        if (ownsSession) {
            session.close();
        }
    }
}
