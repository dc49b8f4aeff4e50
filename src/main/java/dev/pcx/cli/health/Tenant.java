package dev.pcx.cli.health;

import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerRef;
import dev.pcx.cli.CustomerResolver;

/**
 * The tenant a health command reads, resolved once: the customer's, or the partner's own when no
 * customer was given.
 *
 * @param id    the customer's tenant id, null for the partner's own tenant
 * @param label how messages name it: the customer as typed, or "your partner tenant"
 */
record Tenant(String id, String label) {

    /** The tenant of {@code customer}, or the partner's own when it is null. */
    static Tenant of(Context context, CustomerRef customer) {
        if (customer == null) {
            return new Tenant(null, "your partner tenant");
        }
        return new Tenant(new CustomerResolver(context).resolve(customer).tenantId(), customer.toString());
    }
}
