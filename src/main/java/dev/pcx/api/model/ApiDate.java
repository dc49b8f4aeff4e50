package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * A Partner Center date-time, read leniently: with or without a zone ({@code Z}, {@code +00:00}),
 * 0 to 7 fractional digits, the stray spaces of some samples ({@code 2015-11-25T06: 41: 12Z}).
 * A value without a zone is UTC. {@code 0001-01-01T00:00:00} means "not set" and reads as null.
 * A value that still does not parse is kept as sent ({@link #instant()} is then null), so one odd
 * date never fails a whole response.
 */
public record ApiDate(String raw, Instant instant) {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .toFormatter();

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ApiDate parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replace(" ", "");
        if (s.isEmpty() || s.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return new ApiDate(text, OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException notOffset) {
            // fall through: most Partner Center dates carry no zone
        }
        String local = s.endsWith("Z") || s.endsWith("z") ? s.substring(0, s.length() - 1) : s;
        try {
            var parsed = LOCAL.parseBest(local, LocalDateTime::from, LocalDate::from);
            LocalDateTime dateTime = parsed instanceof LocalDateTime ldt
                    ? ldt : ((LocalDate) parsed).atStartOfDay();
            return new ApiDate(text, dateTime.toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException unreadable) {
            return new ApiDate(text, null);
        }
    }

    /** ISO-8601 in UTC when the value parsed, otherwise the text as the server sent it. */
    @JsonValue
    public String iso() {
        return instant != null ? instant.toString() : raw;
    }

    /** The date part (yyyy-mm-dd) for tables, or the raw text when unparsed. */
    public String date() {
        return instant != null ? instant.toString().substring(0, 10) : raw;
    }

    @Override
    public String toString() {
        return iso();
    }
}
