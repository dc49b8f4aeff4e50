package dev.pcx.cli.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.ApiException;
import dev.pcx.api.Graph;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.Customer;
import dev.pcx.api.model.DelegatedAdminRelationship;
import dev.pcx.auth.SignInException;
import dev.pcx.cli.Errors;
import dev.pcx.cli.GraphAccess;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.cli.TenantSignIn;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Whether the desk can reach one customer's tenant, each probe a real call, cheapest first, the
 * first that decides ending it (partner-center-api.md §11): the customer record in Partner Center
 * (the relationship, {@code allowDelegatedAccess}); a token for Graph in the customer's tenant from
 * the signed-in person's refresh token (Azure AD's code says what is missing); one Graph read there
 * (the service health overview: a role that may read it, or a 403). GDAP relationships (global) are
 * read once for every customer, in the partner's tenant, and handed in.
 */
final class AccessProbe {
    private final PartnerCenter api;
    private final GraphAccess graph;
    /** Every customer's GDAP relationships by tenant id (lower case); null where they are not read (21Vianet, or unreadable). */
    private final Map<String, List<DelegatedAdminRelationship>> gdap;
    private final Instant now;
    private final Duration expiringWithin;
    private final boolean global;
    private final UnaryOperator<String> pcx;
    private final UnaryOperator<String> consentUrl;

    /**
     * @param consentUrl the admin-consent URL for a tenant id
     */
    AccessProbe(PartnerCenter api, GraphAccess graph, Map<String, List<DelegatedAdminRelationship>> gdap, Instant now,
                Duration expiringWithin, boolean global, UnaryOperator<String> pcx, UnaryOperator<String> consentUrl) {
        this.api = api;
        this.graph = graph;
        this.gdap = gdap;
        this.now = now;
        this.expiringWithin = expiringWithin;
        this.global = global;
        this.pcx = pcx;
        this.consentUrl = consentUrl;
    }

    CustomerAccess check(Customer listed) {
        return graph.once(listed.tenantId(), () -> probe(listed));
    }

    private CustomerAccess probe(Customer listed) {
        String id = listed.tenantId();
        String name = ResolvedCustomer.of(listed).label();
        List<DelegatedAdminRelationship> relationships = gdap == null ? null
                : gdap.getOrDefault(id.toLowerCase(Locale.ROOT), List.of());
        Gdap g = Gdap.of(relationships, now, expiringWithin);
        Line line = new Line(listed, relationships, g);
        // 1. the customer record (read already when -c named it)
        Customer full;
        try {
            full = listed.allowDelegatedAccess() != null ? listed : api.customers().get(id);
        } catch (ApiException e) {
            if (e.status() == 404 || e.status() == 403) {
                return line.with(null, null, CustomerAccess.LOST, "Partner Center answers " + e.status()
                        + " for this customer: the reseller relationship is gone", relationshipFix(name));
            }
            return line.unknown(Errors.classify(e).message());
        } catch (RuntimeException e) {
            return line.unknown(Errors.classify(e).message());
        }
        line = new Line(full, relationships, g);
        String relationship = full.relationshipToPartner() == null ? null : full.relationshipToPartner().value();
        if (relationship != null && relationship.equalsIgnoreCase("none")) {
            return line.with(null, null, CustomerAccess.LOST, "the customer has no relationship to you in Partner Center",
                    relationshipFix(name));
        }
        // 2. a token in the customer's tenant, 3. one Graph read there
        try {
            Graph.Tenant tenant = graph.tenant(id, name);
            tenant.get(tenant.url("admin/serviceAnnouncement/healthOverviews"), JsonNode.class);
        } catch (SignInException s) {
            String code = s.codes().isEmpty() ? "" : " (AADSTS" + s.codes().get(0) + ")";
            return switch (TenantSignIn.Reach.of(s)) {
                case LOST -> line.with(null, null, CustomerAccess.LOST, "the signed-in user is not in the customer's "
                        + "tenant: no delegated admin there" + code + g.lostCause(), delegationFix(name));
                case NEEDS_CONSENT -> line.with("missing", null, CustomerAccess.NEEDS_CONSENT, "the application is "
                        + "not consented, or unknown, in the customer's tenant" + code,
                        "'" + pcx.apply("customers consent -c " + id) + "', or the customer's admin grants it: "
                                + consentUrl.apply(id));
                case BLOCKED -> line.with(null, null, CustomerAccess.BLOCKED, "multifactor authentication or "
                        + "conditional access in the customer's tenant demands an interactive sign-in" + code,
                        "sign in again with MFA ('" + pcx.apply("auth login") + "'), or the customer excludes "
                                + "service provider access from the policy");
                default -> line.unknown("the sign-in in the customer's tenant was refused" + code + ": "
                        + s.getMessage());
            };
        } catch (ApiException e) {
            if (e.status() == 403) {
                return line.with("granted", "missing", CustomerAccess.PARTIAL, "a token, but the signed-in user has "
                        + "no role there that reads service health (Microsoft Graph answers 403)",
                        "give the user's GDAP relationship (or DAP group) Service Support Administrator or Global "
                                + "Reader in the customer's tenant");
            }
            return line.unknown(Errors.classify(e).message());
        } catch (RuntimeException e) {
            return line.unknown(Errors.classify(e).message());
        }
        if (g.expiring()) {
            return line.with("granted", "ok", CustomerAccess.OK, "the GDAP relationship ends " + g.end().date()
                    + " and does not extend itself", "extend it, or create a new one, in Partner Center before then");
        }
        return line.with("granted", "ok", CustomerAccess.OK, global && relationships != null && g.end() == null
                ? "reached, with no active GDAP relationship (through DAP)" : null, null);
    }

    private String relationshipFix(String name) {
        return "send " + name + " the reseller relationship request link ('" + pcx.apply("customers invite") + "')";
    }

    private String delegationFix(String name) {
        return global ? "ask " + name + " to approve a GDAP relationship (Partner Center: Customers > " + name
                + " > Admin relationships > Request admin relationship)"
                : "the customer's admin must give you delegated administration again (in 21Vianet GDAP is unconfirmed; "
                + "the reseller relationship link of 'pcx customers invite' does not give it)";
    }

    /** What the customer's GDAP relationships say: the latest end of an active one, and whether access ends soon. */
    record Gdap(ApiDate end, boolean expiring, DelegatedAdminRelationship lastEnded) {
        static Gdap of(List<DelegatedAdminRelationship> relationships, Instant now, Duration within) {
            if (relationships == null) {
                return new Gdap(null, false, null);
            }
            DelegatedAdminRelationship latest = relationships.stream().filter(r -> r.activeAt(now))
                    .max(Comparator.comparing(r -> r.endDateTime() == null || r.endDateTime().instant() == null
                            ? Instant.MAX : r.endDateTime().instant())).orElse(null);
            DelegatedAdminRelationship ended = relationships.stream().filter(r -> !r.activeAt(now) && r.endDateTime() != null
                    && r.endDateTime().instant() != null).max(Comparator.comparing(r -> r.endDateTime().instant())).orElse(null);
            if (latest == null) {
                return new Gdap(null, false, ended);
            }
            boolean anyExtends = relationships.stream().anyMatch(r -> r.activeAt(now) && r.autoExtends());
            ApiDate end = latest.endDateTime();
            boolean soon = end != null && end.instant() != null && !anyExtends
                    && end.instant().isBefore(now.plus(within));
            return new Gdap(end, soon, ended);
        }

        String lostCause() {
            return lastEnded == null ? "" : "; its GDAP relationship '" + lastEnded.displayName() + "' ended "
                    + lastEnded.endDateTime().date();
        }
    }

    /** A line being built: the customer as known so far, and its GDAP facts. */
    private record Line(Customer c, List<DelegatedAdminRelationship> relationships, Gdap g) {
        CustomerAccess with(String consent, String role, String verdict, String cause, String fix) {
            String relationship = c.relationshipToPartner() == null ? null : c.relationshipToPartner().value();
            return new CustomerAccess(c.tenantId(), c.companyName(), c.domain(), relationship, c.allowDelegatedAccess(),
                    consent, role, g.end(), relationships == null ? null : g.expiring(), relationships, verdict, cause, fix);
        }

        CustomerAccess unknown(String why) {
            return with(null, null, CustomerAccess.UNKNOWN, why, "try again; '--debug' shows the calls");
        }
    }
}
