package dev.pcx.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.auth.LocalFiles;
import dev.pcx.auth.LocalStateException;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the sandbox keeps between runs, in its state file: how many customers it serves, the key
 * its tokens are signed with (so a token from one {@code pcx --sandbox} run is good in the next),
 * token lifetime, how soon device codes approve themselves, and the registered certificates.
 * Created (with a fresh key) under the directory lock the first time it is needed.
 *
 * @param approveAfterSeconds negative: device codes wait for {@code pcx sandbox approve}
 * @param incidents           service-health issues started with {@code pcx sandbox incident}, by id
 * @param consents            the application consents of the customers whose consents changed, by customer index
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxState(int customers, String key, int tokenLifetimeSeconds, int approveAfterSeconds,
                           List<String> certificates, Map<String, JsonNode> subscriptions,
                           Map<String, JsonNode> incidents, Map<String, JsonNode> serviceRequests,
                           Map<String, JsonNode> supportTickets, Map<String, JsonNode> consents) {
    static final int DEFAULT_CUSTOMERS = 150;
    static final int MAX_CUSTOMERS = 100_000;
    static final int DEFAULT_LIFETIME = 3600;
    static final int DEFAULT_APPROVE_AFTER = 3;

    public SandboxState {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        subscriptions = subscriptions == null ? Map.of() : Map.copyOf(subscriptions);
        incidents = incidents == null ? Map.of() : Map.copyOf(incidents);
        serviceRequests = serviceRequests == null ? Map.of() : Map.copyOf(serviceRequests);
        supportTickets = supportTickets == null ? Map.of() : Map.copyOf(supportTickets);
        consents = consents == null ? Map.of() : Map.copyOf(consents);
    }

    /** The settings of this state, keeping its subscriptions, incidents, service requests and support tickets. */
    public SandboxState(int customers, String key, int tokenLifetimeSeconds, int approveAfterSeconds,
                        List<String> certificates, Map<String, JsonNode> subscriptions, Map<String, JsonNode> incidents,
                        Map<String, JsonNode> serviceRequests, Map<String, JsonNode> supportTickets) {
        this(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions, incidents,
                serviceRequests, supportTickets, null);
    }

    /** The settings of this state, keeping its subscriptions, incidents and service requests. */
    public SandboxState(int customers, String key, int tokenLifetimeSeconds, int approveAfterSeconds,
                        List<String> certificates, Map<String, JsonNode> subscriptions, Map<String, JsonNode> incidents,
                        Map<String, JsonNode> serviceRequests) {
        this(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions, incidents,
                serviceRequests, null);
    }

    /** The settings of this state, keeping its subscriptions and incidents. */
    public SandboxState(int customers, String key, int tokenLifetimeSeconds, int approveAfterSeconds,
                        List<String> certificates, Map<String, JsonNode> subscriptions) {
        this(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions, null, null, null);
    }

    /** The settings of this state, keeping its subscriptions, incidents and service requests. */
    public SandboxState(int customers, String key, int tokenLifetimeSeconds, int approveAfterSeconds,
                        List<String> certificates, Map<String, JsonNode> subscriptions, Map<String, JsonNode> incidents) {
        this(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions, incidents, null, null);
    }

    /** The same state with other incidents. */
    public SandboxState withIncidents(Map<String, JsonNode> changed) {
        return new SandboxState(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions,
                changed, serviceRequests, supportTickets, consents);
    }

    /** The same state with other service-request changes. */
    public SandboxState withServiceRequests(Map<String, JsonNode> changed) {
        return new SandboxState(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions,
                incidents, changed, supportTickets, consents);
    }

    /** The same state with other Azure support tickets. */
    public SandboxState withSupportTickets(Map<String, JsonNode> changed) {
        return new SandboxState(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions,
                incidents, serviceRequests, changed, consents);
    }

    /** The saved documents of one kind that are objects, in a map the routes change as they answer. */
    static Map<String, ObjectNode> objects(Map<String, JsonNode> saved) {
        Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
        saved.forEach((key, value) -> {
            if (value instanceof ObjectNode o) {
                objects.put(key, o);
            }
        });
        return objects;
    }

    /** The same state with other application consents. */
    public SandboxState withConsents(Map<String, JsonNode> changed) {
        return new SandboxState(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, subscriptions,
                incidents, serviceRequests, supportTickets, changed);
    }

    /** Records customer {@code key}'s application consents (all of them, as they are now), as {@link #saveSubscription} does. */
    static void saveConsents(Path file, String key, JsonNode consents) {
        save(file, SandboxState::consents, SandboxState::withConsents, key, consents);
    }

    /** Records the Azure support ticket {@code key} ("subscription/name") in the state file, as {@link #saveSubscription} does. */
    static void saveSupportTicket(Path file, String key, JsonNode ticket) {
        save(file, SandboxState::supportTickets, SandboxState::withSupportTickets, key, ticket);
    }

    /** Records the changed service request {@code key} in the state file, as {@link #saveSubscription} does. */
    static void saveServiceRequest(Path file, String key, JsonNode request) {
        save(file, SandboxState::serviceRequests, SandboxState::withServiceRequests, key, request);
    }

    /**
     * Changes the incidents kept in {@code file}: a read-modify-write under the lock, like
     * {@link #saveSubscription}. Returns the incidents as saved.
     */
    public static Map<String, JsonNode> updateIncidents(Path file,
                                                        UnaryOperator<Map<String, JsonNode>> change) {
        LocalFiles files = new LocalFiles(file.toAbsolutePath().getParent(), false);
        return files.locked(() -> {
            SandboxState current = read(files, file);
            if (current == null) {
                current = fresh(DEFAULT_CUSTOMERS, DEFAULT_LIFETIME, DEFAULT_APPROVE_AFTER, List.of());
            }
            Map<String, JsonNode> next = change.apply(new TreeMap<>(current.incidents()));
            current.withIncidents(next).write(files, file);
            return next;
        });
    }

    /** The same settings with other subscription changes. */
    public SandboxState withSubscriptions(Map<String, JsonNode> changed) {
        return new SandboxState(customers, key, tokenLifetimeSeconds, approveAfterSeconds, certificates, changed,
                incidents, serviceRequests, supportTickets, consents);
    }

    /**
     * Records the changed subscription {@code key} ("customer/subscription" indexes) in the state
     * file: a read-modify-write under the lock, so parallel pcx runs keep each other's changes.
     */
    static void saveSubscription(Path file, String key, JsonNode subscription) {
        save(file, SandboxState::subscriptions, SandboxState::withSubscriptions, key, subscription);
    }

    /** Puts {@code doc} at {@code key} among the documents of one kind, read-modify-write under the lock. */
    private static void save(Path file, Function<SandboxState, Map<String, JsonNode>> kind,
                             BiFunction<SandboxState, Map<String, JsonNode>, SandboxState> with, String key, JsonNode doc) {
        LocalFiles files = new LocalFiles(file.toAbsolutePath().getParent(), false);
        files.locked(() -> {
            SandboxState current = read(files, file);
            if (current == null) {
                return null;
            }
            Map<String, JsonNode> changed = new TreeMap<>(kind.apply(current));
            changed.put(key, doc);
            with.apply(current, changed).write(files, file);
            return null;
        });
    }

    /** A new state with a new signing key. */
    public static SandboxState fresh(int customers, int lifetime, int approveAfter, List<String> certificates) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SandboxState(customers, Base64.getEncoder().encodeToString(key), lifetime, approveAfter, certificates,
                null);
    }

    byte[] keyBytes() {
        return Base64.getDecoder().decode(key);
    }

    /** The state in {@code file}, created with defaults (and saved) when there is none yet. */
    public static SandboxState loadOrCreate(Path file) {
        LocalFiles files = new LocalFiles(file.toAbsolutePath().getParent(), false);
        return files.locked(() -> {
            SandboxState existing = read(files, file);
            if (existing != null) {
                return existing;
            }
            SandboxState created = fresh(DEFAULT_CUSTOMERS, DEFAULT_LIFETIME, DEFAULT_APPROVE_AFTER, List.of());
            created.write(files, file);
            return created;
        });
    }

    /** The state in {@code file}, or null. */
    public static SandboxState load(Path file) {
        return read(new LocalFiles(file.toAbsolutePath().getParent(), false), file);
    }

    private static SandboxState read(LocalFiles files, Path file) {
        SandboxState s = files.readJson(file, SandboxState.class, "start it over with: pcx sandbox reset");
        if (s == null) {
            return null;
        }
        try {
            if (s.key() == null || s.key().isBlank()) {
                throw new IOException("no signing key");
            }
            Base64.getDecoder().decode(s.key());
            int customers = Math.max(1, Math.min(MAX_CUSTOMERS, s.customers() == 0 ? DEFAULT_CUSTOMERS : s.customers()));
            int lifetime = s.tokenLifetimeSeconds() <= 0 ? DEFAULT_LIFETIME : s.tokenLifetimeSeconds();
            return new SandboxState(customers, s.key(), lifetime, s.approveAfterSeconds(), s.certificates(),
                    s.subscriptions(), s.incidents(), s.serviceRequests(), s.supportTickets(), s.consents());
        } catch (IOException | IllegalArgumentException e) {
            throw new LocalStateException("the sandbox state file " + file + " is unreadable ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "); start it over with: pcx sandbox reset", e);
        }
    }

    public void save(Path file) {
        LocalFiles files = new LocalFiles(file.toAbsolutePath().getParent(), false);
        files.locked(() -> {
            write(files, file);
            return null;
        });
    }

    private void write(LocalFiles files, Path file) {
        try {
            files.writeAtomically(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
        } catch (IOException e) {
            throw new LocalStateException("cannot write the sandbox state " + file + ": " + e.getMessage(), e);
        }
    }
}
