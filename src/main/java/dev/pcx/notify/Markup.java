package dev.pcx.notify;

import java.util.regex.Pattern;

/**
 * How text from the outside (a company name, an issue title, a tool's error message) goes into a
 * chat message without changing it. It is cleaned first: terminal escape sequences and control
 * characters dropped (a line break becomes a space, so data never starts a line of its own),
 * invisible format characters dropped, runs of spaces made one, and the length capped, so a
 * hostile value cannot break the message or fill it. Then the characters the tool would read as
 * markup are replaced by their fullwidth forms, which read the same: the tools' markdown subsets
 * document no escape character, so a backslash might show as itself, while {@code ＊} always does.
 * Slack's own escapes for {@code & < >} are used there, as Slack asks.
 */
enum Markup {
    /** Feishu's text message: no markup, but {@code <at ...>} tags are read. */
    PLAIN("<>", "", ""),
    /** Teams' Adaptive Card TextBlocks, DingTalk's and WeCom's markdown (WeCom's {@code <font>} tags). */
    MARKDOWN("\\*_`[]<>#~|", "**", "**"),
    /** Slack's mrkdwn. */
    SLACK("*_~`", "*", "*");

    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]" // CSI: colours, cursor moves
                    + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?" // OSC: titles, links
                    + "|\u009B[0-?]*[ -/]*[@-~]" // the 8-bit CSI
                    + "|\u001B[@-_]"); // the other two-character escapes
    private static final String ELLIPSIS = "…";

    private final String special;
    private final String boldOpen;
    private final String boldClose;

    Markup(String special, String boldOpen, String boldClose) {
        this.special = special;
        this.boldOpen = boldOpen;
        this.boldClose = boldClose;
    }

    /** {@code s} cleaned, cut to {@code max} code points (an ellipsis ending it when cut), then escaped. */
    String text(String s, int max) {
        return escape(clean(s, max));
    }

    /** pcx's own words, in bold where the tool has bold. */
    String bold(String ownWords) {
        return boldOpen + ownWords + boldClose;
    }

    /** {@code s} cleaned and cut as {@link #text} does, not escaped. */
    String clean(String s, int max) {
        if (s == null) {
            return "";
        }
        String noEscapes = ESCAPE_SEQUENCE.matcher(s).replaceAll("");
        StringBuilder out = new StringBuilder(Math.min(noEscapes.length(), max * 2 + 1));
        int kept = 0;
        boolean space = false;
        for (int i = 0; i < noEscapes.length(); ) {
            int cp = noEscapes.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
                continue;
            }
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                continue;
            }
            if (kept + (space ? 1 : 0) >= max) {
                out.append(ELLIPSIS);
                return out.toString();
            }
            if (space) {
                out.append(' ');
                kept++;
                space = false;
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString();
    }

    private String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (this == SLACK && (c == '&' || c == '<' || c == '>')) {
                out.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
            } else if (special.indexOf(c) >= 0) {
                out.append((char) (c - 0x21 + 0xFF01)); // the fullwidth form of an ASCII character
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
