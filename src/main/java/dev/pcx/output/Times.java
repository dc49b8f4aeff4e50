package dev.pcx.output;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Times as people read them: in the local time zone ({@code TZ}), with the zone said, to the
 * minute or to the second; never nanoseconds. Machine formats keep ISO-8601 UTC as the API sent it.
 */
public final class Times {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private Times() {
    }

    /** {@code 2026-11-17 12:00 CST}. */
    public static String minutes(Instant at) {
        return at == null ? null : MINUTES.format(at.atZone(ZoneId.systemDefault()));
    }

    /** {@code 2026-11-17 12:00:05 CST}. */
    public static String seconds(Instant at) {
        return at == null ? null : SECONDS.format(at.atZone(ZoneId.systemDefault()));
    }

    /** An ISO-8601 time as {@link #seconds}, or the text as it is when it is not one. */
    public static String seconds(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return seconds(Instant.parse(iso));
        } catch (DateTimeParseException notOne) {
            return iso;
        }
    }
}
