package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The sandbox's service health, as pure functions of a tenant's index (-1 for the partner): which
 * services a tenant has, the seeded issues (active and resolved, incidents and advisories, several
 * HTML posts each) and which tenants each hits, and how far the partner may reach into each
 * customer's tenant. Values are PascalCase, as Microsoft's own payloads send them, with one
 * camelCase status, as the documentation writes them.
 */
final class SeedHealth {
    /** The partner's own tenant. */
    static final int PARTNER = -1;

    record Service(String id, String name) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("Exchange", "Exchange Online"),
            new Service("SharePoint", "SharePoint Online"),
            new Service("microsoftteams", "Microsoft Teams"),
            new Service("OneDriveForBusiness", "OneDrive for Business"),
            new Service("OSDPPlatform", "Microsoft 365 suite"),
            new Service("OrgLiveID", "Identity Service"),
            new Service("Intune", "Microsoft Intune"),
            new Service("PowerBIcom", "Power BI"));

    /**
     * Graph's serviceHealthStatus values, worst first, as the sandbox (the service) ranks them: a
     * service's overview shows the worst status of its open issues.
     */
    private static final List<String> STATUSES = List.of("serviceInterruption", "serviceDegradation",
            "extendedRecovery", "restoringService", "investigating", "verifyingService", "confirmed", "reported",
            "mitigated", "mitigatedExternal", "investigationSuspended", "serviceRestored",
            "postIncidentReviewPublished", "resolved", "resolvedExternal", "falsePositive", "serviceOperational");

    /** How bad {@code status} is, 0 the worst, whatever its casing; a value Graph does not have ranks as investigationSuspended. */
    static int rank(String status) {
        for (int i = 0; i < STATUSES.size(); i++) {
            if (STATUSES.get(i).equalsIgnoreCase(status)) {
                return i;
            }
        }
        return STATUSES.indexOf("investigationSuspended");
    }

    /**
     * How far the partner's person reaches into a customer's tenant, and the sign-in code of
     * partner-center-api.md §11.4 its token endpoint answers when it does not.
     */
    enum Access {
        /** Delegated admin, the application consented: service health can be read. */
        OK,
        /** The application was never consented in the tenant: AADSTS65001 at its token endpoint. */
        NOT_CONSENTED,
        /** No delegated-admin relationship: the partner's user is unknown there, AADSTS50020. */
        NO_RELATIONSHIP,
        /** A token is issued, but the user holds no admin role there: Graph answers 403. */
        NO_ADMIN_ROLE,
        /** The application is not in the tenant's directory at all: AADSTS700016 (consent puts it there). */
        APP_UNKNOWN,
        /** The application was never authorized for partner delegated admins there: AADSTS90099 (consent does). */
        NOT_AUTHORIZED,
        /** The tenant wants multifactor authentication the refresh token does not carry: AADSTS50076. */
        MFA_REQUIRED,
        /** The tenant wants the user to register for multifactor authentication first: AADSTS50079. */
        MFA_ENROLLMENT,
        /** A Conditional Access policy of the customer's blocks token issuance: AADSTS53003. */
        CONDITIONAL_ACCESS;

        /** Whether the application's consent (partner-center-api.md §11.1) is what is missing. */
        boolean wantsConsent() {
            return this == NOT_CONSENTED || this == APP_UNKNOWN || this == NOT_AUTHORIZED;
        }
    }

    /**
     * The well-known customers 0 to 4 and most others are reachable; customers without delegated
     * access ({@code allowDelegatedAccess} false: index % 11 == 7) have no relationship; index
     * % 13 == 5 never consented the application; Guangzhou Nanfang (9) gave no admin role. Of the
     * others, one in 29 from Wingtip Toys (10) does not know the application, one in 31 from
     * Chengdu Tianfu (11) wants MFA, one in 37 from 12 never authorized it for partners, one in 41
     * from 14 blocks the sign-in by Conditional Access, one in 43 from 15 wants MFA registration.
     */
    static Access access(int index) {
        if (index == PARTNER) {
            return Access.OK;
        }
        if (index % 11 == 7) {
            return Access.NO_RELATIONSHIP;
        }
        if (index % 13 == 5) {
            return Access.NOT_CONSENTED;
        }
        if (index == 9) {
            return Access.NO_ADMIN_ROLE;
        }
        if (index % 29 == 10) {
            return Access.APP_UNKNOWN;
        }
        if (index % 31 == 11) {
            return Access.MFA_REQUIRED;
        }
        if (index % 37 == 12) {
            return Access.NOT_AUTHORIZED;
        }
        if (index % 41 == 14) {
            return Access.CONDITIONAL_ACCESS;
        }
        return index % 43 == 15 ? Access.MFA_ENROLLMENT : Access.OK;
    }

    /** Whether tenant {@code index} has {@code service} (the first six every tenant has). */
    static boolean has(int index, Service service) {
        int at = SERVICES.indexOf(service);
        if (index == PARTNER || at < 6) {
            return true;
        }
        return at == 6 ? index % 3 == 0 : index % 4 == 1;
    }

    /** The service with this id or name, else the one a word of whose name starts with it ({@code teams}). */
    static Service service(String idOrName) {
        String t = idOrName.trim().toLowerCase(Locale.ROOT);
        for (Service s : SERVICES) {
            if (s.id().equalsIgnoreCase(t) || s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        for (Service s : SERVICES) {
            String name = " " + s.name().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && name.contains(" " + t)) {
                return s;
            }
        }
        return null;
    }

    /** A seeded issue: its Graph body, and the tenants (by index) it hits among those with its service. */
    record Seeded(ObjectNode issue, IntPredicate hits) {
    }

    private static final Instant BASE = Instant.parse("2026-11-18T00:00:00Z");

    static final List<Seeded> ISSUES = List.of(
            seeded("EX512345", "Exchange", "Incident", "ServiceDegradation", false, 40,
                    "Some users can't send or receive email in Outlook on the web",
                    "Users may be unable to send or receive email through Outlook on the web.",
                    "E-Mail and calendar access", "Outlook on the web", i -> i % 3 == 0),
            seeded("TM498765", "microsoftteams", "Advisory", "Investigating", false, 30,
                    "Users may see delays when joining Teams meetings from the desktop client",
                    "Users joining meetings from the desktop client may wait up to a minute.",
                    "Teams Components", "Meetings", i -> i % 4 == 1),
            seeded("SP487654", "SharePoint", "Incident", "RestoringService", false, 20,
                    "Users can't open documents stored in some SharePoint Online sites",
                    "Users may see an error when they open documents in affected sites.",
                    "SharePoint Features", "Document libraries", i -> i % 5 == 2),
            seeded("OD476543", "OneDriveForBusiness", "Advisory", "serviceDegradation", false, 16,
                    "Sync of large files to OneDrive may be slower than usual",
                    "Users may notice that large files take longer to sync.",
                    "OneDrive for Business", "Sync", i -> i % 6 == 4),
            seeded("IT443210", "Intune", "Advisory", "ExtendedRecovery", false, 10,
                    "Device compliance reports may be delayed in the Intune admin center",
                    "Admins may see compliance states that are up to six hours old.",
                    "Device management", "Reporting", i -> i % 2 == 0),
            seeded("EX465432", "Exchange", "Incident", "ServiceRestored", true, 60,
                    "Mail delivery to some external domains was delayed",
                    "Users may have experienced delays sending mail to some external domains.",
                    "E-Mail timely delivery", "Mail flow", i -> i % 2 == 0),
            seeded("MO454321", "OSDPPlatform", "Advisory", "PostIncidentReviewPublished", true, 72,
                    "Admins couldn't view some usage reports in the Microsoft 365 admin center",
                    "Admins may have been unable to view usage reports.",
                    "Portal", "Microsoft 365 admin center", i -> i % 3 == 1));

    private static Seeded seeded(String id, String serviceId, String classification, String status, boolean resolved,
                                 int hoursAgo, String title, String impact, String featureGroup, String feature,
                                 IntPredicate hits) {
        Service service = service(serviceId);
        Instant start = BASE.minusSeconds(hoursAgo * 3600L);
        Instant updated = start.plusSeconds(hoursAgo * 1800L);
        ObjectNode issue = Json.mapper().createObjectNode();
        issue.put("startDateTime", start.toString());
        if (resolved) {
            issue.put("endDateTime", updated.toString());
        } else {
            issue.putNull("endDateTime");
        }
        issue.put("lastModifiedDateTime", updated.toString());
        issue.put("title", title);
        issue.put("id", id);
        issue.put("impactDescription", impact);
        issue.put("classification", classification);
        issue.put("origin", "Microsoft");
        issue.put("status", status);
        issue.put("service", service.name());
        issue.put("feature", feature);
        issue.put("featureGroup", featureGroup);
        issue.put("isResolved", resolved);
        ArrayNode details = issue.putArray("details");
        ObjectNode notify = details.addObject();
        notify.put("name", "NotifyInApp");
        notify.put("value", "True");
        ArrayNode posts = issue.putArray("posts");
        String[] steps = resolved
                ? new String[] {"investigating", "identified", "restored"}
                : new String[] {"investigating", "identified"};
        for (int n = 0; n < steps.length; n++) {
            Instant at = start.plusSeconds((long) (hoursAgo * 1800L) * n / Math.max(1, steps.length - 1));
            posts.add(post(at, postHtml(title, impact, steps[n], resolved && n == steps.length - 1, at)));
        }
        return new Seeded(issue, hits);
    }

    static ObjectNode post(Instant at, String html) {
        ObjectNode post = Json.mapper().createObjectNode();
        post.put("createdDateTime", at.toString());
        post.put("postType", "Regular");
        ObjectNode description = post.putObject("description");
        description.put("contentType", "Html");
        description.put("content", html);
        return post;
    }

    private static String postHtml(String title, String impact, String step, boolean last, Instant at) {
        String current = switch (step) {
            case "investigating" -> "We&#39;re reviewing service telemetry to understand the cause of the impact.";
            case "identified" -> "We&#39;ve identified a recent configuration change as the cause &amp; we&#39;re "
                    + "reverting it in the affected infrastructure.";
            default -> "We&#39;ve confirmed that the impact is remediated after the configuration change was reverted.";
        };
        String next = last ? "This is the final update for the event."
                : "Next update by: " + at.plusSeconds(4 * 3600).toString().replace('T', ' ').replace("Z", " UTC");
        return "<p><b>Title:</b> " + title + "</p><p><b>User impact:</b> " + impact + "</p>"
                + "<p><b>Current status:</b> " + current + "</p>"
                + "<ul><li>Scope: some users in the region</li><li>Root cause: a configuration change</li></ul>"
                + "<p>" + next + "</p>";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
