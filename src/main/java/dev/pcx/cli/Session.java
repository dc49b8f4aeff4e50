package dev.pcx.cli;

import dev.pcx.api.PartnerCenter;
import dev.pcx.api.RequestIds;
import dev.pcx.api.Sleeper;
import dev.pcx.auth.LocalStateException;
import dev.pcx.auth.ProfileStore;
import dev.pcx.output.DisplayWidth;
import dev.pcx.sandbox.SandboxServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What lives as long as the process (or a {@code pcx shell}): the streams and what is known about
 * them, the environment, the clock, one HTTP client whose connections every command shares, the
 * in-process sandbox, the local state, the progress line, and the connections already resolved (so
 * a second command on the same profile reuses its token). Built lazily: {@code --help} opens no socket.
 */
public final class Session implements AutoCloseable {
    private final Io io;
    private final Map<String, String> env;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Clock clock;
    private volatile String correlationId;
    private final Map<Connection.Key, Connection> connections = new ConcurrentHashMap<>();
    private OkHttpClient http;
    private OkHttpClient cleartext;
    private SandboxServer sandbox;
    private ProfileStore profiles;
    private Progress progress;

    public Session(Io io, Map<String, String> env, Sleeper sleeper, LongSupplier nanoTime) {
        this(io, env, sleeper, nanoTime, Clock.systemUTC());
    }

    /** A session on {@code clock}: the day "days left" counts from (tests fix it). */
    public Session(Io io, Map<String, String> env, Sleeper sleeper, LongSupplier nanoTime, Clock clock) {
        this.io = io;
        this.env = env;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.clock = clock;
    }

    public Io io() {
        return io;
    }

    public Map<String, String> env() {
        return env;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public LongSupplier nanoTime() {
        return nanoTime;
    }

    public Clock clock() {
        return clock;
    }

    /** {@code MS-CorrelationId}: one per process, or per shell. */
    public String correlationId() {
        // made on first use: a command that never calls a service (--help) needs none
        String id = correlationId;
        if (id == null) {
            synchronized (this) {
                if (correlationId == null) {
                    correlationId = RequestIds.next();
                }
                id = correlationId;
            }
        }
        return id;
    }

    /** The HTTP client for TLS: every command, the API and the sign-in share its connections. */
    public synchronized OkHttpClient http() {
        if (http == null) {
            http = PartnerCenter.baseClient(Duration.ofSeconds(10), Duration.ofSeconds(30), null, nanoTime);
        }
        return http;
    }

    /**
     * The client for {@code base}: {@link #http()} for https, and for plain http (a sandbox on
     * loopback, the only place pcx accepts it) a client without TLS at all, built without reading
     * the JDK's trust store or making an SSL context, which is a third of a command's start-up.
     * Each API client keeps to its base's scheme (links to elsewhere are refused), so one client
     * per base is enough.
     */
    public synchronized OkHttpClient http(HttpUrl base) {
        if (base.isHttps()) {
            return http();
        }
        if (cleartext == null) {
            cleartext = PartnerCenter.cleartextClient(Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
        return cleartext;
    }

    /** Cancels every call in flight, on either client. */
    public void cancelAll() {
        OkHttpClient h;
        OkHttpClient c;
        synchronized (this) {
            h = http;
            c = cleartext;
        }
        for (OkHttpClient client : new OkHttpClient[] {h, c}) {
            if (client != null) {
                client.dispatcher().cancelAll();
            }
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

    public synchronized ProfileStore profiles() {
        if (profiles == null) {
            profiles = new ProfileStore(configDir());
        }
        return profiles;
    }

    /** The in-process sandbox of {@code --sandbox}, started on first use. */
    public synchronized SandboxServer sandbox() {
        if (sandbox == null) {
            try {
                sandbox = SandboxServer.startInProcess(sandboxStateFile().getParent(), clock);
            } catch (LocalStateException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        return sandbox;
    }

    /** The progress line (live only when stderr is a terminal). */
    public synchronized Progress progress() {
        if (progress == null) {
            progress = new Progress(io.err(), io.stderrTty(), io.width(), nanoTime);
        }
        return progress;
    }

    /**
     * A failure that does not end the run (one fix of a batch): one whole line {@code pcx: ...} on
     * stderr, in every output format, so no reason, code or request id is lost to a table cell.
     */
    public void fail(String message) {
        say("pcx: " + message);
    }

    /** A message for the person at the terminal, on stderr, cleaned of terminal controls; clears the progress line first. */
    public void say(String message) {
        Progress p;
        synchronized (this) {
            p = progress;
        }
        if (p != null) {
            p.clear();
        }
        synchronized (io.err()) {
            io.err().println(DisplayWidth.clean(message));
        }
    }

    /** The connection resolved earlier for the same {@code key} (options that decide it), or a new one. */
    Connection connection(Connection.Key key, Supplier<Connection> resolve) {
        Connection known = connections.get(key);
        if (known != null) {
            return known;
        }
        Connection c = resolve.get();
        connections.putIfAbsent(key, c);
        return c;
    }

    /** Forgets resolved connections: after a sign-in or sign-out changed what a profile is. */
    public void forgetConnections() {
        connections.clear();
        synchronized (this) {
            profiles = null;
        }
    }

    @Override
    public void close() {
        OkHttpClient h;
        OkHttpClient c;
        SandboxServer s;
        synchronized (this) {
            h = http;
            c = cleartext;
            s = sandbox;
        }
        for (OkHttpClient client : new OkHttpClient[] {h, c}) {
            if (client != null) {
                client.dispatcher().executorService().shutdown();
                client.connectionPool().evictAll();
            }
        }
        if (s != null) {
            s.close();
        }
    }
}
