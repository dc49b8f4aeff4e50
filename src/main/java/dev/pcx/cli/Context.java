package dev.pcx.cli;

import dev.pcx.api.ApiSettings;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Json;
import dev.pcx.api.Pages;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.RetryListener;
import dev.pcx.api.Sleeper;
import dev.pcx.api.TokenSource;
import dev.pcx.auth.Cloud;
import dev.pcx.output.JqFilter;
import dev.pcx.output.Output;
import dev.pcx.output.OutputFormat;
import dev.pcx.output.RecordPrinter;
import dev.pcx.sandbox.SandboxServer;
import okhttp3.HttpUrl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * What a command may use, built lazily so that {@code --help} or a usage error opens no socket:
 * the streams, the environment, the global options, the output, the API client, the config
 * directory. One per invocation; {@link #close()} releases what was opened.
 */
public final class Context implements AutoCloseable {
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    static final String SANDBOX_TOKEN = "sandbox";

    private final Io io;
    private final Map<String, String> env;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private PcxCommand options;
    private Output output;
    private PartnerCenter api;
    private SandboxServer sandbox;

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
        return options.debug;
    }

    /** A message for the person at the terminal, on stderr. */
    public void warn(String message) {
        io.err().println("pcx: " + message);
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
            boolean color = io.stdoutTty() && !options.noColor && !"dumb".equals(env.get("TERM"));
            output = new Output(format, jq, Json.mapper(), io.out(), io.terminalWidth(), color);
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
        return pages.forEach(limit, printer::print, () -> {
            printer.flush();
            return !io.out().checkError();
        });
    }

    public Cloud cloud() {
        try {
            return Cloud.parse(options.cloud);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + " (--cloud or PCX_CLOUD)");
        }
    }

    /** {@code $PCX_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/pcx}, else {@code ~/.config/pcx}. */
    public Path configDir() {
        String dir = env.get("PCX_CONFIG_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "pcx");
        }
        return Path.of(System.getProperty("user.home"), ".config", "pcx");
    }

    /** The Partner Center client for this invocation, against the sandbox when {@code --sandbox}. */
    public PartnerCenter api() {
        if (api == null) {
            Cloud cloud = cloud();
            if (!LOCALE.matcher(options.locale).matches()) {
                throw CliException.usage("'" + options.locale + "' is not a locale (examples: en-US, zh-CN)");
            }
            HttpUrl base;
            TokenSource tokens;
            if (options.sandbox) {
                try {
                    sandbox = SandboxServer.startInProcess(configDir().resolve("sandbox"));
                } catch (IllegalStateException e) {
                    throw CliException.usage(e.getMessage());
                }
                base = HttpUrl.get(sandbox.baseUrl());
                tokens = () -> SANDBOX_TOKEN;
            } else {
                base = endpoint(cloud);
                tokens = environmentToken(cloud);
            }
            RetryListener retries = (method, path, cause, wait, attempt, max) -> {
                if (options.debug || wait.compareTo(Duration.ofSeconds(2)) >= 0) {
                    warn(cause + " from " + method + " " + path + "; retrying in " + human(wait)
                            + " (attempt " + attempt + " of " + max + ")");
                }
            };
            ApiSettings settings = new ApiSettings(base, options.locale, "pcx/" + VersionProvider.version()
                    + " (Java " + System.getProperty("java.version") + "; " + System.getProperty("os.name") + ")",
                    UUID.randomUUID().toString(), options.timeout, null, null, 5, sleeper, nanoTime, retries,
                    options.debug ? io.err()::println : null);
            api = new PartnerCenter(settings, tokens);
        }
        return api;
    }

    private HttpUrl endpoint(Cloud cloud) {
        String url = options.endpoint != null && !options.endpoint.isBlank() ? options.endpoint : cloud.apiBase();
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw CliException.usage("'" + url + "' is not an http(s) URL (--endpoint or PCX_ENDPOINT)");
        }
        return parsed;
    }

    private TokenSource environmentToken(Cloud cloud) {
        String token = env.get("PCX_ACCESS_TOKEN");
        return () -> {
            if (token == null || token.isBlank()) {
                throw new AuthenticationException("not signed in to Partner Center",
                        "set PCX_ACCESS_TOKEN to an access token for " + cloud.resource()
                                + ", or try pcx on its sandbox with --sandbox");
            }
            return token.trim();
        };
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
