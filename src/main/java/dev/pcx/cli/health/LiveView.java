package dev.pcx.cli.health;

import dev.pcx.api.Json;
import dev.pcx.api.model.ServiceHealthIssue;
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
 * {@code pcx health watch} on a terminal: a view redrawn in place after every look, the active
 * issues as a table and the latest changes under it, each line cut to the terminal's width so the
 * redraw knows how many lines to take back. Piped, watch prints change lines instead.
 */
final class LiveView {
    private static final int CHANGES_SHOWN = 10;

    private final PrintStream out;
    private final int width;
    private final boolean color;
    private final String tenant;
    private final Duration interval;
    private final Deque<String> changes = new ArrayDeque<>();
    private String problem;
    private int drawn;

    LiveView(PrintStream out, int width, boolean color, String tenant, Duration interval) {
        this.out = out;
        this.width = Math.max(40, width);
        this.color = color;
        this.tenant = tenant;
        this.interval = interval;
    }

    void change(HealthEvent e) {
        // what changed, and the title whole: the table above has the rest
        changes.addLast(String.join("  ", Times.seconds(e.time()), HealthWatch.COLUMNS.get(1).value()
                .apply(e), e.issue().id(), HealthReport.shownStatus(e.issue().status()), String.valueOf(e.issue().title())));
        while (changes.size() > CHANGES_SHOWN) {
            changes.removeFirst();
        }
    }

    /** A look failed; said in the view until the next one succeeds. */
    void problem(String message) {
        problem = message;
    }

    /** Redraws the view over the previous one. */
    void draw(Collection<ServiceHealthIssue> active, Instant at, boolean looked) {
        if (looked) {
            problem = null;
        }
        List<String> lines = new ArrayList<>();
        lines.addAll(DisplayWidth.wrap("Service health of " + tenant + ", " + Times.seconds(at)
                + " (every " + interval.toSeconds() + " s; Ctrl-C stops)", width - 1));
        if (problem != null) {
            lines.add("! " + problem);
        }
        lines.add("");
        if (active.isEmpty()) {
            lines.add("No active issues.");
        } else {
            ByteArrayOutputStream table = new ByteArrayOutputStream();
            PrintStream into = new PrintStream(table, true, StandardCharsets.UTF_8);
            RecordPrinter<ServiceHealthIssue> printer = Output.table(Json.mapper(), into, width - 1, color)
                    .list(HealthReport.ISSUES);
            active.stream().sorted(HealthReport.WORST_FIRST).forEach(printer::print);
            printer.finish();
            lines.addAll(table.toString(StandardCharsets.UTF_8).lines().toList());
        }
        if (!changes.isEmpty()) {
            lines.add("");
            lines.add("Latest changes:");
            // each change whole: wrapped under itself, not cut
            for (String c : changes) {
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
