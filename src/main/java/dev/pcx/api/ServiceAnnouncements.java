package dev.pcx.api;

import dev.pcx.api.model.ServiceHealth;
import dev.pcx.api.model.ServiceHealthIssue;

/**
 * Microsoft Graph's service communications in one tenant (partner-center-api.md §5.2):
 * {@code /v1.0/admin/serviceAnnouncement/healthOverviews} and {@code .../issues}.
 */
public final class ServiceAnnouncements {
    static final String ROOT = "admin/serviceAnnouncement/";

    private final Graph.Tenant graph;

    public ServiceAnnouncements(Graph.Tenant graph) {
        this.graph = graph;
    }

    /** The services of the tenant and their status, each with its issues ({@code $expand=issues}). */
    public Pages<ServiceHealth> healthOverviews() {
        return graph.pages(graph.url(ROOT + "healthOverviews", "$expand", "issues"), ServiceHealth.class);
    }

    /** The issues of the tenant; only the unresolved ones ({@code $filter=isResolved eq false}) when {@code active}. */
    public Pages<ServiceHealthIssue> issues(boolean active) {
        return graph.pages(active ? graph.url(ROOT + "issues", "$filter", "isResolved eq false")
                : graph.url(ROOT + "issues"), ServiceHealthIssue.class);
    }

    /** One issue, with its posts. */
    public ServiceHealthIssue issue(String id) {
        return graph.get(graph.url(ROOT + "issues/" + id), ServiceHealthIssue.class);
    }
}
