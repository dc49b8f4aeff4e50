package dev.pcx.output;

import org.jline.utils.WCWidth;

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

    /** Replaces tabs and line breaks with a space and other control characters with U+FFFD. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
            if (control) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                    out.append(s, 0, i);
                }
                out.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : '\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
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

    /** {@code s} followed by spaces up to {@code width} columns. */
    public static String pad(String s, int width) {
        int w = of(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }
}
