package dev.pcx.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An aligned table for people. Widths are display widths (CJK counts two columns). On a terminal
 * the table fits its width, cutting the columns that may shrink, widest first; piped, it is
 * plain and nothing is cut. Rows wait until {@link #finish} because alignment needs them all.
 */
final class TablePrinter<T> implements RecordPrinter<T> {
    private static final String GAP = "  ";
    private static final int MIN_SHRUNK = 8;

    private final List<Column<T>> columns;
    private final PrintStream out;
    private final int terminalWidth;
    private final boolean color;
    private final List<String[]> rows = new ArrayList<>();

    /** @param terminalWidth columns to fit, or 0 to never cut */
    TablePrinter(List<Column<T>> columns, PrintStream out, int terminalWidth, boolean color) {
        this.columns = columns;
        this.out = out;
        this.terminalWidth = terminalWidth;
        this.color = color;
    }

    @Override
    public void print(T item) {
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = DisplayWidth.clean(columns.get(i).cell(item));
        }
        rows.add(row);
    }

    @Override
    public void flush() {
        // a table cannot be shown before its last row is known
    }

    @Override
    public long count() {
        return rows.size();
    }

    @Override
    public void finish() {
        if (rows.isEmpty()) {
            out.flush();
            return;
        }
        int n = columns.size();
        int[] widths = new int[n];
        String[] headers = new String[n];
        for (int i = 0; i < n; i++) {
            headers[i] = columns.get(i).header().toUpperCase(Locale.ROOT);
            widths[i] = DisplayWidth.of(headers[i]);
        }
        for (String[] row : rows) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row[i]));
            }
        }
        if (terminalWidth > 0) {
            fit(widths, headers);
        }
        writeRow(headers, widths, true);
        for (String[] row : rows) {
            writeRow(row, widths, false);
        }
        rows.clear();
        out.flush();
    }

    private void fit(int[] widths, String[] headers) {
        int total = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > terminalWidth) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                int floor = Math.max(MIN_SHRUNK, Math.min(DisplayWidth.of(headers[i]), widths[i]));
                if (columns.get(i).shrinks() && widths[i] > floor && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return; // nothing left to cut: let the terminal wrap
            }
            widths[widest]--;
            total--;
        }
    }

    private void writeRow(String[] cells, int[] widths, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = terminalWidth > 0 ? DisplayWidth.truncate(cells[i], widths[i]) : cells[i];
            boolean last = i == cells.length - 1;
            if (header && color) {
                line.append("\u001b[1m").append(cell).append("\u001b[0m");
                if (!last) {
                    line.append(" ".repeat(Math.max(0, widths[i] - DisplayWidth.of(cell))));
                }
            } else {
                line.append(last ? cell : DisplayWidth.pad(cell, widths[i]));
            }
            if (!last) {
                line.append(GAP);
            }
        }
        out.print(line.toString().stripTrailing());
        out.print('\n');
    }
}
