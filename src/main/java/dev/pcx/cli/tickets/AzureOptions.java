package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.cli.CliException;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What filing through the Azure Support API takes beyond a hand-off (partner-center-api.md §6.2):
 * the customer's Azure subscription, the problem classification, and the partner desk's contact
 * details (Microsoft contacts the partner, not the customer). Shared by {@code create} and
 * {@code escalate}.
 */
final class AzureOptions {
    private static final Pattern CONTACT = Pattern.compile("\\s*(\\S+)\\s+(.+?)\\s*<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>\\s*");
    private static final Pattern SUBSCRIPTION = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Option(names = "--azure-subscription", paramLabel = "ID",
            description = "File through the Azure Support API on this Azure subscription of the customer's "
                    + "(global only; on 21Vianet the request is handed off)")
    String subscription;

    @Option(names = "--problem", paramLabel = "TEXT",
            description = "Azure: the problem classification of the service, its name or the start of it")
    String problem;

    @Option(names = "--contact", paramLabel = "'FIRST LAST <EMAIL>'",
            description = "Azure: the partner desk's contact Microsoft answers (not the customer's)")
    String contact;

    @Option(names = "--contact-phone", paramLabel = "PHONE",
            description = "Azure: a phone number; needed for critical severity")
    String phone;

    @Option(names = "--country", paramLabel = "ISO3", description = "Azure: the contact's country, ISO 3166 alpha-3 (CHN, USA)")
    String country;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Azure: the contact's Windows time zone name (default: ${DEFAULT-VALUE})")
    String timeZone;

    @Option(names = "--language", paramLabel = "CODE", defaultValue = "en-us",
            description = "Azure: the preferred support language, e.g. en-us, zh-hans (default: ${DEFAULT-VALUE})")
    String language;

    @Option(names = "--diagnostics", paramLabel = "yes|no", defaultValue = "no",
            description = "Azure: consent to advanced diagnostic information being collected (default: ${DEFAULT-VALUE})")
    String diagnostics;

    boolean azure() {
        return subscription != null;
    }

    /** {@code --azure-subscription}, checked: a GUID. */
    static String subscription(String given) {
        if (given == null || !SUBSCRIPTION.matcher(given.trim()).matches()) {
            throw CliException.usage("'" + given + "' is not an Azure subscription id (a GUID) (--azure-subscription)");
        }
        return given.trim().toLowerCase(Locale.ROOT);
    }

    /** Checks what needs no call, before anything is read: every missing flag named at once. */
    /** The Azure flags missing for a filing of {@code severity}, as the usage error names them. */
    List<String> missing(String severity, boolean canAsk) {
        List<String> missing = new java.util.ArrayList<>();
        if (!canAsk && (problem == null || problem.isBlank())) {
            missing.add("--problem NAME (the service's problem classification)");
        }
        if (contact == null || contact.isBlank()) {
            missing.add("--contact 'FIRST LAST <EMAIL>'");
        }
        if (country == null || country.isBlank()) {
            missing.add("--country ISO3");
        }
        if ("critical".equals(severity) && (phone == null || phone.isBlank())) {
            missing.add("--contact-phone (critical severity)");
        }
        return missing;
    }

    void check(String severity, boolean canAsk) {
        subscription(subscription);
        List<String> missing = missing(severity, canAsk);
        if (!missing.isEmpty()) {
            throw CliException.usage("filing through the Azure Support API needs " + String.join(", ", missing)
                    + ": the partner desk's contact, whom Microsoft answers");
        }
        if (!CONTACT.matcher(contact).matches()) {
            throw CliException.usage("'" + contact + "' is not a contact: give it as 'First Last <desk@example.com>', "
                    + "a given name and a family name (a Chinese name too: '伟 李 <desk@example.com>') (--contact)");
        }
        if (!country.trim().matches("[A-Za-z]{3}")) {
            throw CliException.usage("'" + country + "' is not an ISO 3166 alpha-3 country code, e.g. CHN, USA (--country)");
        }
        String d = diagnostics.trim().toLowerCase(Locale.ROOT);
        if (!d.equals("yes") && !d.equals("no")) {
            throw CliException.usage("'" + diagnostics + "' is not yes or no (--diagnostics)");
        }
    }

    /**
     * The create body (partner-center-api.md §6.2): {@code properties} with the required fields and
     * the contact details; the phone number when given.
     */
    ObjectNode body(String title, String description, String serviceId, String problemId, String severity) {
        Matcher m = CONTACT.matcher(contact);
        if (!m.matches()) {
            throw new IllegalStateException("contact not checked");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode p = body.putObject("properties");
        p.put("title", title);
        p.put("description", description);
        p.put("serviceId", serviceId);
        p.put("problemClassificationId", problemId);
        p.put("severity", severity);
        p.put("advancedDiagnosticConsent", diagnostics.trim().equalsIgnoreCase("yes") ? "Yes" : "No");
        ObjectNode c = p.putObject("contactDetails");
        c.put("firstName", m.group(1));
        c.put("lastName", m.group(2));
        c.put("preferredContactMethod", "email");
        c.put("primaryEmailAddress", m.group(3));
        if (phone != null && !phone.isBlank()) {
            c.put("phoneNumber", phone.trim());
        }
        c.put("preferredTimeZone", timeZone.trim());
        c.put("country", country.trim().toUpperCase(Locale.ROOT));
        c.put("preferredSupportLanguage", language.trim().toLowerCase(Locale.ROOT));
        return body;
    }
}
