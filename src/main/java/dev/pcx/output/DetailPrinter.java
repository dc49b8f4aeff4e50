package dev.pcx.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One record for people: a label per line, values aligned after the longest label, empty fields
 * left out. Long values are never cut; a value with line breaks continues under the value column.
 */
final class DetailPrinter<T> implements RecordPrinter<T> {
    private final List<Column<T>> fields;
    private final PrintStream out;
    private final boolean color;
    private long count;

    DetailPrinter(List<Column<T>> fields, PrintStream out, boolean color) {
        this.fields = fields;
        this.out = out;
        this.color = color;
    }

    @Override
    public void print(T item) {
        if (count > 0) {
            out.print('\n');
        }
        List<String[]> lines = new ArrayList<>();
        int labelWidth = 0;
        for (Column<T> field : fields) {
            if (!field.inTables()) {
                continue;
            }
            String value = field.shownCell(item);
            if (!value.isBlank()) {
                lines.add(new String[] {field.header(), value});
                labelWidth = Math.max(labelWidth, DisplayWidth.of(field.header()));
            }
        }
        for (String[] line : lines) {
            String label = DisplayWidth.pad(line[0] + ":", labelWidth + 1);
            String[] valueLines = line[1].split("\n", -1);
            StringBuilder sb = new StringBuilder();
            sb.append(color ? "\u001b[1m" + label + "\u001b[0m" : label).append("  ")
                    .append(DisplayWidth.clean(valueLines[0]));
            for (int i = 1; i < valueLines.length; i++) {
                sb.append('\n').append(" ".repeat(labelWidth + 3)).append(DisplayWidth.clean(valueLines[i]));
            }
            out.print(sb.append('\n'));
        }
        count++;
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void finish() {
        out.flush();
    }

    @Override
    public long count() {
        return count;
    }
}
