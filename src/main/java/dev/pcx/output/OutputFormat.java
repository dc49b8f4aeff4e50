package dev.pcx.output;

import java.util.List;
import java.util.Locale;

/** The {@code -o/--output} formats; {@code wide} is a table with every column, uncut. */
public enum OutputFormat {
    TABLE, WIDE, JSON, JSONL, CSV, TSV;

    /** The names {@code -o} accepts, for help, validation and completion. */
    public static final List<String> NAMES = List.of("table", "wide", "json", "jsonl", "csv", "tsv");

    public static OutputFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + s + "' (use one of: " + String.join(", ", NAMES) + ")");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
