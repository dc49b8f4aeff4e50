package dev.pcx.cli.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pcx.testing.Fixtures.customer;
import static dev.pcx.testing.Fixtures.fault;
import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.page;
import static dev.pcx.testing.Fixtures.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomersShowTest extends MockServerTest {
    private static ObjectNode full(int i, String name, String domain) {
        ObjectNode c = customer(tenant(i), name, domain);
        c.put("allowDelegatedAccess", true);
        ObjectNode billing = c.putObject("billingProfile");
        billing.put("firstName", "娜");
        billing.put("lastName", "王");
        billing.put("email", "billing@" + domain);
        billing.put("culture", "zh-CN");
        billing.put("language", "zh-Hans");
        ObjectNode address = billing.putObject("defaultAddress");
        address.put("addressLine1", "科技园路2号");
        address.put("city", "上海市");
        address.put("country", "CN");
        return c;
    }

    @Test
    void byTenantIdGetsTheCustomerDirectly() throws Exception {
        server.enqueue(ok(full(7, "上海星辰信息技术有限公司", "shxc.partner.onmschina.cn")));

        Pcx.Result r = pcx.run("customers", "show", tenant(7).toUpperCase());

        assertEquals(0, r.exit(), r::toString);
        assertEquals("/v1/customers/" + tenant(7), take().getTarget());
        assertEquals("""
                Company name:      上海星辰信息技术有限公司
                Domain:            shxc.partner.onmschina.cn
                Tenant id:         00000000-0000-4000-8000-000000000007
                Relationship:      reseller
                Delegated access:  yes
                Billing contact:   王娜
                Billing email:     billing@shxc.partner.onmschina.cn
                Billing address:   科技园路2号, 上海市, CN
                Culture:           zh-CN / zh-Hans
                """, r.out());
    }

    @Test
    void byDomainSearchesTheDomainThenReadsTheFullCustomer() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso Ltd", "contoso.partner.onmschina.cn"),
                customer(tenant(2), "Contoso 中国", "contoso.partner.onmschina.cn.example")), null, null)));
        server.enqueue(ok(full(1, "Contoso Ltd", "contoso.partner.onmschina.cn")));

        Pcx.Result r = pcx.run("customers", "show", "contoso.partner.onmschina.cn", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        RecordedRequest search = take();
        assertEquals("{\"Field\":\"Domain\",\"Value\":\"contoso.partner.onmschina.cn\",\"Operator\":\"starts_with\"}",
                search.getUrl().queryParameter("filter"));
        assertEquals("/v1/customers/" + tenant(1), take().getTarget());
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals("billing@contoso.partner.onmschina.cn", out.get("billingProfile").get("email").asText());
        assertTrue(out.get("allowDelegatedAccess").asBoolean());
    }

    @Test
    void anAmbiguousNamePrefixIsExit2AndListsTheCandidates() {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso Ltd", "contoso.cn"),
                customer(tenant(2), "Contoso 中国", "contosochina.cn")), null, null)));

        Pcx.Result r = pcx.run("customers", "show", "cont");

        assertEquals(2, r.exit(), r::toString);
        assertEquals("""
                pcx: 'cont' matches 2 customers; give more of the name, the domain or the tenant id:
                  Contoso Ltd   contoso.cn       00000000-0000-4000-8000-000000000001
                  Contoso 中国  contosochina.cn  00000000-0000-4000-8000-000000000002
                """, r.err());
        assertEquals("", r.out());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anExactNameWinsOverLongerOnes() throws Exception {
        server.enqueue(ok(page(List.of(customer(tenant(1), "Contoso", "contoso.cn"),
                customer(tenant(2), "Contoso 中国", "contosochina.cn")), null, null)));
        server.enqueue(ok(full(1, "Contoso", "contoso.cn")));

        Pcx.Result r = pcx.run("customers", "show", "contoso", "--jq", ".id");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(tenant(1) + "\n", r.out());
    }

    @Test
    void anUnknownNameIsExit4() {
        server.enqueue(ok(page(List.of(), null, null)));

        Pcx.Result r = pcx.run("customers", "show", "nobody");

        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: no customer's company name starts with 'nobody'"), r.err());
    }

    @Test
    void anUnknownTenantIdIsExit4() {
        server.enqueue(json(404, fault(600008, "Customer not found")));

        Pcx.Result r = pcx.run("customers", "show", tenant(3));

        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("no customer of yours has the tenant id " + tenant(3)), r.err());
    }

    @Test
    void aMalformedTenantIdIsExit2WithoutAnyCall() {
        Pcx.Result r = pcx.run("customers", "show", "3fa85f64-5717-4562-b3fc-2c963f66afa");

        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("is not a valid tenant id"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void anEmptyCustomerIsExit2() {
        Pcx.Result r = pcx.run("customers", "show", " ");

        assertEquals(2, r.exit(), r::toString);
        assertEquals(0, server.getRequestCount());
    }
}
