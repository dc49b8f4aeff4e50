package dev.pcx.cli;

import dev.pcx.api.ApiException;
import dev.pcx.api.AuthenticationException;
import dev.pcx.api.Graph;
import dev.pcx.api.ServiceAnnouncements;
import dev.pcx.api.TokenSource;
import dev.pcx.auth.Credentials;
import dev.pcx.auth.SignInException;
import dev.pcx.auth.TenantTokens;
import okhttp3.HttpUrl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How pcx reaches Microsoft Graph in a customer's tenant (partner-center-api.md §5.2), for service
 * health or for seats: a person's refresh token redeemed in that tenant, one token source per
 * tenant for the run, one Graph client sharing the run's transport, retries and throttle gate.
 * Turns what can go wrong in a tenant into a message that names what is missing there for what the
 * command reads, with its exit code.
 */
public final class GraphAccess {
    /**
     * What a command reads with Graph in a tenant, as its messages say it: {@code reading} ("service
     * health"), the {@code permission} the application needs, and the {@code role} the person needs there.
     */
    public record Purpose(String reading, String permission, String role) {
        public static final Purpose SERVICE_HEALTH = new Purpose("service health", "ServiceHealth.Read.All",
                "a delegated admin role such as Service Support Administrator or Global Reader");
        public static final Purpose SEATS = new Purpose("licence seats", "LicenseAssignment.Read.All or Organization.Read.All",
                "a delegated admin role such as Global Reader or Directory Readers");
        public static final Purpose GDAP = new Purpose("GDAP relationships", "DelegatedAdminRelationship.Read.All",
                "a role in your partner tenant that reads GDAP relationships");
    }

    private final Purpose purpose;
    private final TenantTokens tokens;
    private final Graph graph;
    private final Map<String, TokenSource> byTenant = new ConcurrentHashMap<>();

    /** How this run's hints name a command ({@code pcx --sandbox ...} on the sandbox). */
    private final UnaryOperator<String> pcx;

    private GraphAccess(Purpose purpose, TenantTokens tokens, Graph graph, UnaryOperator<String> pcx) {
        this.purpose = purpose;
        this.tokens = tokens;
        this.graph = graph;
        this.pcx = pcx;
    }

    /**
     * Checks, before any call, that the credentials can be a person in other tenants: app-only
     * credentials and a bare {@code PCX_ACCESS_TOKEN} cannot.
     */
    public static GraphAccess of(Context context, Purpose purpose) {
        context.requireAppUser(purpose.reading() + " (Microsoft Graph in each tenant, as a person with an admin role there)");
        Credentials.Source source = context.connections().connection().credentials();
        if (!(source.tokens() instanceof TenantTokens graphTokens)) {
            throw new AuthenticationException(purpose.reading() + " needs a Microsoft Graph token issued in each tenant, and "
                    + "pcx cannot get one from " + source.description() + " (a token for one audience, in one tenant)",
                    "sign in with '" + context.pcx("auth login") + "' or set PCX_REFRESH_TOKEN (with PCX_CLIENT_ID and PCX_TENANT_ID) "
                            + "instead of PCX_ACCESS_TOKEN");
        }
        HttpUrl base = context.connections().graphEndpoint();
        return new GraphAccess(purpose, graphTokens, new Graph(context.settings(base), context.http(base)), context::pcx);
    }

    /** Graph in the partner's own tenant, for {@code pcx api --graph}. */
    public Graph.Tenant partnerTenant() {
        return graph.tenant("your partner tenant", byTenant.computeIfAbsent("", t -> tokens.graph(null)));
    }

    /** Graph in {@code tenantId} (null: the partner's own tenant), named {@code label} in messages. */
    public Graph.Tenant tenant(String tenantId, String label) {
        TokenSource source = byTenant.computeIfAbsent(tenantId == null ? "" : tenantId,
                t -> tokens.graph(tenantId));
        return graph.tenant(tenantId == null ? "your partner tenant" : label + "'s tenant", source);
    }


    /** Where a person finds out what is missing in {@code tenantId} and how to fix it. */
    public String accessHint(String tenantId) {
        return "see '" + pcx.apply("customers access -c " + tenantId) + "'";
    }

    /**
     * {@code work} on a tenant a fan-out reads once, then lets go of what was kept for it (its token
     * source): over thousands of customers, keeping every tenant's tokens to the end was most of the memory.
     */
    public <T> T once(String tenantId, Supplier<T> work) {
        try {
            return work.get();
        } finally {
            byTenant.remove(tenantId == null ? "" : tenantId);
        }
    }

    /** Service health in {@code tenantId} (null: the partner's own tenant), named {@code label} in messages. */
    public ServiceAnnouncements health(String tenantId, String label) {
        return new ServiceAnnouncements(tenant(tenantId, label));
    }

    /**
     * What a failure in a tenant means, said for a person, with its exit code: a refused sign-in
     * there by the one table of sign-in failures, a 403 as the missing admin role; everything else
     * as the classifier words it (the exception names Graph and the tenant).
     */
    public RuntimeException explain(RuntimeException e, String tenantId, String label) {
        return explain(purpose, e, tenantId, label);
    }

    /**
     * Why a tenant could not be read, in one line for a person: what a fan-out shows for a customer it
     * could not check, without failing.
     */
    public String reason(RuntimeException e, String tenantId, String label) {
        return reason(purpose, e, tenantId, label);
    }

    /** As {@link #reason(RuntimeException, String, String)}, for a read of what {@code read} names. */
    public String reason(Purpose read, RuntimeException e, String tenantId, String label) {
        return Errors.classify(explain(read, e, tenantId, label)).message();
    }

    /** As {@link #explain(RuntimeException, String, String)}, for a read of what {@code read} names (GDAP relationships). */
    public RuntimeException explain(Purpose read, RuntimeException e, String tenantId, String label) {
        String where = tenantId == null ? "your partner tenant" : label + "'s tenant";
        // a customer's tenant: where to see everything that is missing there, and its fix
        String seeAlso = tenantId == null ? "" : "; " + accessHint(tenantId);
        if (e instanceof SignInException s) {
            RuntimeException said = new TenantSignIn(where, tenantId == null ? "that tenant" : label, "Microsoft Graph",
                    "to read " + read.reading() + " (" + read.permission() + ")", "in Partner Center")
                    .explain(s, pcx.apply("auth login"));
            return said instanceof CliException c && !seeAlso.isEmpty()
                    ? new CliException(c.exitCode(), c.getMessage() + seeAlso) : said;
        }
        if (e instanceof ApiException a && a.status() == 403) {
            return a.meaning("the signed-in user has no admin role in " + where + " that may read " + read.reading(),
                    read.role() + " is needed" + seeAlso);
        }
        return e;
    }
}
