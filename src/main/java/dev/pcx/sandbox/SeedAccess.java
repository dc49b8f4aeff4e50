package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How the partner reaches each customer's tenant beyond the sign-in ({@link SeedHealth#access}), as
 * pure functions of the customer's index: the application consents seeded in its tenant
 * (partner-center-api.md §11.1) and its GDAP relationships (§11.3), whose dates are relative to
 * the sandbox's date, as the renewal terms are ({@link SeedSubscriptions}).
 */
final class SeedAccess {
    /** The enterprise application ids of the resources a consent grants: Microsoft Graph, Azure Resource Manager. */
    static final String GRAPH_APP = "00000003-0000-0000-c000-000000000000";
    static final String ARM_APP = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

    /** Entra built-in role template ids the seeded relationships grant. */
    static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    static final String SERVICE_SUPPORT_ADMINISTRATOR = "f023fd81-a637-4b56-95fd-791ac0226033";
    static final String CLOUD_APPLICATION_ADMINISTRATOR = "158c047a-c907-4556-b7ef-446551a6b5f7";
    static final String DIRECTORY_READERS = "88d8e3e3-8f55-4a1e-953a-9b9898b8876b";
    static final String PASSWORD_ADMINISTRATOR = "966707d0-3269-4727-9be2-8c3a10f19b9d";
    static final String GUEST_INVITER = "95e79109-95c0-4d8e-aee3-d01accf2d47b";

    /** The roles of a relationship that reads service health and licences, and may consent applications. */
    static final List<String> ADMIN_ROLES = List.of(GLOBAL_READER, SERVICE_SUPPORT_ADMINISTRATOR,
            CLOUD_APPLICATION_ADMINISTRATOR, DIRECTORY_READERS);
    /** The roles of a relationship that reads neither service health nor licences. */
    static final List<String> OTHER_ROLES = List.of(PASSWORD_ADMINISTRATOR, GUEST_INVITER);

    /** The sandbox's indirect provider, of the relationships made through one. */
    static final String INDIRECT_PROVIDER = SeedData.uuid("indirect-provider", 0);

    /** What a customer's GDAP relationships amount to. */
    enum Gdap {
        /** Active, ending in about two years, extended by itself (P180D). */
        ACTIVE,
        /** Active, ending 10 days after the sandbox's date, not extended (PT0S). */
        EXPIRING,
        /** Ended 20 days before the sandbox's date: status {@code expired}. */
        EXPIRED,
        /** Active, but with roles that read neither service health nor licences. */
        MISSING_ROLE,
        /** No relationship at all. */
        NONE
    }

    private SeedAccess() {
    }

    /**
     * Customers without delegated access have an expired relationship, or (every other one: the
     * relationship is gone, {@code relationshipToPartner} none) none; Guangzhou Nanfang's (9) lacks
     * the roles; advisors and one customer in eight from Contoso 中国 (4) have none (delegated admin
     * without GDAP); one in ten from Fabrikam (2) ends in 10 days; the rest are active.
     */
    static Gdap gdap(int index) {
        SeedHealth.Access access = SeedHealth.access(index);
        if (access == SeedHealth.Access.NO_RELATIONSHIP) {
            return (index / 11) % 2 == 0 ? Gdap.EXPIRED : Gdap.NONE;
        }
        if (access == SeedHealth.Access.NO_ADMIN_ROLE) {
            return Gdap.MISSING_ROLE;
        }
        if (index % 17 == 13 || index % 8 == 4) {
            return Gdap.NONE;
        }
        return index % 10 == 2 ? Gdap.EXPIRING : Gdap.ACTIVE;
    }

    /**
     * Customer {@code index}'s GDAP relationships on {@code today}, oldest first: the one of
     * {@link #gdap}, and before it, for one active customer in six from 3, an older terminated one.
     */
    static List<ObjectNode> relationships(int index, LocalDate today) {
        Gdap kind = gdap(index);
        List<ObjectNode> all = new ArrayList<>();
        if (kind == Gdap.NONE) {
            return all;
        }
        Instant midday = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
        if (kind == Gdap.ACTIVE && index % 6 == 3) {
            Instant activated = midday.minus(Duration.ofDays(900 + index % 50));
            all.add(relationship(index, 1, "terminated", "P365D", "PT0S", activated, activated.plus(Duration.ofDays(365)),
                    List.of(DIRECTORY_READERS), false));
        }
        switch (kind) {
            case EXPIRING -> {
                Instant end = today.plusDays(10).atTime(12, 0).toInstant(ZoneOffset.UTC);
                all.add(relationship(index, 0, "active", "P180D", "PT0S", end.minus(Duration.ofDays(180)), end,
                        ADMIN_ROLES, index % 5 == 1));
            }
            case EXPIRED -> {
                Instant end = midday.minus(Duration.ofDays(20));
                all.add(relationship(index, 0, "expired", "P365D", "PT0S", end.minus(Duration.ofDays(365)), end,
                        ADMIN_ROLES, false));
            }
            default -> {
                Instant activated = midday.minus(Duration.ofDays(100 + index % 300));
                all.add(relationship(index, 0, "active", "P730D", "P180D", activated,
                        activated.plus(Duration.ofDays(730)), kind == Gdap.MISSING_ROLE ? OTHER_ROLES : ADMIN_ROLES,
                        index % 5 == 1));
            }
        }
        return all;
    }

    /** Relationship {@code k} of customer {@code index}, in Graph's shape (partner-center-api.md §11.3). */
    private static ObjectNode relationship(int index, int k, String status, String duration, String autoExtend,
                                           Instant activated, Instant end, List<String> roles, boolean reseller) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("@odata.type", reseller ? "#microsoft.graph.resellerDelegatedAdminRelationship"
                : "#microsoft.graph.delegatedAdminRelationship");
        r.put("@odata.etag", "W/\"" + Integer.toHexString(0x6da00000 + index * 4 + k) + "\"");
        r.put("id", SeedData.uuid("gdap", index * 4 + k) + "-" + SeedData.uuid("gdap-request", index * 4 + k));
        String name = SeedData.named(index).name();
        r.put("displayName", k == 0 ? name + " admin relationship" : name + " first relationship");
        r.put("duration", duration);
        ObjectNode customer = r.putObject("customer");
        customer.put("tenantId", SeedData.tenantId(index));
        customer.put("displayName", name);
        ArrayNode unified = r.putObject("accessDetails").putArray("unifiedRoles");
        roles.forEach(role -> unified.addObject().put("roleDefinitionId", role));
        r.put("status", status);
        r.put("autoExtendDuration", autoExtend);
        Instant created = activated.minus(Duration.ofHours(2));
        r.put("createdDateTime", created.toString());
        Instant modified = status.equals("active") ? activated : end;
        r.put("lastModifiedDateTime", modified.toString());
        r.put("activatedDateTime", activated.toString());
        r.put("endDateTime", end.toString());
        if (reseller) {
            r.put("isPartnerConsentPending", false);
            r.put("indirectProviderTenantId", INDIRECT_PROVIDER);
        }
        return r;
    }

    /**
     * The application consents seeded in customer {@code index}'s tenant: the sandbox's application,
     * with Microsoft Graph (service health, licences) and Azure Resource Manager, wherever the
     * customer did not leave it out ({@link SeedHealth.Access#wantsConsent}).
     */
    static List<ObjectNode> consents(int index) {
        if (SeedHealth.access(index).wantsConsent()) {
            return List.of();
        }
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("applicationId", SandboxIdentity.CLIENT_ID);
        c.put("displayName", "pcx sandbox");
        ArrayNode grants = c.putArray("applicationGrants");
        ObjectNode graph = grants.addObject();
        graph.put("enterpriseApplicationId", GRAPH_APP);
        graph.put("scope", "ServiceHealth.Read.All,Organization.Read.All");
        ObjectNode arm = grants.addObject();
        arm.put("enterpriseApplicationId", ARM_APP);
        arm.put("scope", "user_impersonation");
        return List.of(c);
    }

    /** The enterprise application a consent must grant for a token of {@code resource} (a Graph or ARM base). */
    static String enterpriseApplication(String resource) {
        return SandboxIdentity.GRAPH_RESOURCES.contains(resource) ? GRAPH_APP : ARM_APP;
    }
}
