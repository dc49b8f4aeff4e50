package dev.pcx.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a number of days: {@code 30d}, {@code 12w} or a bare number; 0 to 3660 (ten years). */
public final class DaysConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,5})\\s*([dw]?)");

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a number of days (examples: 30d, 12w, 90)");
        }
        long days = Long.parseLong(m.group(1)) * (m.group(2).equals("w") ? 7 : 1);
        if (days > 3660) {
            throw new CommandLine.TypeConversionException("'" + value + "' is more than ten years");
        }
        return days;
    }
}
