package dev.pcx.cli;

import dev.pcx.api.PartnerCenter;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pcx.testing.Fixtures.customer;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static dev.pcx.testing.Fixtures.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer is resolved once: a search hit is used as the search returned it (the strict queue
 * fails on any {@code GET /v1/customers/{id}} after it), a tenant id is taken as given, and read
 * only where its name is wanted.
 */
class CustomerResolverTest extends MockServerTest {
    private void searchFinds() {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso Ltd", "contoso.partner.onmschina.cn"),
                customer(tenant(2), "Contoso Ltd 中国", "contosocn.partner.onmschina.cn")), null, null)));
    }

    /** The requests of {@code services list -c <ref>}: the one search, then the subscriptions of tenant 1, nothing else. */
    private void assertSearchedOnceThenListed(String field, String value) throws InterruptedException {
        RecordedRequest search = take();
        assertEquals("/v1/customers", search.getUrl().encodedPath());
        assertEquals("{\"Field\":\"" + field + "\",\"Value\":\"" + value + "\",\"Operator\":\"starts_with\"}",
                search.getUrl().queryParameter("filter"));
        assertEquals("/v1/customers/" + tenant(1) + "/subscriptions", take().getUrl().encodedPath());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aNameSearchHitIsUsedAsTheSearchReturnedIt() throws Exception {
        searchFinds();
        server.enqueue(ok(page(List.of(), null, null)));

        Pcx.Result r = pcx.run("services", "list", "-c", "contoso ltd", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        assertSearchedOnceThenListed("CompanyName", "contoso ltd");
    }

    @Test
    void aDomainSearchHitIsUsedAsTheSearchReturnedIt() throws Exception {
        searchFinds();
        server.enqueue(ok(page(List.of(), null, null)));

        Pcx.Result r = pcx.run("services", "list", "-c", "contoso.partner.onmschina.cn", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        assertSearchedOnceThenListed("Domain", "contoso.partner.onmschina.cn");
    }

    @Test
    void aTenantIdIsTakenAsGivenWithoutACall() {
        // no API at all: any call would fail
        ResolvedCustomer c = new CustomerResolver((PartnerCenter) null).resolve(CustomerRef.parse(tenant(5).toUpperCase()));
        assertEquals(tenant(5), c.tenantId());
        assertNull(c.name());
        assertEquals(tenant(5), c.label());
        assertEquals(tenant(5), new CustomerResolver((PartnerCenter) null).tenantId(" " + tenant(5) + " "));
    }

    @Test
    void useNamesACustomerFromTheSearchAloneAndReadsATenantIdForItsName() throws Exception {
        searchFinds();
        server.enqueue(ok(customer(tenant(2), "Contoso Ltd 中国", "contosocn.partner.onmschina.cn")));

        Pcx.Result r = pcx.stdin("use Contoso Ltd\nuse " + tenant(2) + "\n").run("shell");

        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("using Contoso Ltd (" + tenant(1) + ")\n"), r.err());
        assertTrue(r.err().contains("using Contoso Ltd 中国 (" + tenant(2) + ")\n"), r.err());
        assertEquals("/v1/customers", take().getUrl().encodedPath());
        assertEquals("/v1/customers/" + tenant(2), take().getUrl().encodedPath());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aResolvedCustomerIsLabelledByItsName() {
        ResolvedCustomer c = ResolvedCustomer.of(dev.pcx.api.Json.mapper().convertValue(
                customer(tenant(3), "北京云创科技有限公司", "bjyc.partner.onmschina.cn"), dev.pcx.api.model.Customer.class));
        assertEquals(new ResolvedCustomer(tenant(3), "北京云创科技有限公司", "bjyc.partner.onmschina.cn"), c);
        assertEquals("北京云创科技有限公司", c.label());
    }
}
