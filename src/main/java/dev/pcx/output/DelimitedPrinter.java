package dev.pcx.output;

import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV (RFC 4180 quoting, with a header row) or TSV (no header; tab, newline, carriage return and
 * backslash written as {@code \t \n \r \\}, so every record is one line for {@code cut} and
 * {@code read}). Both stream: each record is written as it comes. Cells carry raw values, cleaned
 * of terminal controls, and cells a spreadsheet would take for a formula are neutralised.
 */
final class DelimitedPrinter<T> implements RecordPrinter<T> {
    private final List<Column<T>> columns;
    private final PrintStream out;
    private final boolean csv;
    private long count;
    private boolean headerWritten;

    DelimitedPrinter(List<Column<T>> columns, PrintStream out, boolean csv) {
        this.columns = columns;
        this.out = out;
        this.csv = csv;
    }

    private void header() {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        if (csv) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(csvField(columns.get(i).header()));
            }
            out.print(line.append('\n'));
        }
    }

    @Override
    public void print(T item) {
        header();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(csv ? ',' : '\t');
            }
            String v = DisplayWidth.scrub(columns.get(i).cell(item));
            line.append(csv ? csvField(neutralise(v)) : tsvField(neutralise(v)));
        }
        out.print(line.append('\n'));
        count++;
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    /**
     * A cell a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, or a
     * tab or carriage return first) gets a leading {@code '}, as OWASP advises; a plain number is left as it is.
     */
    static String neutralise(String v) {
        if (v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0 || NUMBER.matcher(v).matches()) {
            return v;
        }
        return "'" + v;
    }

    static String csvField(String v) {
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ')) {
            quote = true;
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    static String tsvField(String v) {
        if (v.indexOf('\t') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0 && v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void finish() {
        header();
        out.flush();
    }

    @Override
    public long count() {
        return count;
    }
}
