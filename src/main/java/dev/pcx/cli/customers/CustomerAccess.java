package dev.pcx.cli.customers;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.DelegatedAdminRelationship;
import dev.pcx.output.Column;

import java.util.List;

/**
 * One customer's line in {@code pcx customers access}: whether the desk can reach its tenant, as
 * the probes found it, and the one fix. Customer fields carry Partner Center's names; {@code gdap}
 * holds the customer's GDAP relationships as Graph sent them (global; null where they were not read).
 *
 * @param consent  {@code granted}, {@code missing}, or null when the probes stopped before it was known
 * @param role     {@code ok} (a role that reads service health), {@code missing}, or null likewise
 * @param gdapEnd  the latest end of an active GDAP relationship, or null
 * @param expiring whether access ends within --expiring-within (an active GDAP relationship that does not extend itself)
 */
@JsonPropertyOrder({"tenantId", "companyName", "domain", "relationshipToPartner", "allowDelegatedAccess", "consent", "role",
    "gdapEnd", "expiring", "gdap", "verdict", "cause", "fix"})
record CustomerAccess(String tenantId, String companyName, String domain, String relationshipToPartner,
                      Boolean allowDelegatedAccess, String consent, String role, ApiDate gdapEnd, Boolean expiring,
                      List<DelegatedAdminRelationship> gdap, String verdict, String cause, String fix) {
    static final String OK = "ok";
    static final String PARTIAL = "partial";
    static final String NEEDS_CONSENT = "needs-consent";
    static final String BLOCKED = "blocked";
    static final String LOST = "lost";
    static final String UNKNOWN = "unknown";

    static String yesNo(Boolean b) {
        return b == null ? null : b ? "yes" : "no";
    }

    static final List<Column<CustomerAccess>> COLUMNS = List.of(
            Column.shrinking("Customer", CustomerAccess::companyName),
            Column.<CustomerAccess>of("Domain", CustomerAccess::domain).optional(4),
            Column.<CustomerAccess>of("Relationship", CustomerAccess::relationshipToPartner).optional(3),
            Column.<CustomerAccess>of("Delegated", a -> yesNo(a.allowDelegatedAccess())).optional(2),
            Column.of("Consent", CustomerAccess::consent),
            Column.of("Role", CustomerAccess::role),
            Column.<CustomerAccess>of("GDAP ends", a -> a.gdapEnd() == null ? null : a.gdapEnd().iso())
                    .shown(a -> a.gdapEnd() == null ? null : a.gdapEnd().date()
                            + (Boolean.TRUE.equals(a.expiring()) ? " !" : "")).optional(1),
            Column.of("Verdict", CustomerAccess::verdict),
            Column.<CustomerAccess>below("Cause", CustomerAccess::cause)
                    .shown(a -> a.cause() == null ? null : a.cause() + (a.fix() == null ? "" : "; fix: " + a.fix())),
            Column.<CustomerAccess>of("Fix", CustomerAccess::fix).machineOnly(),
            Column.<CustomerAccess>of("Tenant id", CustomerAccess::tenantId).optional(5));
}
