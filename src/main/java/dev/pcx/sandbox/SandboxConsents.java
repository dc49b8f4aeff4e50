package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application consents in each customer's tenant (partner-center-api.md §11.1): the seeded ones
 * ({@link SeedAccess#consents}) until a grant or a removal changes a customer's, whose consents are
 * then kept whole, by customer index, in memory and in the state file when there is one. The file
 * is read again whenever it changes, so a consent granted by another pcx run (or by a running
 * {@code pcx sandbox serve} on the same file) is seen by the next token request.
 */
final class SandboxConsents {
    private final Path stateFile;
    private volatile Map<String, JsonNode> changed;
    private volatile Object stamp;

    SandboxConsents(Map<String, JsonNode> saved, Path stateFile) {
        this.changed = new ConcurrentHashMap<>(saved);
        this.stateFile = stateFile;
    }

    /** Customer {@code index}'s consents as they are now (copies). */
    synchronized List<ObjectNode> of(int index) {
        JsonNode kept = current().get(String.valueOf(index));
        List<ObjectNode> consents = new ArrayList<>();
        if (kept == null) {
            SeedAccess.consents(index).forEach(c -> consents.add(c.deepCopy()));
        } else {
            kept.forEach(c -> {
                if (c instanceof ObjectNode o) {
                    consents.add(o.deepCopy());
                }
            });
        }
        return consents;
    }

    /** The consent of {@code applicationId} in customer {@code index}'s tenant, or null. */
    ObjectNode find(int index, String applicationId) {
        return of(index).stream().filter(c -> c.path("applicationId").asText().equalsIgnoreCase(applicationId))
                .findFirst().orElse(null);
    }

    /**
     * Whether the sandbox's application may have a token of {@code resource} (a Graph or ARM base)
     * in customer {@code index}'s tenant: a consent of it grants that resource's enterprise application.
     */
    boolean grants(int index, String resource) {
        ObjectNode consent = find(index, SandboxIdentity.CLIENT_ID);
        if (consent == null) {
            return false;
        }
        String wanted = SeedAccess.enterpriseApplication(resource);
        for (JsonNode grant : consent.path("applicationGrants")) {
            if (grant.path("enterpriseApplicationId").asText().equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code consent} to customer {@code index}'s; false when one of its application is there already. */
    synchronized boolean add(int index, ObjectNode consent) {
        List<ObjectNode> consents = of(index);
        String app = consent.path("applicationId").asText();
        if (consents.stream().anyMatch(c -> c.path("applicationId").asText().equalsIgnoreCase(app))) {
            return false;
        }
        consents.add(consent);
        keep(index, consents);
        return true;
    }

    /** Removes the consent of {@code applicationId} from customer {@code index}'s; false when there is none. */
    synchronized boolean remove(int index, String applicationId) {
        List<ObjectNode> consents = of(index);
        String app = applicationId.toLowerCase(Locale.ROOT);
        if (!consents.removeIf(c -> c.path("applicationId").asText().toLowerCase(Locale.ROOT).equals(app))) {
            return false;
        }
        keep(index, consents);
        return true;
    }

    private void keep(int index, List<ObjectNode> consents) {
        ArrayNode all = Json.mapper().createArrayNode();
        consents.forEach(all::add);
        current().put(String.valueOf(index), all);
        if (stateFile != null) {
            SandboxState.saveConsents(stateFile, String.valueOf(index), all);
        }
    }

    /** The changed customers' consents, read again from the state file when it changed. */
    private Map<String, JsonNode> current() {
        if (stateFile == null) {
            return changed;
        }
        try {
            Object now = GraphRoutes.stamp(stateFile);
            if (!now.equals(stamp)) {
                SandboxState state = SandboxState.load(stateFile);
                if (state != null) {
                    changed = new ConcurrentHashMap<>(state.consents());
                }
                stamp = now;
            }
        } catch (IOException | RuntimeException unreadable) {
            // keep what was read last: a state file being replaced is read on the next call
        }
        return changed;
    }
}
