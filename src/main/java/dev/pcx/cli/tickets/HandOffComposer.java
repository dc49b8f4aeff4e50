package dev.pcx.cli.tickets;

import dev.pcx.auth.Cloud;
import dev.pcx.output.DisplayWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the whole request a person submits in the portal where no API exists
 * (partner-center-api.md §6): where to go, the links pcx knows, and the request itself, the key
 * written into its text so that, once submitted, the request can be found by it.
 */
final class HandOffComposer {
    static final String CHINA_PATH = "Partner Center operated by 21Vianet → Support requests → Customer requests → "
            + "New request → the customer's Office 365 admin center operated by 21Vianet (through delegated admin) "
            + "→ Support → New service request";
    static final String GLOBAL_PATH = "Partner Center → Customers → the customer → Service management → the "
            + "customer's Microsoft 365 admin center (admin on behalf of) → Support → New service request";
    static final String CHINA_ADMIN_CENTER = "https://portal.partner.microsoftonline.cn/AdminPortal";
    static final String GLOBAL_ADMIN_CENTER = "https://admin.microsoft.com/AdminPortal/Home#/support";
    static final String CHINA_PHONE = "(86) 400-089-0365";
    /** An Azure request: the customer's Azure support, not Microsoft 365's (partner-center-api.md §6.2). */
    static final String CHINA_AZURE_PATH = "the Azure portal operated by 21Vianet, signed in to the customer's tenant "
            + "(through delegated admin) → Help + support → New support request, for the subscription below";
    static final String GLOBAL_AZURE_PATH = "the Azure portal, signed in to the customer's tenant (through delegated "
            + "admin) → Help + support → Create a support request, for the subscription below";
    static final String CHINA_AZURE_PORTAL = "https://portal.azure.cn/#blade/Microsoft_Azure_Support/HelpAndSupportBlade";
    static final String CHINA_AZURE_SUPPORT = "https://support.azure.cn";
    static final String GLOBAL_AZURE_PORTAL = "https://portal.azure.com/#blade/Microsoft_Azure_Support/HelpAndSupportBlade";

    private HandOffComposer() {
    }

    /** What the request is about, as the person gave it; {@code azureSubscription} when it is an Azure request. */
    record Request(String title, String severity, String service, String description, String key,
                   String azureSubscription) {
        Request(String title, String severity, String service, String description, String key) {
            this(title, severity, service, description, key, null);
        }

        boolean azure() {
            return azureSubscription != null;
        }
    }

    /** The customer, as Partner Center knows it. */
    record Customer(String tenantId, String domain, String name) {
    }

    static String portalPath(Cloud cloud) {
        return cloud == Cloud.CHINA ? CHINA_PATH : GLOBAL_PATH;
    }

    static String portalPath(Cloud cloud, Request request) {
        if (request.azure()) {
            return cloud == Cloud.CHINA ? CHINA_AZURE_PATH : GLOBAL_AZURE_PATH;
        }
        return portalPath(cloud);
    }

    /** The links of an Azure request: the Azure portal's support, not the Microsoft 365 admin centers. */
    static List<HandOff.PortalLink> azureLinks(Cloud cloud) {
        return cloud == Cloud.CHINA
                ? List.of(new HandOff.PortalLink("Azure portal operated by 21Vianet, support", CHINA_AZURE_PORTAL),
                        new HandOff.PortalLink("Azure support operated by 21Vianet", CHINA_AZURE_SUPPORT))
                : List.of(new HandOff.PortalLink("Azure portal, support", GLOBAL_AZURE_PORTAL));
    }

    /** The links a person may follow: the customer's admin-portal links first, then the cloud's admin center. */
    static List<HandOff.PortalLink> links(Cloud cloud, List<HandOff.PortalLink> managed) {
        List<HandOff.PortalLink> links = new ArrayList<>(managed);
        links.add(cloud == Cloud.CHINA
                ? new HandOff.PortalLink("Office 365 admin center operated by 21Vianet", CHINA_ADMIN_CENTER)
                : new HandOff.PortalLink("Microsoft 365 admin center, support", GLOBAL_ADMIN_CENTER));
        return links;
    }

    static HandOff compose(String id, Cloud cloud, Customer customer, Request request,
                           List<HandOff.PortalLink> links, String createdAt, String version) {
        String operator = cloud == Cloud.CHINA ? "21Vianet" : "Microsoft";
        String customerLine = clean(customer.name()) + (customer.domain() == null ? "" : " (" + clean(customer.domain()) + ")")
                + ", tenant " + customer.tenantId();
        StringBuilder t = new StringBuilder();
        t.append("Service request for ").append(operator).append(", prepared by pcx: no API exists to file it.\n");
        t.append("Submit it in the portal:\n  ").append(portalPath(cloud, request)).append('\n');
        t.append("Links:\n");
        for (HandOff.PortalLink link : links) {
            t.append("  ").append(clean(link.name())).append(": ").append(clean(link.uri())).append('\n');
        }
        if (cloud == Cloud.CHINA && !request.azure()) {
            t.append("  21Vianet's phone line for tenant admins: ").append(CHINA_PHONE).append('\n');
        }
        t.append('\n').append("----- request -----\n");
        t.append("Title:    ").append(request.title()).append('\n');
        t.append("Severity: ").append(request.severity()).append('\n');
        t.append("Service:  ").append(request.service()).append('\n');
        if (request.azure()) {
            t.append("Azure subscription: ").append(request.azureSubscription()).append('\n');
        }
        t.append("Customer: ").append(customerLine).append('\n');
        t.append('\n').append(request.description().strip()).append("\n\n");
        t.append("Prepared by pcx ").append(version).append(" at ").append(createdAt).append(" (").append(id).append(')');
        if (request.key() != null) {
            t.append("\npcx-key: ").append(request.key());
        }
        t.append("\n----- end -----\n");
        return new HandOff(id, HandOff.CHANNEL, request.key(), cloud.toString(), customer.tenantId(), customer.domain(),
                customer.name(), request.title(), request.severity(), request.service(), request.description(), createdAt,
                portalPath(cloud, request), List.copyOf(links), t.toString(), HandOff.PREPARED, null, null, null, null, null);
    }

    private static String clean(String s) {
        return s == null ? "" : DisplayWidth.clean(s);
    }
}
