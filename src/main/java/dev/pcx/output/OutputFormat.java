package dev.pcx.output;

import java.util.Locale;

/** The {@code -o/--output} formats. */
public enum OutputFormat {
    TABLE, JSON, JSONL, CSV, TSV;

    public static OutputFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown output format '" + s + "' (use table, json, jsonl, csv or tsv)");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
