package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code --severity}: a service request's severities (partner-center-api.md §6), for completion and checking. */
public final class Severities implements Iterable<String> {
    static final List<String> NAMES = List.of("critical", "moderate", "minimal");

    @Override
    public Iterator<String> iterator() {
        return NAMES.iterator();
    }

    /** {@code given} in normal form; anything else is a usage error listing the accepted ones. */
    static String parse(String given) {
        String s = given == null ? "" : given.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(s)) {
            throw CliException.usage("'" + given + "' is not a severity: use " + String.join(", ", NAMES)
                    + " (--severity)");
        }
        return s;
    }
}
