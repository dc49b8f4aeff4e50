package dev.pcx.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Iterator;

/**
 * The one ObjectMapper configuration pcx uses, for reading the service, writing {@code -o json},
 * the sandbox and test fixtures alike: property names read case-insensitively (documented bodies
 * are PascalCase, real responses camelCase), unknown properties tolerated, absent values left out
 * of what pcx writes.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    static {
        // Invisible format characters (bidi overrides, zero-width spaces) are written as \\uXXXX
        // escapes: the same JSON value, but nothing hidden on a terminal or in a file someone cats.
        MAPPER.getFactory().setCharacterEscapes(new FormatEscapes());
        // A hostile server must not make pcx build a gigantic string or nest forever.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(8 * 1024 * 1024)
                .maxNestingDepth(200)
                .build());
    }

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The key of {@code node} named {@code name}, as the body spells it (documented bodies are
     * PascalCase, real ones camelCase): the exact name first, else one that differs only in case;
     * null when there is none.
     */
    public static String key(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has(name)) {
            return name;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    /** The value of the field {@link #key} finds, or null. */
    public static JsonNode field(JsonNode node, String name) {
        String key = key(node, name);
        return key == null ? null : node.get(key);
    }

    /** Jackson's standard escapes, plus a \\uXXXX escape for every Unicode format character (Cf) and U+2028/U+2029. */
    private static final class FormatEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            int type = Character.getType(ch);
            if (type == Character.FORMAT || ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}
