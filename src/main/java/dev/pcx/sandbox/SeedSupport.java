package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.util.List;
import java.util.Locale;

/**
 * The sandbox's Azure side (partner-center-api.md §6.2), as pure functions of indexes: each
 * customer's Azure subscriptions bought through the partner, the support services and their
 * problem classifications, and a few tickets already filed. Subscription ids carry their
 * customer's index, so any of a hundred thousand customers is found from one without a table.
 */
final class SeedSupport {
    /** A support service and its problem classifications, in the sandbox's own words. */
    record Service(String displayName, List<String> problems) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("Virtual Machine running Windows", List.of("Cannot connect to the virtual machine",
                    "Virtual machine is slow or stops responding", "Something else")),
            new Service("Virtual Machine running Linux", List.of("Cannot connect to the virtual machine",
                    "Virtual machine does not start", "Something else")),
            new Service("Storage Account", List.of("Cannot reach the storage account", "Data deleted by mistake",
                    "Something else")),
            new Service("Azure SQL Database", List.of("Connections fail", "Queries are slow", "Something else")),
            new Service("App Service (Web Apps)", List.of("The site is down", "Deployments fail", "Something else")),
            new Service("Billing", List.of("A charge I do not understand", "Something else")));

    /** The seeded tickets' names (their numbers and texts follow from the customer). */
    static final List<String> TICKETS = List.of("sandbox-ticket-1", "sandbox-ticket-2");

    private static final String PREFIX = "5c7e0a2f-a2f1-4b3c-9d8e-";

    private SeedSupport() {
    }

    /** {@code …/services/{guid}} name of service {@code i}. */
    static String serviceName(int i) {
        return SeedData.uuid("support-service", i);
    }

    static String problemName(int service, int problem) {
        return SeedData.uuid("support-problem", service * 16 + problem);
    }

    /**
     * Azure subscription {@code k} of customer {@code c}: every customer has subscription 0; one
     * customer in four (Fabrikam among them) also has subscription 1, bought through an indirect
     * provider, where the Support API refuses every ticket with the CSP message.
     */
    static String subscription(int c, int k) {
        return PREFIX + String.format(Locale.ROOT, "%012d", c * 2L + k);
    }

    static int subscriptions(int c) {
        return c % 4 == 2 ? 2 : 1;
    }

    /** The customer and number {@code {c, k}} of an Azure subscription id, or null when it is none of the sandbox's. */
    static int[] owner(String subscription, int customers) {
        String s = subscription.toLowerCase(Locale.ROOT);
        if (!s.startsWith(PREFIX) || s.length() != PREFIX.length() + 12) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(s.substring(PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
        int c = (int) (n / 2);
        int k = (int) (n % 2);
        return c < customers && k < subscriptions(c) ? new int[] {c, k} : null;
    }

    /** Whether tickets on this subscription are refused with the CSP message, whoever asks. */
    static boolean refusesAsCsp(int k) {
        return k == 1;
    }

    static ObjectNode service(int i) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("id", "/providers/Microsoft.Support/services/" + serviceName(i));
        s.put("name", serviceName(i));
        s.put("type", "Microsoft.Support/services");
        s.putObject("properties").put("displayName", SERVICES.get(i).displayName());
        return s;
    }

    static ObjectNode problem(int service, int p) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("id", "/providers/Microsoft.Support/services/" + serviceName(service) + "/problemClassifications/"
                + problemName(service, p));
        s.put("name", problemName(service, p));
        s.put("type", "Microsoft.Support/problemClassifications");
        s.putObject("properties").put("displayName", SERVICES.get(service).problems().get(p));
        return s;
    }

    /** How many tickets customer {@code c}'s first subscription starts with: 2 for one customer in four, else 0. */
    static int tickets(int c) {
        return c % 4 == 0 ? 2 : 0;
    }

    /** Seeded ticket {@code j} of customer {@code c} (on subscription 0), with its communications. */
    static ObjectNode ticket(int c, int j) {
        String sub = subscription(c, 0);
        String name = TICKETS.get(j);
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("id", "/subscriptions/" + sub + "/providers/Microsoft.Support/supportTickets/" + name);
        t.put("name", name);
        t.put("type", "Microsoft.Support/supportTickets");
        ObjectNode p = t.putObject("properties");
        p.put("supportTicketId", String.format(Locale.ROOT, "2611%08d%04d", c, j + 1));
        p.put("title", j == 0 ? "Virtual machine restarts every night" : "Storage account unreachable from the office");
        p.put("description", "Filed for " + SeedData.named(c).name() + " by the partner's desk (sandbox ticket "
                + (j + 1) + ").");
        int service = j == 0 ? 0 : 2;
        p.put("serviceId", "/providers/Microsoft.Support/services/" + serviceName(service));
        p.put("problemClassificationId", "/providers/Microsoft.Support/services/" + serviceName(service)
                + "/problemClassifications/" + problemName(service, 0));
        p.put("severity", j == 0 ? "moderate" : "minimal");
        p.put("status", j == 0 ? "Open" : "Closed");
        p.put("advancedDiagnosticConsent", "No");
        ObjectNode contact = p.putObject("contactDetails");
        contact.put("firstName", "Wei");
        contact.put("lastName", "Li");
        contact.put("preferredContactMethod", "email");
        contact.put("primaryEmailAddress", "desk@" + SandboxIdentity.TENANT_DOMAIN);
        contact.put("preferredTimeZone", "China Standard Time");
        contact.put("country", "CHN");
        contact.put("preferredSupportLanguage", "en-us");
        p.put("createdDate", "2026-11-1" + (j + 5) + "T02:00:00Z");
        p.put("modifiedDate", "2026-11-1" + (j + 6) + "T03:30:00Z");
        return t;
    }

    static ArrayNode communications(int c, int j) {
        ArrayNode list = Json.mapper().createArrayNode();
        list.add(communication(subscription(c, 0), TICKETS.get(j), "sandbox-reply-1", "Case received",
                "We are looking into it and will write again within a day.", "support@microsoft.example"));
        return list;
    }

    static ObjectNode communication(String sub, String ticket, String name, String subject, String body,
                                    String sender) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("id", "/subscriptions/" + sub + "/providers/Microsoft.Support/supportTickets/" + ticket
                + "/communications/" + name);
        m.put("name", name);
        m.put("type", "Microsoft.Support/communications");
        ObjectNode p = m.putObject("properties");
        p.put("subject", subject);
        p.put("body", body);
        if (sender != null) {
            p.put("sender", sender);
        }
        return m;
    }
}
