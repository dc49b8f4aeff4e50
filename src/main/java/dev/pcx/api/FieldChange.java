package dev.pcx.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a subscription going to a value: what a fix wants ({@link #wanted}, no {@code from}
 * yet), and what the updater found to change (from the value as read, which is null when the
 * subscription has none, to the wanted one). The updater, the fixes and the result lines all speak it.
 */
public record FieldChange(Field field, JsonNode from, JsonNode to) {
    /** The fields a fix may change, by their wire names. */
    public enum Field {
        STATUS("status"), QUANTITY("quantity"), FRIENDLY_NAME("friendlyName"), AUTO_RENEW("autoRenewEnabled");

        private final String wire;

        Field(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** {@code field} wanted at {@code value}, whatever it is now. */
    public static FieldChange wanted(Field field, JsonNode value) {
        return new FieldChange(field, null, value);
    }

    /** This change from {@code current}, the value the subscription has. */
    FieldChange withFrom(JsonNode current) {
        return new FieldChange(field, current, to);
    }
}
