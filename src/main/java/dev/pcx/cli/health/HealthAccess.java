package dev.pcx.cli.health;

import dev.pcx.api.ApiException;
import dev.pcx.api.ApiSettings;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Graph;
import dev.pcx.api.ServiceAnnouncements;
import dev.pcx.api.TokenSource;
import dev.pcx.api.TransportException;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.SignInException;
import dev.pcx.auth.TenantTokens;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import okhttp3.HttpUrl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How pcx reaches Microsoft Graph's service health in a tenant (partner-center-api.md §5.2): a
 * person's refresh token redeemed in that tenant, one token source per tenant for the run, one
 * Graph client sharing the run's transport, retries and throttle gate. Turns what can go wrong in
 * a tenant into a message that names what is missing there, with its exit code.
 */
public final class HealthAccess {
    private final TenantTokens tokens;
    private final Graph graph;
    private final Map<String, TokenSource> byTenant = new ConcurrentHashMap<>();

    /** How this run's hints name a command ({@code pcx --sandbox ...} on the sandbox). */
    private final java.util.function.UnaryOperator<String> pcx;

    private HealthAccess(TenantTokens tokens, Graph graph, java.util.function.UnaryOperator<String> pcx) {
        this.tokens = tokens;
        this.graph = graph;
        this.pcx = pcx;
    }

    /**
     * Checks, before any call, that the credentials can be a person in other tenants: app-only
     * credentials and a bare {@code PCX_ACCESS_TOKEN} cannot.
     */
    public static HealthAccess of(Context context) {
        context.requireAppUser("service health (Microsoft Graph in each tenant, as a person with an admin role there)");
        Credentials.Source source = context.connection().credentials();
        if (!(source.tokens() instanceof TenantTokens graphTokens)) {
            throw new AuthenticationException("service health needs a Microsoft Graph token issued in each tenant, and "
                    + "pcx cannot get one from " + source.description() + " (a token for one audience, in one tenant)",
                    "sign in with '" + context.pcx("auth login") + "' or set PCX_REFRESH_TOKEN (with PCX_CLIENT_ID and PCX_TENANT_ID) "
                            + "instead of PCX_ACCESS_TOKEN");
        }
        ApiSettings pc = context.api().settings();
        HttpUrl base = context.graphEndpoint();
        ApiSettings settings = new ApiSettings(base, pc.locale(), pc.userAgent(), pc.correlationId(), pc.timeout(),
                pc.connectTimeout(), pc.readTimeout(), pc.maxAttempts(), pc.sleeper(), pc.nanoTime(),
                pc.retryListener(), pc.trace());
        return new HealthAccess(graphTokens, new Graph(settings, context.http(base)), context::pcx);
    }

    /** Graph in the partner's own tenant, for {@code pcx api --graph}. */
    public dev.pcx.api.Graph.Tenant partnerTenant() {
        return graph.tenant("your partner tenant", byTenant.computeIfAbsent("", t -> tokens.graph(null)));
    }

    /** Service health in {@code tenantId} (null: the partner's own tenant), named {@code label} in messages. */
    ServiceAnnouncements tenant(String tenantId, String label) {
        TokenSource source = byTenant.computeIfAbsent(tenantId == null ? "" : tenantId,
                t -> tokens.graph(tenantId));
        return new ServiceAnnouncements(graph.tenant(label, source));
    }

    /** What a failure in a tenant means, said for a person, with its exit code. */
    RuntimeException explain(RuntimeException e, String tenantId, String label) {
        String where = tenantId == null ? "your partner tenant" : label + "'s tenant";
        if (e instanceof SignInException s) {
            if (s.codes().contains(65001L)) {
                return new CliException(ExitCode.REFUSED, "the application is not consented in " + where
                        + " (AADSTS65001); an administrator of that tenant must grant it admin consent to read "
                        + "service health (ServiceHealth.Read.All)" + correlation(s));
            }
            if (s.codes().contains(50020L) || s.codes().contains(700016L)) {
                return new CliException(ExitCode.REFUSED, "the partner has no delegated-admin relationship with "
                        + (tenantId == null ? "that tenant" : label) + ": the signed-in " + (s.codes().contains(700016L) ? "application" : "user")
                        + " is unknown in " + where + " (AADSTS" + (s.codes().contains(700016L) ? "700016" : "50020")
                        + "); ask the customer to approve a delegated admin (GDAP) relationship in Partner Center"
                        + correlation(s));
            }
            return new AuthenticationException("sign-in to " + where + " for Microsoft Graph failed: " + s.getMessage()
                    + correlation(s), "sign in again with '" + pcx.apply("auth login") + "'");
        }
        if (e instanceof ApiException a) {
            String said = a.description() == null ? a.status() + (a.reason() == null ? "" : " " + a.reason())
                    : a.description();
            String code = a.faultCode() == null ? "" : " (" + a.faultCode() + ")";
            String id = a.requestId() == null ? "" : " (request id " + a.requestId() + ")";
            int status = a.status();
            if (status == 403) {
                return new CliException(ExitCode.REFUSED, "the signed-in user has no admin role in " + where
                        + " that may read service health (Microsoft Graph: " + said + ")" + id
                        + "; a delegated admin role such as Service Support Administrator or Global Reader is needed");
            }
            if (status == 404) {
                return CliException.notFound("not found in " + where + ": " + said + code + id);
            }
            if (status == 429 || status >= 500 && status != 501) {
                String wait = a.retryAfter() == null ? "" : "; Microsoft Graph asks to wait " + a.retryAfter().toSeconds()
                        + " s";
                return new CliException(ExitCode.UNAVAILABLE, (status == 429 ? "throttled by Microsoft Graph after "
                        + "retries" : "Microsoft Graph failed (" + status + ")") + " in " + where + ": " + said + code
                        + wait + id + "; retry later");
            }
            return new CliException(ExitCode.REFUSED, "Microsoft Graph refused the request in " + where + " ("
                    + status + "): " + said + code + " [" + a.method() + " " + a.path() + "]" + id);
        }
        if (e instanceof TransportException t) {
            return new CliException(ExitCode.UNAVAILABLE, t.getMessage() + " (Microsoft Graph, for " + where
                    + "); check the network and --graph-endpoint, or retry later");
        }
        return e;
    }

    private static String correlation(SignInException s) {
        return s.correlationId() == null ? "" : " (correlation id " + s.correlationId() + ")";
    }
}
