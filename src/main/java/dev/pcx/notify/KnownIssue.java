package dev.pcx.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What the ledger knows of an active issue after the last poll: the issue as last seen, the
 * customers it hits, and how many changes were told of it (each event's key counts on from it, so
 * a customer hit again after a recede gives a new key, not the old one's).
 */
@JsonPropertyOrder({"issue", "customers", "changes"})
public record KnownIssue(IncidentEvent.Issue issue, List<IncidentEvent.Customer> customers, int changes) {
    public KnownIssue {
        customers = customers == null ? List.of() : List.copyOf(customers);
    }
}
