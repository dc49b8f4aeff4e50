package dev.pcx.cli.tickets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import picocli.CommandLine.Option;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
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

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "Azure: the contact's time zone, a Windows name ('China Standard Time') or an IANA one "
                    + "(Asia/Shanghai) (default: this machine's, else UTC)")
    String timeZone;

    @Option(names = "--language", paramLabel = "CODE", defaultValue = "en-us", completionCandidates = Languages.class,
            description = "Azure: the preferred support language: " + LANGUAGE_LIST + " (default: ${DEFAULT-VALUE})")
    String language;

    /** The support languages the Azure Support API documents for {@code preferredSupportLanguage}. */
    static final List<String> LANGUAGES = List.of("en-us", "zh-hans", "zh-tw", "ja-jp", "ko-kr", "de-de", "fr-fr",
            "es-es", "it-it", "pt-br", "ru-ru");
    private static final String LANGUAGE_LIST = "en-us, zh-hans, zh-tw, ja-jp, ko-kr, de-de, fr-fr, es-es, it-it, "
            + "pt-br or ru-ru";

    /** {@code --language}, for completion. */
    static final class Languages implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return LANGUAGES.iterator();
        }
    }

    /** The Windows zone name sent, once {@link #check} has settled it. */
    private String windowsZone;

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
        List<String> missing = new ArrayList<>();
        if (!canAsk && (problem == null || problem.isBlank())) {
            missing.add("--problem NAME (the service's problem classification)");
        }
        if (contact == null || contact.isBlank()) {
            missing.add("--contact 'FIRST LAST <EMAIL>'");
        }
        if (country == null || country.isBlank()) {
            missing.add("--country ISO3");
        }
        if (Severities.needsPhone(severity) && (phone == null || phone.isBlank())) {
            missing.add("--contact-phone (" + severity + " severity)");
        }
        return missing;
    }

    /**
     * Checks every flag before anything is sent, each refusal naming the fix; settles the time
     * zone: {@code --time-zone} as given (a Windows name, or an IANA zone pcx maps to one), else
     * this machine's ({@code TZ}, else the JVM's), else UTC with a note.
     */
    void check(String severity, boolean canAsk, Context context) {
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
        if (!LANGUAGES.contains(language.trim().toLowerCase(Locale.ROOT))) {
            throw CliException.usage("'" + language + "' is not a support language of the Azure Support API: use "
                    + LANGUAGE_LIST + " (--language)");
        }
        windowsZone = zone(context);
    }

    private String zone(Context context) {
        if (timeZone != null) {
            String name = WindowsZones.windowsName(timeZone);
            if (name == null) {
                throw CliException.usage("'" + timeZone + "' is not a Windows time zone name: give one as Microsoft "
                        + "spells it, e.g. 'China Standard Time', 'Pacific Standard Time', 'UTC', or an IANA zone "
                        + "such as Asia/Shanghai (--time-zone)");
            }
            return name;
        }
        ZoneId machine = machineZone(context.env().get("TZ"));
        String name = WindowsZones.of(machine);
        if (name == null) {
            context.session().say("pcx: this machine's time zone " + machine.getId() + " has no Windows name pcx knows: the "
                    + "ticket says UTC; give --time-zone 'NAME' (a Windows time zone name) for yours");
            return "UTC";
        }
        return name;
    }

    /** {@code TZ} when it names a zone ({@code Asia/Shanghai}, {@code :Asia/Shanghai}), else the JVM's. */
    static ZoneId machineZone(String tz) {
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz.strip().startsWith(":") ? tz.strip().substring(1) : tz.strip());
            } catch (DateTimeException notAZoneName) {
                // a POSIX rule (CST-8) or a path: the JVM has read it already
            }
        }
        return ZoneId.systemDefault();
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
        if (windowsZone == null) {
            throw new IllegalStateException("time zone not checked");
        }
        c.put("preferredTimeZone", windowsZone);
        c.put("country", country.trim().toUpperCase(Locale.ROOT));
        c.put("preferredSupportLanguage", language.trim().toLowerCase(Locale.ROOT));
        return body;
    }
}
