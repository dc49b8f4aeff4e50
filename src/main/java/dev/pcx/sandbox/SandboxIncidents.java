package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Service-health issues driven by hand ({@code pcx sandbox incident start|update|resolve}), kept in
 * the sandbox's state file so every sandbox reading it (a standalone {@code serve}, later
 * {@code pcx --sandbox} runs) serves them: to every tenant with the service, or to the customers
 * named. Each change of the issue adds an HTML post, as Microsoft does; a spread to more customers
 * or a recede from some changes who lists it, not the issue (see {@link #update(Path, String, String,
 * String, String, boolean, List, List, Clock)}).
 */
public final class SandboxIncidents {
    private SandboxIncidents() {
    }

    /** The services an incident may name: id and display name. */
    public static List<String> services() {
        return SeedHealth.SERVICES.stream().map(s -> s.id() + " (" + s.name() + ")").toList();
    }

    /**
     * Starts an issue and returns its id.
     *
     * @param customers tenant ids or domains of sandbox customers; empty for every tenant with the service
     * @throws IllegalArgumentException for an unknown service or customer, a customer without that service,
     *                                  or an id already in use
     */
    public static String start(Path file, String service, String title, String classification, String status,
                               String message, List<String> customers, String id, Clock clock) {
        SeedHealth.Service s = SeedHealth.service(service);
        if (s == null) {
            throw new IllegalArgumentException("no sandbox service is named '" + service + "'; use one of: "
                    + String.join(", ", services()));
        }
        SandboxState state = SandboxState.loadOrCreate(file);
        SandboxStore store = new SandboxStore(state.customers());
        ArrayNode tenants = null;
        if (!customers.isEmpty()) {
            tenants = Json.mapper().createArrayNode();
            for (String c : customers) {
                int index = customer(store, c);
                requireService(index, c, s, "the issue", "name");
                tenants.add(SeedData.tenantId(index));
            }
        }
        Instant now = clock.instant();
        ArrayNode who = tenants;
        String[] made = new String[1];
        SandboxState.updateIncidents(file, incidents -> {
            String newId = id != null ? id.trim().toUpperCase(Locale.ROOT) : nextId(s, incidents);
            if (incidents.containsKey(newId) || SeedHealth.ISSUES.stream()
                    .anyMatch(x -> x.issue().path("id").asText().equals(newId))) {
                throw new IllegalArgumentException("the sandbox has an issue " + newId + " already");
            }
            ObjectNode issue = Json.mapper().createObjectNode();
            issue.put("startDateTime", now.toString());
            issue.putNull("endDateTime");
            issue.put("lastModifiedDateTime", now.toString());
            issue.put("title", title);
            issue.put("id", newId);
            issue.put("impactDescription", message != null ? message : title);
            issue.put("classification", classification);
            issue.put("origin", "Microsoft");
            issue.put("status", status);
            issue.put("service", s.name());
            issue.put("feature", s.name());
            issue.put("featureGroup", s.name());
            issue.put("isResolved", false);
            issue.putArray("details");
            issue.putArray("posts").add(SeedHealth.post(now, html(title, message != null ? message
                    : "We're investigating a potential issue with " + s.name() + ".")));
            ObjectNode entry = Json.mapper().createObjectNode();
            entry.set("issue", issue);
            if (who != null) {
                entry.set("tenants", who);
            }
            incidents.put(newId, entry);
            made[0] = newId;
            return incidents;
        });
        return made[0];
    }

    /**
     * Changes an issue's status (and class), adding a post.
     *
     * @throws NoSuchElementException when no issue was started with that id
     */
    public static void update(Path file, String id, String status, String classification, String message,
                              boolean resolve, Clock clock) {
        update(file, id, status, classification, message, resolve, List.of(), List.of(), clock);
    }

    /**
     * What an update did to the customers an issue hits: those it spread to and receded from (as the
     * caller named them; a customer it hit already, or did not hit, is in neither), and how many it
     * hits now.
     */
    public record Reach(List<String> added, List<String> removed, int hits) {
    }

    /**
     * Changes an issue: its status and class, adding a post and moving its last-modified time, as
     * Microsoft's own updates do; and the customers it hits: {@code add} spreads it to more,
     * {@code remove} makes it recede from some.
     *
     * <p>A pure spread or recede (no status, class or message, not a resolve) adds no post and leaves
     * {@code lastModifiedDateTime} alone. In Microsoft 365 an issue is one object, the same in every
     * tenant that lists it: when it reaches another tenant, that tenant's Graph starts listing the
     * same issue (same posts, same last-modified time); the issue itself did not change. Keeping it
     * so here lets a watcher tell a {@code spread} or {@code recede} (who lists the issue changed)
     * from an {@code updated} (the issue changed), as it must with Microsoft's.
     *
     * @param add    tenant ids or domains of sandbox customers to hit as well
     * @param remove tenant ids or domains of sandbox customers to hit no more
     * @throws NoSuchElementException   when no issue was started with that id
     * @throws IllegalArgumentException for an unknown customer; a spread or recede of an issue that hits
     *                                  every tenant with its service, or of a resolved one; a customer
     *                                  added who lacks the service; a recede that would leave no customer
     */
    public static Reach update(Path file, String id, String status, String classification, String message,
                               boolean resolve, List<String> add, List<String> remove, Clock clock) {
        Instant now = clock.instant();
        String key = id.trim().toUpperCase(Locale.ROOT);
        boolean reach = !add.isEmpty() || !remove.isEmpty();
        Map<String, Integer> adding = new LinkedHashMap<>();
        Map<String, Integer> removing = new LinkedHashMap<>();
        if (reach) {
            SandboxStore store = new SandboxStore(SandboxState.loadOrCreate(file).customers());
            add.forEach(c -> adding.put(c, customer(store, c)));
            remove.forEach(c -> removing.put(c, customer(store, c)));
            for (var a : adding.entrySet()) {
                if (removing.containsValue(a.getValue())) {
                    throw new IllegalArgumentException("--add-customer and --remove-customer both name '" + a.getKey()
                            + "'");
                }
            }
        }
        Reach[] done = new Reach[1];
        SandboxState.updateIncidents(file, incidents -> {
            JsonNode entry = incidents.get(key);
            if (entry == null || !(entry.path("issue") instanceof ObjectNode)) {
                throw new NoSuchElementException("no issue " + key + " was started in this sandbox (its seeded issues "
                        + "cannot be changed); see them with: pcx --sandbox health --all");
            }
            ObjectNode copy = entry.deepCopy();
            ObjectNode issue = (ObjectNode) copy.get("issue");
            done[0] = new Reach(List.of(), List.of(), copy.path("tenants").isArray() ? copy.path("tenants").size() : -1);
            if (reach) {
                done[0] = reach(key, copy, adding, removing);
            }
            if (reach && status == null && classification == null && message == null && !resolve) {
                incidents.put(key, copy);
                return incidents;
            }
            if (status != null) {
                issue.put("status", status);
            }
            if (classification != null) {
                issue.put("classification", classification);
            }
            if (resolve) {
                issue.put("isResolved", true);
                issue.put("endDateTime", now.toString());
                if (status == null) {
                    issue.put("status", "ServiceRestored");
                }
            }
            issue.put("lastModifiedDateTime", now.toString());
            String said = message != null ? message : resolve ? "We've confirmed that the impact is remediated. "
                    + "This is the final update for the event." : "The status is now " + issue.path("status").asText() + ".";
            ((ArrayNode) issue.withArray("posts")).add(SeedHealth.post(now, html(issue.path("title").asText(), said)));
            incidents.put(key, copy);
            return incidents;
        });
        return done[0];
    }

    /** Spreads {@code entry}'s issue to the customers of {@code add} and makes it recede from those of {@code remove}. */
    private static Reach reach(String key, ObjectNode entry, Map<String, Integer> add, Map<String, Integer> remove) {
        ObjectNode issue = (ObjectNode) entry.get("issue");
        SeedHealth.Service service = SeedHealth.service(issue.path("service").asText());
        String name = service != null ? service.name() : issue.path("service").asText();
        if (!entry.path("tenants").isArray()) {
            throw new IllegalArgumentException(key + " hits every tenant with " + name + " (it was started "
                    + "without --customer), so it cannot spread or recede; to choose whom an issue hits, start one "
                    + "with: pcx sandbox incident start --customer TENANT");
        }
        if (issue.path("isResolved").asBoolean()) {
            throw new IllegalArgumentException(key + " is resolved: it no longer spreads or recedes; start a new "
                    + "one with: pcx sandbox incident start");
        }
        Set<String> hit = new LinkedHashSet<>();
        entry.get("tenants").forEach(t -> hit.add(t.asText().toLowerCase(Locale.ROOT)));
        List<String> added = new ArrayList<>();
        for (var a : add.entrySet()) {
            if (service != null) {
                requireService(a.getValue(), a.getKey(), service, key, "add");
            }
            if (hit.add(SeedData.tenantId(a.getValue()).toLowerCase(Locale.ROOT))) {
                added.add(a.getKey());
            }
        }
        List<String> removed = new ArrayList<>();
        for (var r : remove.entrySet()) {
            if (hit.remove(SeedData.tenantId(r.getValue()).toLowerCase(Locale.ROOT))) {
                removed.add(r.getKey());
            }
        }
        if (hit.isEmpty()) {
            throw new IllegalArgumentException("removing " + String.join(", ", remove.keySet()) + " would leave "
                    + key + " hitting no customer; to end it, run: pcx sandbox incident resolve " + key);
        }
        ArrayNode tenants = entry.putArray("tenants");
        hit.forEach(tenants::add);
        return new Reach(List.copyOf(added), List.copyOf(removed), hit.size());
    }

    /**
     * Refuses a customer (index {@code index}, as the caller {@code named} it) that does not have
     * {@code service}: Graph would list {@code issue} in none of its tenants, so starting or spreading
     * it there would change nothing anyone sees. {@code verb} is the caller's fix ("name", "add").
     */
    private static void requireService(int index, String named, SeedHealth.Service service, String issue, String verb) {
        if (!SeedHealth.has(index, service)) {
            throw new IllegalArgumentException("the sandbox customer '" + named + "' has no " + service.name()
                    + ", so Graph would not list " + issue + " there; " + verb + " a customer with " + service.name());
        }
    }

    /** The index of the sandbox customer {@code c} names (tenant id or domain). */
    private static int customer(SandboxStore store, String c) {
        int i = store.indexOf(c.trim());
        if (i < 0) {
            i = store.indexOfDomain(c.trim());
        }
        if (i < 0) {
            throw new IllegalArgumentException("the sandbox has no customer '" + c + "' (give a tenant id or "
                    + "a domain, e.g. contoso.partner.onmschina.cn)");
        }
        return i;
    }

    private static String nextId(SeedHealth.Service s, Map<String, JsonNode> incidents) {
        String prefix = s.id().substring(0, 2).toUpperCase(Locale.ROOT);
        int n = 600001;
        while (incidents.containsKey(prefix + n)) {
            n++;
        }
        return prefix + n;
    }

    private static String html(String title, String message) {
        return "<p><b>Title:</b> " + escape(title) + "</p><p><b>Current status:</b> " + escape(message) + "</p>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
