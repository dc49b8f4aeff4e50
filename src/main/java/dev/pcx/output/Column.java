package dev.pcx.output;

import java.util.function.Function;

/**
 * One column of a table, CSV or TSV listing.
 *
 * @param header   as shown in tables and as the CSV header
 * @param value    the cell text for an item; null prints as empty
 * @param shrinks  whether the table may cut this column to fit a terminal (ids never shrink)
 */
public record Column<T>(String header, Function<? super T, String> value, boolean shrinks) {

    public static <T> Column<T> of(String header, Function<? super T, String> value) {
        return new Column<>(header, value, false);
    }

    public static <T> Column<T> shrinking(String header, Function<? super T, String> value) {
        return new Column<>(header, value, true);
    }

    String cell(T item) {
        String v = value.apply(item);
        return v == null ? "" : v;
    }
}
