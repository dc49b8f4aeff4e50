package dev.pcx.cli;

import dev.pcx.output.DisplayWidth;

import java.io.PrintStream;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * One line of progress on a terminal's stderr, rewritten in place ({@code 340/1200 lines checked}),
 * at most ten times a second; nothing at all when stderr is not a terminal, so logs and scripts see
 * only results. A line wider than the terminal keeps its end, where the count or the seconds change,
 * and loses the middle. Messages printed meanwhile clear the line first ({@link Context#say}).
 */
public final class Progress {
    private static final long INTERVAL_NANOS = 100_000_000L;
    private static final String ELLIPSIS = "…";

    private final PrintStream err;
    private final boolean live;
    private final IntSupplier width;
    private final LongSupplier nanoTime;
    private long last = Long.MIN_VALUE;
    private boolean shown;

    Progress(PrintStream err, boolean live, IntSupplier width, LongSupplier nanoTime) {
        this.err = err;
        this.live = live;
        this.width = width;
        this.nanoTime = nanoTime;
    }

    /** Shows {@code text} in place of the previous progress, unless one was shown less than 100 ms ago. */
    public synchronized void update(String text) {
        if (!live) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (shown && now - last < INTERVAL_NANOS) {
            return;
        }
        last = now;
        int w = Math.max(20, width.getAsInt()) - 1;
        err.print("\r\u001b[K" + fit(DisplayWidth.clean(text), w));
        err.flush();
        shown = true;
    }

    /**
     * {@code text} in at most {@code columns}: whole when it fits; else its start (about a third,
     * ending at a word where one ends), an ellipsis, and as much of its end as the rest holds.
     */
    static String fit(String text, int columns) {
        if (DisplayWidth.of(text) <= columns) {
            return text;
        }
        String head = start(text, columns / 3);
        int space = head.lastIndexOf(' ');
        if (space >= head.length() / 2 && text.charAt(head.length()) != ' ') {
            head = head.substring(0, space);
        }
        head = head.stripTrailing();
        return head + ELLIPSIS + end(text, columns - DisplayWidth.of(head) - DisplayWidth.of(ELLIPSIS));
    }

    /** The longest start of {@code s} in at most {@code columns}. */
    private static String start(String s, int columns) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            used += DisplayWidth.of(Character.toString(cp));
            if (used > columns) {
                break;
            }
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    /** The longest end of {@code s} in at most {@code columns}. */
    private static String end(String s, int columns) {
        int used = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            used += DisplayWidth.of(Character.toString(cp));
            if (used > columns) {
                break;
            }
            i -= Character.charCount(cp);
        }
        return s.substring(i);
    }

    /** Removes the progress line, if one is shown. */
    public synchronized void clear() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }
}
