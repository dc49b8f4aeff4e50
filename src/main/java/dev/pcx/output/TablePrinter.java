package dev.pcx.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An aligned table for people. Widths are display widths (CJK counts two columns). On a terminal
 * the table fits its width: columns marked optional are left out, least useful first, until the
 * rest fit with their readable text at a useful width; then readable text is cut with "…", widest
 * first. Ids and URLs are never cut. Piped (or {@code -o wide}), every column is shown and nothing
 * is cut. Rows wait until {@link #finish} because alignment needs them all.
 */
final class TablePrinter<T> implements RecordPrinter<T> {
    private static final String GAP = "  ";
    /** A readable column is not cut below this many columns while an optional column can go instead. */
    static final int READABLE = 20;
    /** Nor below this at all. */
    private static final int MIN_SHRUNK = 8;
    /** The room a wrapping column (what the table is for) keeps before optional columns are shown. */
    static final int WRAP_ROOM = 36;
    /** How far the lines shown under their row are indented. */
    private static final String BELOW_INDENT = "    ";

    private final List<Column<T>> columns;
    private final PrintStream out;
    private final int terminalWidth;
    private final boolean color;
    private final Consumer<String> notes;
    private final List<String[]> rows = new ArrayList<>();
    private boolean[] below;
    private long count;

    /**
     * @param terminalWidth columns to fit, or 0 to show every column uncut
     * @param notes         where to say which columns were left out (stderr), or null
     */
    TablePrinter(List<Column<T>> columns, PrintStream out, int terminalWidth, boolean color, Consumer<String> notes) {
        this.columns = columns;
        this.out = out;
        this.terminalWidth = terminalWidth;
        this.color = color;
        this.notes = notes;
    }

    @Override
    public void print(T item) {
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = DisplayWidth.clean(columns.get(i).shownCell(item));
        }
        rows.add(row);
        count++;
    }

    @Override
    public void flush() {
        // a table cannot be shown before its last row is known
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public boolean buffered() {
        return true;
    }

    @Override
    public void finish() {
        if (rows.isEmpty()) {
            out.flush();
            return;
        }
        int n = columns.size();
        int[] natural = new int[n];
        int[] headerWidth = new int[n];
        String[] headers = new String[n];
        for (int i = 0; i < n; i++) {
            headers[i] = columns.get(i).header().toUpperCase(Locale.ROOT);
            headerWidth[i] = DisplayWidth.of(headers[i]);
            natural[i] = headerWidth[i];
        }
        for (String[] row : rows) {
            for (int i = 0; i < n; i++) {
                natural[i] = Math.max(natural[i], DisplayWidth.of(row[i]));
            }
        }
        boolean[] shown = new boolean[n];
        below = new boolean[n];
        int[] widths = natural.clone();
        String leftOut = null;
        for (int i = 0; i < n; i++) {
            shown[i] = columns.get(i).inTables();
            below[i] = terminalWidth > 0 && columns.get(i).layout() == Column.BELOW && columns.get(i).inTables();
        }
        if (terminalWidth > 0) {
            choose(natural, headerWidth, shown);
            fit(widths, headerWidth, shown);
            List<String> left = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!shown[i] && !below[i] && columns.get(i).inTables()) {
                    left.add(columns.get(i).header().toLowerCase(Locale.ROOT));
                }
            }
            if (!left.isEmpty()) {
                // wrapped, not cut: the hint names what to type
                leftOut = String.join("\n", DisplayWidth.wrap("(-o wide shows " + String.join(", ", left) + ")",
                        terminalWidth));
            }
        }
        writeRow(headers, widths, shown, true);
        for (String[] row : rows) {
            writeRow(row, widths, shown, false);
            for (int i = 0; i < n; i++) {
                if (below[i] && !row[i].isEmpty()) {
                    // the only place it is said: whole, on its own lines
                    for (String line : DisplayWidth.wrap(row[i], Math.max(20, terminalWidth - BELOW_INDENT.length()))) {
                        out.print(BELOW_INDENT + line + "\n");
                    }
                }
            }
        }
        rows.clear();
        out.flush();
        if (leftOut != null && notes != null) {
            notes.accept(leftOut);
        }
    }

    private int floor(int i, int[] natural, int[] headerWidth) {
        return columns.get(i).shrinks() ? Math.min(natural[i], Math.max(room(i), headerWidth[i])) : natural[i];
    }

    /** The width a readable column keeps while others can give way: more for what the table is for. */
    private int room(int i) {
        return columns.get(i).layout() == Column.WRAPS ? WRAP_ROOM : READABLE;
    }

    /**
     * Which columns to show: every column that is always shown, then the optional ones, most
     * useful first, while they fit beside the others at their readable widths; the first that does
     * not fit ends the choice, so a less useful column never takes the place of a more useful one.
     */
    private void choose(int[] natural, int[] headerWidth, boolean[] shown) {
        int n = columns.size();
        int total = 0;
        int visible = 0;
        for (int i = 0; i < n; i++) {
            shown[i] = columns.get(i).drop() == 0 && !below[i];
            if (shown[i]) {
                total += floor(i, natural, headerWidth);
                visible++;
            }
        }
        List<Integer> optional = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!shown[i] && !below[i] && columns.get(i).inTables()) {
                optional.add(i);
            }
        }
        optional.sort(Comparator.comparingInt(i -> columns.get(i).drop()));
        for (int i : optional) {
            int needed = total + floor(i, natural, headerWidth) + (visible > 0 ? GAP.length() * visible : 0);
            if (needed > terminalWidth) {
                break;
            }
            shown[i] = true;
            total += floor(i, natural, headerWidth);
            visible++;
        }
    }

    /** Cuts readable columns, widest first, first down to their readable width, then further. */
    private void fit(int[] widths, int[] headerWidth, boolean[] shown) {
        int total = 0;
        int visible = 0;
        for (int i = 0; i < widths.length; i++) {
            if (shown[i]) {
                total += widths[i];
                visible++;
            }
        }
        total += GAP.length() * Math.max(0, visible - 1);
        for (int stage = 0; stage < 2 && total > terminalWidth; stage++) {
            while (total > terminalWidth) {
                int widest = -1;
                for (int i = 0; i < widths.length; i++) {
                    int floor = stage == 0 ? Math.max(room(i), headerWidth[i])
                            : Math.max(MIN_SHRUNK, Math.min(headerWidth[i], READABLE));
                    if (shown[i] && columns.get(i).shrinks() && widths[i] > floor
                            && (widest < 0 || widths[i] > widths[widest])) {
                        widest = i;
                    }
                }
                if (widest < 0) {
                    break; // nothing left to cut at this stage
                }
                widths[widest]--;
                total--;
            }
        }
    }

    private void writeRow(String[] cells, int[] widths, boolean[] shown, boolean header) {
        if (!header && terminalWidth > 0) {
            // a wrapping cell wider than its column goes on over more lines, the other cells blank
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                List<String> parts = shown[i] && columns.get(i).layout() == Column.WRAPS
                        && DisplayWidth.of(cells[i]) > widths[i] ? DisplayWidth.wrap(cells[i], widths[i]) : null;
                wrapped.add(parts);
                lines = Math.max(lines, parts == null ? 1 : parts.size());
            }
            if (lines > 1) {
                for (int l = 0; l < lines; l++) {
                    String[] part = new String[cells.length];
                    for (int i = 0; i < cells.length; i++) {
                        List<String> p = wrapped.get(i);
                        part[i] = p != null ? (l < p.size() ? p.get(l) : "") : l == 0 ? cells[i] : "";
                    }
                    writeLine(part, widths, shown, false);
                }
                return;
            }
        }
        writeLine(cells, widths, shown, header);
    }

    private void writeLine(String[] cells, int[] widths, boolean[] shown, boolean header) {
        StringBuilder line = new StringBuilder();
        int last = -1;
        for (int i = 0; i < cells.length; i++) {
            if (shown[i]) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            if (!shown[i]) {
                continue;
            }
            String cell = terminalWidth > 0 ? DisplayWidth.truncate(cells[i], widths[i]) : cells[i];
            if (header && color) {
                line.append("\u001b[1m").append(cell).append("\u001b[0m");
                if (i != last) {
                    line.append(" ".repeat(Math.max(0, widths[i] - DisplayWidth.of(cell))));
                }
            } else {
                line.append(i == last ? cell : DisplayWidth.pad(cell, widths[i]));
            }
            if (i != last) {
                line.append(GAP);
            }
        }
        out.print(line.toString().stripTrailing() + "\n");
    }
}
