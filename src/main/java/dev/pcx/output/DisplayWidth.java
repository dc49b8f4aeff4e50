package dev.pcx.output;

import org.jline.utils.WCWidth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Terminal column arithmetic: a CJK ideograph takes two columns, a combining mark none. Cells are
 * also cleaned here, because a company name is data from the outside: control characters, which
 * could move the cursor or recolour a terminal, never reach it.
 */
public final class DisplayWidth {
    private static final String ELLIPSIS = "…";

    private DisplayWidth() {
    }

    /** Columns {@code s} occupies on a terminal. */
    public static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    private static int columns(int cp) {
        if (cp < 0x7f && cp >= 0x20) {
            return 1;
        }
        int w = WCWidth.wcwidth(cp);
        return Math.max(w, 0);
    }

    /**
     * Text safe for one line of a terminal: tabs and line breaks become a space, other control
     * characters (C0, DEL, C1: what moves a cursor or recolours a terminal) become U+FFFD, and
     * invisible format characters (bidi overrides and isolates, zero-width spaces and joiners, the
     * byte-order mark, line and paragraph separators) are dropped, so data cannot hide or reorder
     * what a person reads. The one place pcx cleans text for a terminal.
     */
    public static String clean(String s) {
        return scrub(s, false);
    }

    /**
     * Several lines (a {@code --debug} trace, a stack trace) safe for a terminal: each line as
     * {@link #clean} makes it, the line feeds between them and the tabs within them kept. A
     * carriage return, which would let a later line overwrite an earlier one, is cleaned like any
     * other control character.
     */
    public static String cleanLines(String s) {
        if (s == null) {
            return "";
        }
        return Arrays.stream(s.split("\n", -1))
                .map(line -> Arrays.stream(line.split("\t", -1)).map(DisplayWidth::clean)
                        .collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n"));
    }

    /** As {@link #clean}, keeping tab, line feed and carriage return (for formats that escape them). */
    public static String scrub(String s) {
        return scrub(s, true);
    }

    private static String scrub(String s, boolean keepBreaks) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            String replacement = replacement(cp, keepBreaks);
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** What stands for {@code cp} on a terminal, or null when it may stay. */
    private static String replacement(int cp, boolean keepBreaks) {
        if (cp >= 0x20 && cp < 0x7f) {
            return null;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return keepBreaks ? null : " ";
        }
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
            return "\uFFFD";
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return "";
        }
        return null;
    }

    /** {@code s} cut to at most {@code max} columns, ending in an ellipsis when cut. */
    public static String truncate(String s, int max) {
        if (of(s) <= max) {
            return s;
        }
        if (max <= 0) {
            return "";
        }
        int budget = max - 1;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = columns(cp);
            if (used + w > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append(ELLIPSIS).toString();
    }

    /**
     * {@code s} in lines of at most {@code width} columns, broken at spaces where it can be, inside a
     * word only when the word alone is wider (CJK text, which has no spaces, breaks anywhere).
     */
    public static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        int w = Math.max(1, width);
        for (String paragraph : s.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int used = 0;
            for (String word : paragraph.split(" ")) {
                int ww = of(word);
                if (used > 0 && used + 1 + ww <= w) {
                    line.append(' ').append(word);
                    used += 1 + ww;
                    continue;
                }
                if (used > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    used = 0;
                }
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    int cw = columns(cp);
                    if (used + cw > w && used > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                        used = 0;
                    }
                    line.appendCodePoint(cp);
                    used += cw;
                    i += Character.charCount(cp);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code s} followed by spaces up to {@code width} columns. */
    public static String pad(String s, int width) {
        int w = of(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }
}
