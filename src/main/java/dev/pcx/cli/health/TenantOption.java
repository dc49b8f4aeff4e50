package dev.pcx.cli.health;

import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import picocli.CommandLine.Option;

/** {@code -c/--customer}, optional: without it, the partner's own tenant. */
final class TenantOption {
    @Option(names = {"-c", "--customer"}, paramLabel = "CUSTOMER",
            description = "Tenant id, domain or company-name prefix (default: your own partner tenant)")
    String customer;

    /** A tenant to read: its id (null for the partner's own) and how messages name it. */
    record Tenant(String id, String label) {
    }

    Tenant resolve(Context context) {
        if (customer == null) {
            return new Tenant(null, "your partner tenant");
        }
        return new Tenant(new CustomerResolver(context).tenantId(customer), customer.trim());
    }
}
