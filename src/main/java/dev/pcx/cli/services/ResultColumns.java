package dev.pcx.cli.services;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.pcx.api.FieldChange;
import dev.pcx.output.Column;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the result of a fix is shown: its columns, and its field changes as people say them
 * ({@code auto-renew: off → on}), as sent ({@code autoRenewEnabled: false → true}) and in JSON.
 */
final class ResultColumns {
    private ResultColumns() {
    }

    static final List<Column<Fix.Result>> WITH_LINE = List.of(
            Column.of("Line", r -> r.line() == null ? null : String.valueOf(r.line())),
            Column.<Fix.Result>of("Subscription", Fix.Result::subscription).optional(1),
            Column.shrinking("Name", Fix.Result::friendlyName),
            Column.of("Action", r -> r.value() == null ? r.action() : r.action() + " " + r.value()),
            Column.<Fix.Result>shrinking("Result", Fix.Result::result).shown(r -> r.error() != null
                    ? r.result() + ": " + r.error() : r.result() + (r.changes().isEmpty() ? ""
                    : " (" + join(r.changes().stream().map(ResultColumns::forPeople), ", ") + ")")),
            Column.<Fix.Result>of("Changes", r -> r.changes().isEmpty() ? null
                    : join(r.changes().stream().map(ResultColumns::asSent), "; ")).machineOnly(),
            Column.of("Error", Fix.Result::error).machineOnly());

    static final List<Column<Fix.Result>> NO_LINE = WITH_LINE.subList(1, WITH_LINE.size());

    private static String join(Stream<String> texts, String separator) {
        return String.join(separator, texts.toList());
    }

    /** A change as a person typed it: {@code auto-renew: off → on}, {@code name: A → B}. */
    private static String forPeople(FieldChange c) {
        return switch (c.field()) {
            case AUTO_RENEW -> "auto-renew: " + onOff(plain(c.from())) + " → " + onOff(plain(c.to()));
            case FRIENDLY_NAME -> "name: " + plain(c.from()) + " → " + plain(c.to());
            default -> asSent(c);
        };
    }

    /** A change by its wire names and values: {@code autoRenewEnabled: false → true}. */
    private static String asSent(FieldChange c) {
        return c.field().wire() + ": " + plain(c.from()) + " → " + plain(c.to());
    }

    private static String onOff(Object v) {
        return "true".equals(String.valueOf(v)) ? "on" : "false".equals(String.valueOf(v)) ? "off" : String.valueOf(v);
    }

    /** A value as a result carries it: a boolean, a whole number or text; null when there is none. */
    private static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        return n.asText();
    }

    /** A change in JSON: {@code {"field": wire name, "from": …, "to": …}}, values plain, an absent one left out. */
    static final class ChangeJson extends StdSerializer<FieldChange> {
        ChangeJson() {
            super(FieldChange.class);
        }

        @Override
        public void serialize(FieldChange c, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("field", c.field().wire());
            write(json, provider, "from", plain(c.from()));
            write(json, provider, "to", plain(c.to()));
            json.writeEndObject();
        }

        private static void write(JsonGenerator json, SerializerProvider provider, String name, Object value)
                throws IOException {
            if (value != null) {
                provider.defaultSerializeField(name, value, json);
            }
        }
    }
}
