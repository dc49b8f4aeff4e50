package dev.pcx.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code relationshipToPartner}: none, reseller, advisor, syndication, microsoft_support (the
 * Java SDK spells the last one {@code microsoftSupport}; both read as {@code microsoft_support}).
 * The contract gives no ordinals, so an integer is kept as sent.
 */
public record RelationshipToPartner(String value) {
    public static final WireEnum NAMES =
            WireEnum.unordered("unknown", "none", "reseller", "advisor", "syndication", "microsoft_support");

    public static final RelationshipToPartner RESELLER = new RelationshipToPartner("reseller");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RelationshipToPartner of(JsonNode node) {
        String v = NAMES.normalize(node);
        return v == null ? null : new RelationshipToPartner(v);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
