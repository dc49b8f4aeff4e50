package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Service-health issues driven by hand ({@code pcx sandbox incident start|update|resolve}), kept in
 * the sandbox's state file so every sandbox reading it (a standalone {@code serve}, later
 * {@code pcx --sandbox} runs) serves them: to every tenant with the service, or to the customers
 * named. Each change adds an HTML post, as Microsoft does.
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
     * @throws IllegalArgumentException for an unknown service or customer, or an id already in use
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
                int i = store.indexOf(c.trim());
                if (i < 0) {
                    i = store.indexOfDomain(c.trim());
                }
                if (i < 0) {
                    throw new IllegalArgumentException("the sandbox has no customer '" + c + "' (give a tenant id or "
                            + "a domain, e.g. contoso.partner.onmschina.cn)");
                }
                tenants.add(SeedData.tenantId(i));
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
        Instant now = clock.instant();
        String key = id.trim().toUpperCase(Locale.ROOT);
        SandboxState.updateIncidents(file, incidents -> {
            JsonNode entry = incidents.get(key);
            if (entry == null || !(entry.path("issue") instanceof ObjectNode)) {
                throw new NoSuchElementException("no issue " + key + " was started in this sandbox (its seeded issues "
                        + "cannot be changed); see them with: pcx --sandbox health --all");
            }
            ObjectNode copy = entry.deepCopy();
            ObjectNode issue = (ObjectNode) copy.get("issue");
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
