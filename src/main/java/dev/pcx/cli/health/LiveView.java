package dev.pcx.cli.health;

import dev.pcx.api.Json;
import dev.pcx.output.Column;
import dev.pcx.output.DisplayWidth;
import dev.pcx.output.Output;
import dev.pcx.output.RecordPrinter;
import dev.pcx.output.Times;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * {@code pcx health watch} on a terminal: a view redrawn in place after every look (a title, a
 * body the watch gives: the active issues as a table), the latest changes under it, each line cut
 * to the terminal's width so the redraw knows how many lines to take back. Piped, watch prints
 * change lines instead.
 */
final class LiveView {
    private static final int CHANGES_SHOWN = 10;

    private final PrintStream out;
    private final int width;
    private final boolean color;
    private final Duration interval;
    private final int changesShown;
    private final boolean wrapChanges;
    private final Deque<String> changes = new ArrayDeque<>();
    private String problem;
    private int drawn;

    LiveView(PrintStream out, int width, boolean color, Duration interval) {
        this(out, width, color, interval, CHANGES_SHOWN, true);
    }

    /**
     * @param changesShown the latest changes told under the view
     * @param wrapChanges  whether a change is wrapped whole under itself, or cut to one line (a view
     *                     that must stay short enough for a terminal's height to be redrawn in place)
     */
    LiveView(PrintStream out, int width, boolean color, Duration interval, int changesShown, boolean wrapChanges) {
        this.out = out;
        this.width = Math.max(40, width);
        this.color = color;
        this.interval = interval;
        this.changesShown = changesShown;
        this.wrapChanges = wrapChanges;
    }

    /** One change, told under the view (the latest ten). */
    void change(String line) {
        changes.addLast(line);
        while (changes.size() > changesShown) {
            changes.removeFirst();
        }
    }

    /** A look failed; said in the view until the next one succeeds. */
    void problem(String message) {
        problem = message;
    }

    /** {@code rows} as a table of {@code columns}, fitted to the view's width; {@code empty} when there are none. */
    <T> List<String> table(Collection<T> rows, List<Column<T>> columns, String empty) {
        if (rows.isEmpty()) {
            return List.of(empty);
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        PrintStream into = new PrintStream(table, true, StandardCharsets.UTF_8);
        RecordPrinter<T> printer = Output.table(Json.mapper(), into, width - 1, color).list(columns);
        rows.forEach(printer::print);
        printer.finish();
        return table.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Redraws the view over the previous one: {@code title} at {@code at}, {@code notes} and {@code body} under it. */
    void draw(String title, List<String> notes, List<String> body, Instant at, boolean looked) {
        if (looked) {
            problem = null;
        }
        List<String> lines = new ArrayList<>();
        lines.addAll(DisplayWidth.wrap(title + ", " + Times.seconds(at)
                + " (every " + interval.toSeconds() + " s; Ctrl-C stops)", width - 1));
        if (problem != null) {
            lines.add("! " + problem);
        }
        for (String note : notes) {
            DisplayWidth.wrap("! " + DisplayWidth.clean(note), width - 1).forEach(lines::add);
        }
        lines.add("");
        lines.addAll(body);
        if (!changes.isEmpty()) {
            lines.add("");
            lines.add("Latest changes:");
            // each change whole: wrapped under itself, not cut
            for (String c : changes) {
                if (!wrapChanges) {
                    lines.add(DisplayWidth.truncate(DisplayWidth.clean(c), width - 1));
                    continue;
                }
                List<String> wrapped = DisplayWidth.wrap(DisplayWidth.clean(c), width - 1);
                lines.add(wrapped.get(0));
                String rest = String.join(" ", wrapped.subList(1, wrapped.size()));
                if (!rest.isEmpty()) {
                    DisplayWidth.wrap(rest, width - 5).forEach(l -> lines.add("    " + l));
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (drawn > 0) {
            sb.append("\r\u001b[").append(drawn).append("A\u001b[J"); // back to the view's first line, clear below
        }
        for (String line : lines) {
            sb.append(line.contains("\u001b") ? line : DisplayWidth.truncate(line, width - 1)).append('\n');
        }
        out.print(sb);
        out.flush();
        drawn = lines.size();
    }
}
