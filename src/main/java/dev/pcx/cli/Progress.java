package dev.pcx.cli;

import dev.pcx.output.DisplayWidth;

import java.io.PrintStream;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * One line of progress on a terminal's stderr, rewritten in place ({@code 340/1200 lines checked}),
 * at most ten times a second; nothing at all when stderr is not a terminal, so logs and scripts see
 * only results. Messages printed meanwhile clear the line first ({@link Context#say}).
 */
public final class Progress {
    private static final long INTERVAL_NANOS = 100_000_000L;

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
        err.print("\r\u001b[K" + DisplayWidth.truncate(DisplayWidth.clean(text), w));
        err.flush();
        shown = true;
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
