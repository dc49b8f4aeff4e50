package dev.pcx.notify;

import dev.pcx.api.model.ServiceHealthIssue;

import java.util.List;

/**
 * One customer's tenant at one poll: the issues active there (already narrowed to the watch's
 * {@code --service} and {@code --class}), or, when it could not be read, why not. A tenant that
 * could not be read is never taken as clear: the issues it was hit by stay as they were.
 *
 * @param active the active issues, or null when the tenant could not be read
 * @param reason why it could not be read (null when it was)
 */
public record TenantLook(IncidentEvent.Customer customer, List<ServiceHealthIssue> active, String reason) {

    public static TenantLook read(IncidentEvent.Customer customer, List<ServiceHealthIssue> active) {
        return new TenantLook(customer, List.copyOf(active), null);
    }

    public static TenantLook unknown(IncidentEvent.Customer customer, String reason) {
        return new TenantLook(customer, null, reason);
    }

    public boolean readable() {
        return active != null;
    }
}
