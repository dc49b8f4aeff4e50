package dev.pcx.output;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service-health posts as readable text for a terminal: block elements become line breaks,
 * paragraphs and headings blank lines, list items bullets ({@code •}, or numbers in an ordered
 * list), table cells are spaced apart, a link's web or mail address follows its text; character
 * references are decoded; scripts, styles and comments are dropped; control characters never get through. Content that says it is HTML but
 * holds no tag (Microsoft sends such posts) keeps its own line breaks.
 */
public final class HtmlText {
    private static final Pattern DROPPED = Pattern.compile(
            "<!--.*?-->|<(script|style|head|template)\\b[^>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)\\b([^>]*?)(/?)>|<![^>]*>",
            Pattern.DOTALL);
    private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9]*\\b[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
            "blockquote", "pre", "dl", "figure");
    private static final Set<String> LINES = Set.of("div", "tr", "section", "article", "header", "footer", "hr", "dt",
            "dd", "address", "main", "nav", "aside", "caption", "tbody", "thead", "tfoot");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ensp", " "), Map.entry("emsp", " "),
            Map.entry("thinsp", " "), Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("deg", "°"), Map.entry("times", "×"), Map.entry("rarr", "→"),
            Map.entry("larr", "←"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("euro", "€"),
            Map.entry("yen", "¥"), Map.entry("pound", "£"), Map.entry("sect", "§"), Map.entry("para", "¶"));

    private HtmlText() {
    }

    /** {@code content} as text; {@code html} false for Graph's {@code Text} bodies. */
    public static String render(String content, boolean html) {
        if (content == null) {
            return "";
        }
        if (!html || !ANY_TAG.matcher(content).find()) {
            return tidy(clean(decode(content.replace("\r\n", "\n").replace('\r', '\n'))));
        }
        String source = DROPPED.matcher(content).replaceAll(" ");
        StringBuilder out = new StringBuilder();
        Deque<int[]> lists = new ArrayDeque<>(); // per open list: {ordered ? 1 : 0, next number}
        int pre = 0;
        String href = null; // the link of the open <a>, shown after its text
        int linkStart = 0;
        Matcher m = TAG.matcher(source);
        int at = 0;
        while (m.find()) {
            text(out, source.substring(at, m.start()), pre > 0);
            at = m.end();
            if (m.group(2) == null) {
                continue; // <!DOCTYPE ...>, a stray declaration
            }
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !m.group(1).isEmpty();
            switch (name) {
                case "br" -> out.append('\n');
                case "a" -> {
                    if (!closing) {
                        href = link(m.group(3));
                        linkStart = out.length();
                    } else if (href != null) {
                        String text = out.substring(Math.min(linkStart, out.length())).strip();
                        if (!text.equals(href)) {
                            out.append(text.isEmpty() ? href : " (" + href + ")");
                        }
                        href = null;
                    }
                }
                case "li" -> {
                    if (!closing) {
                        breakLine(out);
                        int[] list = lists.peek();
                        out.append("  ".repeat(Math.max(0, lists.size() - 1)));
                        out.append(list != null && list[0] == 1 ? list[1]++ + ". " : "• ");
                    } else {
                        breakLine(out);
                    }
                }
                case "ul", "ol" -> {
                    if (closing) {
                        lists.poll();
                    } else {
                        lists.push(new int[] {name.equals("ol") ? 1 : 0, 1});
                    }
                    if (lists.isEmpty()) {
                        blankLine(out);
                    } else {
                        breakLine(out);
                    }
                }
                case "td", "th" -> {
                    if (!closing && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                        out.append("  ");
                    }
                }
                default -> {
                    if (name.equals("pre")) {
                        pre = Math.max(0, pre + (closing ? -1 : 1));
                    }
                    if (PARAGRAPHS.contains(name)) {
                        blankLine(out);
                    } else if (LINES.contains(name)) {
                        breakLine(out);
                    }
                }
            }
        }
        text(out, source.substring(at), pre > 0);
        return tidy(out.toString());
    }

    /** The web or mail address an anchor's attributes link to, or null (scripts and the like are not shown). */
    private static String link(String attributes) {
        Matcher h = HREF.matcher(attributes == null ? "" : attributes);
        if (!h.find()) {
            return null;
        }
        String url = clean(decode(h.group(1) != null ? h.group(1) : h.group(2) != null ? h.group(2) : h.group(3)))
                .strip().replace("\n", "");
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") ? url : null;
    }

    /** Text between tags: whitespace collapsed (kept inside {@code pre}), references decoded, controls dropped. */
    private static void text(StringBuilder out, String raw, boolean pre) {
        if (raw.isEmpty()) {
            return;
        }
        String t = pre ? raw : raw.replaceAll("[ \\t\\r\\n\\f]+", " ");
        t = clean(decode(t));
        if (!pre && (out.length() == 0 || out.charAt(out.length() - 1) == '\n' || out.charAt(out.length() - 1) == ' ')) {
            t = t.stripLeading();
        }
        out.append(t);
    }

    private static void breakLine(StringBuilder out) {
        trimEnd(out);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void blankLine(StringBuilder out) {
        breakLine(out);
        if (out.length() > 0 && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
            out.append('\n');
        }
    }

    private static void trimEnd(StringBuilder out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            n--;
        }
        out.setLength(n);
    }

    /** Decodes character references; an unknown name, or a code point that is not a character, stays as written. */
    static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String value;
            if (ref.startsWith("#")) {
                boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
                int cp;
                try {
                    cp = Integer.parseInt(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
                } catch (NumberFormatException e) {
                    cp = -1;
                }
                value = cp > 0 && cp <= Character.MAX_CODE_POINT && (cp < 0xD800 || cp > 0xDFFF)
                        ? new String(Character.toChars(cp)) : "\uFFFD";
            } else {
                value = NAMED.get(ref);
                if (value == null) {
                    value = NAMED.get(ref.toLowerCase(Locale.ROOT));
                }
                if (value == null) {
                    value = m.group();
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Drops control characters (and bidirectional overrides) but line breaks; a tab is a space. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append(c);
            } else if (c == '\t') {
                out.append(' ');
            } else if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069) {
                continue;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Trailing spaces off every line, at most one blank line in a row, none at either end. */
    private static String tidy(String s) {
        String[] lines = s.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int blanks = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                blanks++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blanks > 0 ? "\n\n" : "\n");
            }
            blanks = 0;
            out.append(l);
        }
        return out.toString();
    }
}
