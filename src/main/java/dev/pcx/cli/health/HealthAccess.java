package dev.pcx.cli.health;

import dev.pcx.api.ApiException;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Graph;
import dev.pcx.api.ServiceAnnouncements;
import dev.pcx.api.TokenSource;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.SignInException;
import dev.pcx.auth.TenantTokens;
import dev.pcx.cli.Context;
import dev.pcx.cli.TenantSignIn;
import okhttp3.HttpUrl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

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
    private final UnaryOperator<String> pcx;

    private HealthAccess(TenantTokens tokens, Graph graph, UnaryOperator<String> pcx) {
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
        Credentials.Source source = context.connections().connection().credentials();
        if (!(source.tokens() instanceof TenantTokens graphTokens)) {
            throw new AuthenticationException("service health needs a Microsoft Graph token issued in each tenant, and "
                    + "pcx cannot get one from " + source.description() + " (a token for one audience, in one tenant)",
                    "sign in with '" + context.pcx("auth login") + "' or set PCX_REFRESH_TOKEN (with PCX_CLIENT_ID and PCX_TENANT_ID) "
                            + "instead of PCX_ACCESS_TOKEN");
        }
        HttpUrl base = context.connections().graphEndpoint();
        return new HealthAccess(graphTokens, new Graph(context.settings(base), context.http(base)), context::pcx);
    }

    /** Graph in the partner's own tenant, for {@code pcx api --graph}. */
    public Graph.Tenant partnerTenant() {
        return graph.tenant("your partner tenant", byTenant.computeIfAbsent("", t -> tokens.graph(null)));
    }

    /** Service health in {@code tenantId} (null: the partner's own tenant), named {@code label} in messages. */
    ServiceAnnouncements tenant(String tenantId, String label) {
        TokenSource source = byTenant.computeIfAbsent(tenantId == null ? "" : tenantId,
                t -> tokens.graph(tenantId));
        return new ServiceAnnouncements(graph.tenant(tenantId == null ? "your partner tenant" : label + "'s tenant",
                source));
    }

    /**
     * What a failure in a tenant means, said for a person, with its exit code: a refused sign-in
     * there by the one table of sign-in failures, a 403 as the missing admin role; everything else
     * as the classifier words it (the exception names Graph and the tenant).
     */
    RuntimeException explain(RuntimeException e, String tenantId, String label) {
        String where = tenantId == null ? "your partner tenant" : label + "'s tenant";
        if (e instanceof SignInException s) {
            return new TenantSignIn(where, tenantId == null ? "that tenant" : label, "Microsoft Graph",
                    "to read service health (ServiceHealth.Read.All)", "in Partner Center")
                    .explain(s, pcx.apply("auth login"));
        }
        if (e instanceof ApiException a && a.status() == 403) {
            return a.meaning("the signed-in user has no admin role in " + where + " that may read service health",
                    "a delegated admin role such as Service Support Administrator or Global Reader is needed");
        }
        return e;
    }
}
