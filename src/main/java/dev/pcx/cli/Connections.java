package dev.pcx.cli;

import dev.pcx.api.AuthenticationException;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.Cloud;
import dev.pcx.auth.Credential;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.Flow;
import dev.pcx.auth.LocalStateException;
import dev.pcx.auth.Profile;
import dev.pcx.auth.ProfileStore;
import dev.pcx.sandbox.SandboxIdentity;
import okhttp3.HttpUrl;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The endpoint and credential policy, in one place: which cloud, API, sign-in and Graph endpoints a
 * command line talks to, and as whom (credentials from the environment first, then the profile, or
 * the sandbox's own), from the global options of that line and the local state.
 */
public final class Connections {
    /** The profile {@code pcx --sandbox auth login} writes unless told another name. */
    public static final String SANDBOX_PROFILE = "sandbox";

    private final Session session;
    private final GlobalOptions options;
    /** What a connection is resolved from: every option read to resolve one is read from here. */
    private final Connection.Key key;
    private final Function<HttpUrl, AadClient> aad;

    Connections(Session session, GlobalOptions options, Function<HttpUrl, AadClient> aad) {
        this.session = session;
        this.options = options;
        this.key = Connection.Key.of(options);
        this.aad = aad;
    }

    /** {@code --cloud} (or {@code PCX_CLOUD}) when given, else null. */
    public Cloud explicitCloud() {
        if (key.cloud() == null || key.cloud().isBlank()) {
            return null;
        }
        try {
            return Cloud.parse(key.cloud());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage() + " (--cloud or PCX_CLOUD)");
        }
    }

    /** The profile name this run uses: {@code --profile}, else the current one (with --sandbox: {@value SANDBOX_PROFILE}). */
    public String profileName() {
        return profileName(() -> session.profiles().config());
    }

    /** As {@link #profileName()}, reading the profiles only when the name depends on them. */
    private String profileName(Supplier<ProfileStore.Config> config) {
        if (key.profile() != null) {
            return key.profile();
        }
        return key.sandbox() ? SANDBOX_PROFILE : config.get().currentOrDefault();
    }

    /** The cloud, API and sign-in endpoints a new sign-in goes to (the sandbox's with --sandbox). */
    public Target target() {
        Cloud cloud = explicitCloud() != null ? explicitCloud() : Cloud.CHINA;
        if (key.sandbox()) {
            HttpUrl url = HttpUrl.get(session.sandbox().baseUrl());
            return new Target(cloud, url, url, true);
        }
        return new Target(cloud, url(key.endpoint(), cloud.apiBase(), "--endpoint or PCX_ENDPOINT"),
                url(key.authority(), cloud.authority(), "--authority or PCX_AUTHORITY"), false);
    }

    /**
     * Where this command line talks to and as whom: the environment's credentials, else the
     * profile's. Resolved once per session for the same {@link Connection.Key}, so a shell reuses its tokens.
     */
    public Connection connection() {
        return session.connection(key, () -> {
            Cloud explicit = explicitCloud();
            Target target = target();
            Credentials.Source env = Credentials.fromEnvironment(session.env(), target.cloud(),
                    () -> aad.apply(target.authority()), session.clock());
            return env != null ? new Connection(target.cloud(), target.endpoint(), target.authority(), env, null)
                    : fromProfile(explicit, target);
        });
    }

    private Connection fromProfile(Cloud explicit, Target target) {
        String name;
        Profile profile;
        try {
            ProfileStore.Config config = session.profiles().config();
            name = profileName(() -> config);
            profile = config.profiles().get(name);
        } catch (LocalStateException e) {
            throw new AuthenticationException(e.getMessage(), null);
        }
        if (target.sandbox()) {
            if (profile != null && profile.isSandbox()) {
                return profileConnection(name, profile);
            }
            if (key.profile() != null) {
                throw new AuthenticationException("there is no sandbox profile '" + name + "'",
                        "run 'pcx --sandbox auth login --profile " + name + "', or leave --profile out");
            }
            // the sandbox's application, signed in as its built-in person (app+user), so that what
            // only a person may do (managed services, service health) works on the sandbox too
            Credential person = new Credential.RefreshToken(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID,
                    session.sandbox().personRefreshToken(), SandboxIdentity.CLIENT_SECRET, Flow.REFRESH_TOKEN);
            return new Connection(target.cloud(), target.endpoint(), target.authority(),
                    Credentials.inMemory(person, target.cloud(), () -> aad.apply(target.authority()), session.clock(),
                            "the sandbox's application and person"), null);
        }
        if (profile == null) {
            throw new AuthenticationException("not signed in" + (key.profile() != null || !name.equals(ProfileStore.DEFAULT_PROFILE)
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
        return connectionFor(name, profile, cloud, key.endpoint(), key.authority());
    }

    /** The profile's cloud, once its fields are known to be usable; a hand-edited profile is refused with the fix. */
    private Cloud checked(String name, Profile profile) {
        String fix = "fix " + session.profiles().configFile() + ", or sign the profile in again with 'pcx auth login"
                + (ProfileStore.DEFAULT_PROFILE.equals(name) ? "" : " --profile " + name) + "'";
        if (profile.tenant() == null || profile.tenant().isBlank() || profile.clientId() == null
                || profile.clientId().isBlank()) {
            throw new AuthenticationException("profile '" + name + "' has no tenant or client id", fix);
        }
        Cloud cloud;
        try {
            cloud = profile.cloudKind();
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("profile '" + name + "' names an unknown cloud '" + profile.cloud() + "'", fix);
        }
        Flow flow = profile.flowKind();
        if (flow == null) {
            throw new AuthenticationException("profile '" + name + "' has " + (profile.flow() == null ? "no sign-in flow"
                    : "an unknown sign-in flow '" + profile.flow() + "'") + " (field flow: device_code, refresh_token, "
                    + "client_secret or certificate)", fix);
        }
        if (flow == Flow.CERTIFICATE && (profile.certificate() == null || profile.certificate().isBlank())) {
            throw new AuthenticationException("profile '" + name + "' signs in with a certificate but names no "
                    + "certificate file (field certificate)", fix);
        }
        return cloud;
    }

    /**
     * A stored profile's connection as the profile has it, without this run's --endpoint or
     * --authority: for {@code pcx auth status}, which checks every profile.
     */
    public Connection profileConnection(String name, Profile profile) {
        if (profile.isSandbox()) {
            Target t = target();
            return new Connection(t.cloud(), t.endpoint(), t.authority(), Credentials.fromProfile(session.profiles(), name,
                    profile, t.cloud(), () -> aad.apply(t.authority()), session.env(), session.clock()), name);
        }
        return connectionFor(name, profile, checked(name, profile), null, null);
    }

    /** A profile's connection, {@code endpoint} and {@code authority} (when given) overriding the profile's. */
    private Connection connectionFor(String name, Profile profile, Cloud cloud, String endpoint, String authority) {
        HttpUrl api = url(endpoint != null ? endpoint : profile.endpoint(), cloud.apiBase(),
                "--endpoint, PCX_ENDPOINT or the profile's endpoint");
        HttpUrl signIn = url(authority != null ? authority : profile.authority(), cloud.authority(),
                "--authority, PCX_AUTHORITY or the profile's authority");
        return new Connection(cloud, api, signIn, Credentials.fromProfile(session.profiles(), name, profile, cloud,
                () -> aad.apply(signIn), session.env(), session.clock()), name);
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
        String h = host.toLowerCase(Locale.ROOT);
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
        if (given == null && key.sandbox()) {
            return HttpUrl.get(session.sandbox().baseUrl());
        }
        Connection c = connection();
        if (given == null && c.profile() != null) {
            Profile profile = session.profiles().config().profiles().get(c.profile());
            given = profile == null ? null : profile.graphEndpoint();
        }
        return url(given, c.cloud().graphBase(), "--graph-endpoint, PCX_GRAPH_ENDPOINT or the profile's graphEndpoint");
    }

    /**
     * Azure Resource Manager's base, for Azure support tickets: {@code --arm-endpoint} (or
     * {@code PCX_ARM_ENDPOINT}), else the cloud's; with {@code --sandbox}, the sandbox itself.
     */
    public HttpUrl armEndpoint() {
        String given = options.armEndpoint();
        if (given == null && key.sandbox()) {
            return HttpUrl.get(session.sandbox().baseUrl());
        }
        return url(given, connection().cloud().armBase(), "--arm-endpoint or PCX_ARM_ENDPOINT");
    }

    /**
     * The application this command line signs in with: {@code PCX_CLIENT_ID}, else the profile's, else
     * the sandbox's with --sandbox; null when none is known (a bare {@code PCX_ACCESS_TOKEN}).
     */
    public String applicationId() {
        String app = session.env().get("PCX_CLIENT_ID");
        if (app != null && !app.isBlank()) {
            return app.trim();
        }
        Connection c = connection();
        if (c.profile() != null) {
            Profile p = session.profiles().config().profiles().get(c.profile());
            if (p != null && p.clientId() != null && !p.clientId().isBlank()) {
                return p.clientId().trim();
            }
        }
        return key.sandbox() ? SandboxIdentity.CLIENT_ID : null;
    }

    /** The admin-consent URL of this cloud's sign-in for the application, in {@code tenantId}'s tenant. */
    public String adminConsentUrl(String tenantId) {
        String app = applicationId();
        return connection().authority().newBuilder().addPathSegment(tenantId).addPathSegment("adminconsent")
                .addQueryParameter("client_id", app == null ? "<your application id>" : app).build().toString();
    }
}
