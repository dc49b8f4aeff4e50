package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * {@code --severity}: a service request's severities (partner-center-api.md §6), for completion and
 * checking; an Azure support ticket (§6.2) may also be {@code highestcriticalimpact}.
 */
public final class Severities implements Iterable<String> {
    static final List<String> NAMES = List.of("critical", "moderate", "minimal");
    /** The Azure Support API's severities: Partner Center's, and its highest. */
    static final List<String> AZURE_NAMES = List.of("highestcriticalimpact", "critical", "moderate", "minimal");

    @Override
    public Iterator<String> iterator() {
        return AZURE_NAMES.iterator();
    }

    /** {@code given} in normal form; anything else is a usage error listing the accepted ones. */
    static String parse(String given) {
        return parse(given, false);
    }

    /**
     * {@code given} in normal form, {@code highestcriticalimpact} too when the request goes to the
     * Azure Support API ({@code azure}); anything else is a usage error listing the accepted ones.
     */
    static String parse(String given, boolean azure) {
        String s = given == null ? "" : given.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        List<String> accepted = azure ? AZURE_NAMES : NAMES;
        if (!accepted.contains(s)) {
            throw CliException.usage("'" + given + "' is not a severity: use " + String.join(", ", accepted)
                    + (!azure && s.equals("highestcriticalimpact") ? " (highestcriticalimpact is for Azure support "
                    + "tickets: add --azure-subscription)" : "") + " (--severity)");
        }
        return s;
    }

    /** Whether Azure asks a phone number for {@code severity} (critical and above). */
    static boolean needsPhone(String severity) {
        return "critical".equals(severity) || "highestcriticalimpact".equals(severity);
    }
}
