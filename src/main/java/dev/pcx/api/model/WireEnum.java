package dev.pcx.api.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/**
 * The names of one Partner Center enum as they appear on the wire, and the lenient reading the
 * contract asks for: a value may come as its snake_case name, its PascalCase or camelCase .NET
 * name, or its integer ordinal; a value pcx does not know is kept as sent, never dropped or
 * mapped to a default, because Partner Center adds values without notice.
 */
public final class WireEnum {
    private final List<String> names;
    private final boolean ordinalsKnown;

    private WireEnum(List<String> names, boolean ordinalsKnown) {
        this.names = names;
        this.ordinalsKnown = ordinalsKnown;
    }

    /** An enum whose SDK ordinals are the positions of {@code names}. */
    public static WireEnum ordered(String... names) {
        return new WireEnum(List.of(names), true);
    }

    /** An enum whose ordinals the contract does not state: integers are kept as they came. */
    public static WireEnum unordered(String... names) {
        return new WireEnum(List.of(names), false);
    }

    /** The known values, in snake_case. */
    public List<String> names() {
        return names;
    }

    /** Whether {@code raw}, in any spelling, is one of the known values. */
    public boolean known(String raw) {
        return raw != null && names.contains(normalize(raw));
    }

    /** The canonical snake_case name for a wire value, or the value itself when it is unknown. */
    public String normalize(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            int ordinal = node.intValue();
            if (ordinalsKnown && ordinal >= 0 && ordinal < names.size()) {
                return names.get(ordinal);
            }
            return node.asText();
        }
        return normalize(node.asText());
    }

    public String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.trim();
        String snake = toSnakeCase(trimmed);
        for (String name : names) {
            if (name.equals(snake) || name.equalsIgnoreCase(trimmed)) {
                return name;
            }
        }
        if (ordinalsKnown && trimmed.matches("\\d{1,3}")) {
            int ordinal = Integer.parseInt(trimmed);
            if (ordinal < names.size()) {
                return names.get(ordinal);
            }
        }
        return trimmed;
    }

    /** Whether two spellings name the same value: {@code LockedByMicrosoft} and {@code locked_by_microsoft}. */
    public static boolean same(String a, String b) {
        return a != null && b != null && toSnakeCase(a.trim()).equals(toSnakeCase(b.trim()));
    }



    /** {@code AttentionNeeded} and {@code attentionNeeded} become {@code attention_needed}. */
    static String toSnakeCase(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && s.charAt(i - 1) != '_' && !Character.isUpperCase(s.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
