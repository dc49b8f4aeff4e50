package dev.pcx.cli;

/**
 * What a person typed or pasted, as pcx matches it: text copied from Teams, Outlook or Excel often
 * carries invisible characters (zero-width spaces, byte-order marks, bidi marks) and no-break
 * spaces; they are dropped or made plain spaces, so a reference matches what it looks like.
 */
public final class Typed {
    private Typed() {
    }

    public static String plain(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x3000) {
                out.append(' ');
            } else if (Character.getType(cp) != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().strip();
    }
}
