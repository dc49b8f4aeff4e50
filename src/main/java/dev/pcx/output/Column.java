package dev.pcx.output;

import java.util.function.Function;

/**
 * One column of a table, CSV or TSV listing, or one field of a record shown alone.
 *
 * @param header  as shown in tables and as the CSV header
 * @param value   the raw value for an item, as machine formats (CSV, TSV) carry it; null prints as empty
 * @param display the text a table shows (decorated for people: "+ " for an add-on, "10 Licenses"),
 *                or null to show {@code value}
 * @param shrinks whether a table may cut this column with "…" to fit a terminal (readable text);
 *                ids, codes and URLs are never cut
 * @param drop    0: always shown; otherwise the table on a narrow terminal leaves the column out,
 *                higher first ({@code -o wide} shows every column); {@link #MACHINE}: never in a table
 * @param layout  {@link #CELL}; {@link #WRAPS}: what the table is for (a title), wrapped onto more lines
 *                instead of cut, given room before optional columns; {@link #BELOW}: on a terminal, shown
 *                on its own line under its row (a reason), wrapped, never cut
 */
public record Column<T>(String header, Function<? super T, String> value, Function<? super T, String> display,
                        boolean shrinks, int drop, int layout) {

    /** A cell like any other. */
    public static final int CELL = 0;
    /** Wrapped onto more lines, never cut. */
    public static final int WRAPS = 1;
    /** On a terminal, on its own line under the row. */
    public static final int BELOW = 2;

    public Column(String header, Function<? super T, String> value, Function<? super T, String> display,
                  boolean shrinks, int drop) {
        this(header, value, display, shrinks, drop, CELL);
    }

    /** The {@code drop} of a column only machine formats carry. */
    public static final int MACHINE = Integer.MAX_VALUE;

    /** A column never cut and always shown. */
    public static <T> Column<T> of(String header, Function<? super T, String> value) {
        return new Column<>(header, value, null, false, 0);
    }

    /** Readable text a table may cut to fit a terminal. */
    public static <T> Column<T> shrinking(String header, Function<? super T, String> value) {
        return new Column<>(header, value, null, true, 0);
    }

    /**
     * The text a person came to read (an issue's title): a table on a terminal keeps room for it
     * before it shows optional columns, and wraps it onto more lines rather than cut it.
     */
    public static <T> Column<T> wrapping(String header, Function<? super T, String> value) {
        return new Column<>(header, value, null, true, 0, WRAPS);
    }

    /**
     * Text that may be long and is the only place it is said (a reason): a table on a terminal
     * shows it on its own line under its row, wrapped to the terminal's width; piped, it is a column.
     */
    public static <T> Column<T> below(String header, Function<? super T, String> value) {
        return new Column<>(header, value, null, false, 0, BELOW);
    }

    /** This column, shown in tables as {@code display} gives it (machine formats keep the raw value). */
    public Column<T> shown(Function<? super T, String> table) {
        return new Column<>(header, value, table, shrinks, drop, layout);
    }

    /**
     * This column, left out of a table that does not fit the terminal; columns with a higher
     * {@code rank} go first.
     */
    public Column<T> optional(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1");
        }
        return new Column<>(header, value, display, shrinks, rank, layout);
    }

    /** This column in CSV and TSV only: what a table shows in another column's text. */
    public Column<T> machineOnly() {
        return new Column<>(header, value, display, shrinks, MACHINE, layout);
    }

    boolean inTables() {
        return drop != MACHINE;
    }

    /** The raw value, as CSV and TSV carry it. */
    String cell(T item) {
        String v = value.apply(item);
        return v == null ? "" : v;
    }

    /** The text a table shows. */
    String shownCell(T item) {
        String v = display != null ? display.apply(item) : value.apply(item);
        return v == null ? "" : v;
    }
}
