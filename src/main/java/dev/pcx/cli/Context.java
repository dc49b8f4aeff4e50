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
import dev.pcx.auth.Credential;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.LocalStateException;
import dev.pcx.auth.Profile;
import dev.pcx.auth.ProfileStore;
import dev.pcx.output.JqFilter;
import dev.pcx.output.Output;
import dev.pcx.output.OutputFormat;
import dev.pcx.output.RecordPrinter;
import dev.pcx.sandbox.SandboxIdentity;
import dev.pcx.sandbox.SandboxServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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

    private final Io io;
    private final Map<String, String> env;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Clock clock = Clock.systemUTC();
    private final String correlationId = UUID.randomUUID().toString();
    private PcxCommand options;
    private Output output;
    private OkHttpClient http;
    private Connection connection;
    private PartnerCenter api;
    private SandboxServer sandbox;
    private ProfileStore profiles;
    private volatile Progress progress;

    public Context(Io io, Map<String, String> env, Sleeper sleeper, LongSupplier nanoTime) {
        this.io = io;
        this.env = env;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    void bind(PcxCommand root) {
        this.options = root;
    }

    public Io io() {
        return io;
    }

    public Map<String, String> env() {
        return env;
    }

    public PcxCommand options() {
        return options;
    }

    public boolean debug() {
        return options.debug();
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * A message for the person at the terminal (what was done, why pcx waits, a hint), on stderr,
     * cleaned of terminal controls. Failures are not said here: they are reported once, as
     * {@code pcx: ...}, where they become the exit code.
     */
    public void say(String message) {
        Progress p = progress;
        if (p != null) {
            p.clear();
        }
        synchronized (io.err()) {
            io.err().println(dev.pcx.output.DisplayWidth.clean(message));
        }
    }

    /**
     * A failure that does not end the run (one fix of a batch): one whole line {@code pcx: ...} on
     * stderr, in every output format, so no reason, code or request id is lost to a table cell.
     */
    public void fail(String message) {
        say("pcx: " + message);
    }

    /** The progress line of this run (live only when stderr is a terminal). */
    public synchronized Progress progress() {
        if (progress == null) {
            progress = new Progress(io.err(), io.stderrTty(), io.width(), nanoTime);
        }
        return progress;
    }

    /** The output the global options ask for; an invalid format or jq expression is a usage error. */
    public Output output() {
        if (output == null) {
            OutputFormat format;
            JqFilter jq = null;
            try {
                if (options.jq != null) {
                    jq = JqFilter.compile(options.jq);
                }
                format = options.output == null
                        ? (jq != null ? OutputFormat.JSON : OutputFormat.TABLE)
                        : OutputFormat.parse(options.output);
                if (jq != null && format != OutputFormat.JSON && format != OutputFormat.JSONL) {
                    throw CliException.usage("--jq works on JSON: use it with -o json or -o jsonl, not -o " + format);
                }
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            boolean color = io.stdoutTty() && !options.noColor() && !"dumb".equals(env.get("TERM"));
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
        // Ctrl-C mid-walk: what was read is shown, and a JSON array is closed, so the output stays well formed
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread finish = new Thread(() -> {
            synchronized (printer) {
                interrupted.set(true);
                progress().clear();
                printer.finish();
                io.out().flush();
            }
        }, "pcx-interrupted");
        Runtime.getRuntime().addShutdownHook(finish);
        try {
            return pages.forEach(limit, item -> {
                read[0]++;
                if (keep.test(item)) {
                    synchronized (printer) {
                        if (!interrupted.get()) {
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
                return !io.out().checkError() && !interrupted.get();
            });
        } finally {
            progress().clear();
            try {
                Runtime.getRuntime().removeShutdownHook(finish);
            } catch (IllegalStateException shuttingDown) {
                // the hook is finishing the output
            }
        }
    }

    /** {@code --cloud} (or {@code PCX_CLOUD}) when given, else null. */
    public Cloud explicitCloud() {
        if (options.cloud == null || options.cloud.isBlank()) {
            return null;
        }
        try {
            return Cloud.parse(options.cloud);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + " (--cloud or PCX_CLOUD)");
        }
    }

    /**
     * {@code $PCX_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/pcx}, else {@code $HOME/.config/pcx}
     * ({@code $HOME} as the shell has it: Java's {@code user.home} comes from the password database
     * and ignores a CI runner's or container's {@code HOME}).
     */
    public Path configDir() {
        String dir = env.get("PCX_CONFIG_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "pcx");
        }
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".config", "pcx");
    }

    /** Where the sandbox keeps its state unless {@code --state} says otherwise. */
    public Path sandboxStateFile() {
        return configDir().resolve("sandbox").resolve("state.json");
    }

    public ProfileStore profiles() {
        if (profiles == null) {
            profiles = new ProfileStore(configDir());
        }
        return profiles;
    }

    /** The profile name this run uses: {@code --profile}, else the current one (with --sandbox: {@value SANDBOX_PROFILE}). */
    public String profileName() {
        return profileName(() -> profiles().config());
    }

    /** As {@link #profileName()}, reading the profiles only when the name depends on them. */
    private String profileName(java.util.function.Supplier<ProfileStore.Config> config) {
        if (options.profile() != null) {
            return options.profile();
        }
        return options.sandbox() ? SANDBOX_PROFILE : config.get().currentOrDefault();
    }

    /** The one HTTP client of this invocation: the API and the sign-in share its connections. */
    public OkHttpClient http() {
        if (http == null) {
            http = PartnerCenter.baseClient(Duration.ofSeconds(10), Duration.ofSeconds(30),
                    options.debug() ? io.err()::println : null, nanoTime);
        }
        return http;
    }

    public AadClient aad(HttpUrl authority) {
        return new AadClient(http(), authority, sleeper, clock);
    }

    /** The in-process sandbox of {@code --sandbox}, started on first use. */
    public SandboxServer sandbox() {
        if (sandbox == null) {
            try {
                sandbox = SandboxServer.startInProcess(sandboxStateFile().getParent());
            } catch (LocalStateException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        return sandbox;
    }

    /** Where a run talks to and as whom. */
    public record Connection(Cloud cloud, HttpUrl endpoint, HttpUrl authority, Credentials.Source credentials,
                             String profile) {
    }

    /** Where this run would talk to, before credentials: for {@code pcx auth login}. */
    public record Target(Cloud cloud, HttpUrl endpoint, HttpUrl authority, boolean sandbox) {
    }

    /** The cloud, API and sign-in endpoints a new sign-in goes to (the sandbox's with --sandbox). */
    public Target target() {
        Cloud cloud = explicitCloud() != null ? explicitCloud() : Cloud.CHINA;
        if (options.sandbox()) {
            HttpUrl url = HttpUrl.get(sandbox().baseUrl());
            return new Target(cloud, url, url, true);
        }
        return new Target(cloud, url(options.endpoint(), cloud.apiBase(), "--endpoint or PCX_ENDPOINT"),
                url(options.authority(), cloud.authority(), "--authority or PCX_AUTHORITY"), false);
    }

    /** Resolves, once, the endpoint and credentials: the environment's, else the profile's. */
    public Connection connection() {
        if (connection == null) {
            Cloud explicit = explicitCloud();
            Target target = target();
            Credentials.Source env = Credentials.fromEnvironment(this.env, target.cloud(),
                    () -> aad(target.authority()), clock);
            if (env != null) {
                connection = new Connection(target.cloud(), target.endpoint(), target.authority(), env, null);
            } else {
                connection = fromProfile(explicit, target);
            }
        }
        return connection;
    }

    private Connection fromProfile(Cloud explicit, Target target) {
        String name;
        Profile profile;
        try {
            ProfileStore.Config config = profiles().config();
            name = profileName(() -> config);
            profile = config.profiles().get(name);
        } catch (LocalStateException e) {
            throw new AuthenticationException(e.getMessage(), null);
        }
        if (target.sandbox()) {
            if (profile != null && profile.isSandbox()) {
                return profileConnection(name, profile);
            }
            if (options.profile() != null) {
                throw new AuthenticationException("there is no sandbox profile '" + name + "'",
                        "run 'pcx --sandbox auth login --profile " + name + "', or leave --profile out");
            }
            // the sandbox's application, signed in as its built-in person (app+user), so that what
            // only a person may do (managed services, service health) works on the sandbox too
            Credential person = new Credential.RefreshToken(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID,
                    sandbox().personRefreshToken(), SandboxIdentity.CLIENT_SECRET, dev.pcx.auth.Flow.REFRESH_TOKEN);
            return new Connection(target.cloud(), target.endpoint(), target.authority(),
                    Credentials.inMemory(person, target.cloud(), () -> aad(target.authority()), clock,
                            "the sandbox's application and person"), null);
        }
        if (profile == null) {
            throw new AuthenticationException("not signed in" + (options.profile() != null || !name.equals(ProfileStore.DEFAULT_PROFILE)
                    ? " (there is no profile '" + name + "')" : ""),
                    "run 'pcx auth login" + (name.equals(ProfileStore.DEFAULT_PROFILE) ? "" : " --profile " + name)
                            + "', or set PCX_ACCESS_TOKEN, or PCX_CLIENT_ID, PCX_TENANT_ID and PCX_CLIENT_SECRET; "
                            + "or try pcx on its sandbox with --sandbox");
        }
        if (profile.isSandbox()) {
            throw CliException.usage("profile '" + name + "' signs in to the sandbox: add --sandbox");
        }
        Cloud cloud = checked(name, profile);
        if (explicit != null && explicit != cloud) {
            throw CliException.usage("profile '" + name + "' is for the " + cloud + " cloud, not " + explicit
                    + ": choose a " + explicit + " profile with --profile, or sign one in with 'pcx auth login --cloud "
                    + explicit + " --profile NAME'");
        }
        return connectionFor(name, profile, cloud, options.endpoint(), options.authority());
    }

    /** The profile's cloud, once its fields are known to be usable; a hand-edited profile is refused with the fix. */
    private Cloud checked(String name, Profile profile) {
        String fix = "fix " + profiles().configFile() + ", or sign the profile in again with 'pcx auth login"
                + (ProfileStore.DEFAULT_PROFILE.equals(name) ? "" : " --profile " + name) + "'";
        if (profile.tenant() == null || profile.tenant().isBlank() || profile.clientId() == null
                || profile.clientId().isBlank()) {
            throw new AuthenticationException("profile '" + name + "' has no tenant or client id", fix);
        }
        try {
            return profile.cloudKind();
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("profile '" + name + "' names an unknown cloud '" + profile.cloud() + "'", fix);
        }
    }

    /**
     * A stored profile's connection as the profile has it, without this run's --endpoint or
     * --authority: for {@code pcx auth status}, which checks every profile.
     */
    public Connection profileConnection(String name, Profile profile) {
        if (profile.isSandbox()) {
            Target t = target();
            return new Connection(t.cloud(), t.endpoint(), t.authority(), Credentials.fromProfile(profiles(), name,
                    profile, t.cloud(), () -> aad(t.authority()), env, clock), name);
        }
        return connectionFor(name, profile, checked(name, profile), null, null);
    }

    /** A profile's connection, {@code endpoint} and {@code authority} (when given) overriding the profile's. */
    private Connection connectionFor(String name, Profile profile, Cloud cloud, String endpoint, String authority) {
        HttpUrl api = url(endpoint != null ? endpoint : profile.endpoint(), cloud.apiBase(),
                "--endpoint, PCX_ENDPOINT or the profile's endpoint");
        HttpUrl signIn = url(authority != null ? authority : profile.authority(), cloud.authority(),
                "--authority, PCX_AUTHORITY or the profile's authority");
        return new Connection(cloud, api, signIn, Credentials.fromProfile(profiles(), name, profile, cloud,
                () -> aad(signIn), env, clock), name);
    }

    static HttpUrl url(String given, String otherwise, String where) {
        String url = given != null && !given.isBlank() ? given.trim() : otherwise;
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw CliException.usage("'" + url + "' is not an http(s) URL (" + where + ")");
        }
        if (!parsed.isHttps() && !loopback(parsed.host())) {
            throw CliException.usage("'" + url + "' would send tokens and secrets in clear text (" + where
                    + "): use https, or plain http only to this machine (127.0.0.1, localhost, [::1]) as the sandbox does");
        }
        return parsed;
    }

    /** Loopback by name or address, without a DNS lookup. */
    static boolean loopback(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /**
     * Microsoft Graph's base, for service health: {@code --graph-endpoint} (or
     * {@code PCX_GRAPH_ENDPOINT}), else the profile's, else the cloud's; with {@code --sandbox}, the
     * sandbox itself.
     */
    public HttpUrl graphEndpoint() {
        String given = options.graphEndpoint();
        if (given == null && options.sandbox()) {
            return HttpUrl.get(sandbox().baseUrl());
        }
        Connection c = connection();
        if (given == null && c.profile() != null) {
            Profile profile = profiles().config().profiles().get(c.profile());
            given = profile == null ? null : profile.graphEndpoint();
        }
        return url(given, c.cloud().graphBase(), "--graph-endpoint, PCX_GRAPH_ENDPOINT or the profile's graphEndpoint");
    }

    /** The Partner Center client for this invocation. */
    public PartnerCenter api() {
        if (api == null) {
            api = api(connection());
        }
        return api;
    }

    /** A Partner Center client for {@code c}, sharing this run's HTTP client. */
    public PartnerCenter api(Connection c) {
        if (!LOCALE.matcher(options.locale).matches()) {
            throw CliException.usage("'" + options.locale + "' is not a locale (examples: en-US, zh-CN)");
        }
        RetryListener retries = (method, path, cause, wait, attempt, max) -> {
            if (options.debug() || wait.compareTo(Duration.ofSeconds(2)) >= 0) {
                say(cause + " from " + method + " " + path + "; retrying in " + human(wait)
                        + " (attempt " + attempt + " of " + max + ")");
            }
        };
        ApiSettings settings = new ApiSettings(c.endpoint(), options.locale, "pcx/" + VersionProvider.version()
                + " (Java " + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")",
                correlationId, options.timeout, null, null, 5, sleeper, nanoTime, retries,
                options.debug() ? io.err()::println : null);
        return new PartnerCenter(settings, c.credentials().tokens(), http());
    }

    /**
     * Operations Partner Center allows only on a person's behalf (managed services, service
     * requests) stop here, before any call, when the credentials are app-only.
     */
    public void requireAppUser(String what) {
        Credentials.Source source = connection().credentials();
        if ("app-only".equals(source.kind())) {
            throw new AuthenticationException(what + " needs app+user credentials, and pcx is signed in app-only ("
                    + source.description() + ")", options.sandbox()
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
        return "pcx " + (options != null && options.sandbox() ? "--sandbox " : "") + rest;
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

    @Override
    public void close() {
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
