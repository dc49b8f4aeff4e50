package dev.pcx.cli;

import dev.pcx.api.model.Customer;

/**
 * The customer a {@link CustomerRef} was found to name, passed down in place of the text. Name and
 * domain are null when a tenant id was taken as given, without a call.
 *
 * @param tenantId the customer's tenant id
 * @param name     its company name, or null
 * @param domain   its primary domain, or null
 */
public record ResolvedCustomer(String tenantId, String name, String domain) {

    /** The customer as Partner Center gave it (a search hit or a read). */
    public static ResolvedCustomer of(Customer c) {
        return new ResolvedCustomer(c.tenantId(), c.companyName(), c.domain());
    }

    /** How messages name the customer: its company name when known, else its tenant id. */
    public String label() {
        return name != null ? name : tenantId;
    }
}
