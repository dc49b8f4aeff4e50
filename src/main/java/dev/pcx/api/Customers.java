package dev.pcx.api;

import dev.pcx.api.model.Customer;

/** {@code /v1/customers}: list (optionally filtered), page by page, and get by tenant id. */
public final class Customers {
    /** Search fields of the customers filter (CustomerSearchField), sent by their PascalCase names. */
    public static final String COMPANY_NAME = "CompanyName";
    public static final String DOMAIN = "Domain";

    private final PartnerCenter client;

    Customers(PartnerCenter client) {
        this.client = client;
    }

    /**
     * {@code GET /v1/customers?size=N[&filter=...]}, then {@code links.next} for every further page.
     *
     * @param filter null for every customer; the docs allow only {@code starts_with} here
     */
    public Pages<Customer> list(int pageSize, SearchFilter filter) {
        ApiRequest.Builder first = ApiRequest.get("customers").query("size", pageSize);
        if (filter != null) {
            first.query("filter", filter.toJson());
        }
        return client.pages(first.build(), Customer.class);
    }

    /** {@code GET /v1/customers/{tenantId}}: the full customer, billing profile included. */
    public Customer get(String tenantId) {
        return client.get(ApiRequest.get("customers/" + ApiRequest.segment(tenantId)).build(), Customer.class);
    }
}
