package dev.pcx.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One change in the incidents across every customer, as {@code pcx health watch --all-customers}
 * sees it: the same object on stdout, on {@code --exec}'s stdin, in a webhook's generic body and
 * in the ledger ({@code pcx health events}).
 *
 * @param key            stable across runs and processes: the issue id, the change, and a digest of
 *                       what changed (the customers, and for {@code updated} the status and
 *                       last-modified time), so two runs that see the same change give it the same key
 * @param type           {@code new}, {@code spread}, {@code recede}, {@code updated} or {@code resolved}
 * @param at             when pcx saw it, ISO-8601 UTC to the second
 * @param issue          Graph's fields of the issue, as sent
 * @param customers      the customers hit ({@code new}, {@code updated}), added ({@code spread}),
 *                       no longer hit ({@code recede}) or last hit ({@code resolved})
 * @param customersCount how many customers the issue hits after this change (0 once resolved)
 */
@JsonPropertyOrder({"key", "type", "at", "issue", "customers", "customersCount"})
public record IncidentEvent(String key, String type, String at, Issue issue, List<Customer> customers,
                            int customersCount) {
    public static final String NEW = "new";
    public static final String SPREAD = "spread";
    public static final String RECEDE = "recede";
    public static final String UPDATED = "updated";
    public static final String RESOLVED = "resolved";
    public static final List<String> TYPES = List.of(NEW, SPREAD, RECEDE, UPDATED, RESOLVED);

    public IncidentEvent {
        customers = customers == null ? List.of() : List.copyOf(customers);
    }

    /** Graph's serviceHealthIssue fields an event carries, named and valued as Graph sends them. */
    @JsonPropertyOrder({"id", "service", "classification", "status", "title", "startDateTime", "lastModifiedDateTime"})
    public record Issue(String id, String service, String classification, String status, String title,
                        String startDateTime, String lastModifiedDateTime) {
    }

    /** A customer, with Partner Center's field names. */
    @JsonPropertyOrder({"tenantId", "companyName", "domain"})
    public record Customer(String tenantId, String companyName, String domain) {
    }
}
