package dev.pcx.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The renewal desk's payloads (partner-center-api.md §10), in the shapes the documentation shows,
 * read without loss: what pcx writes back out ({@code -o json}) is what came in.
 */
class RenewalPayloadsTest {
    /** A new-commerce subscription as get-by-id gives it, every term field the contract names. */
    private static final String NEW_COMMERCE = """
            {"id":"a1000000-0000-4000-8000-000000000001","entitlementId":"e-1","offerId":"CFQ7TTC0LF8Q:0001:CFQ7TTC0K5DM",
             "offerName":"Microsoft 365 E5","friendlyName":"HQ E5",
             "productType":{"id":"OnlineServicesNCE","displayName":"OnlineServicesNCE"},"quantity":25,"unitType":"Licenses",
             "creationDate":"2025-12-24T08:15:01Z","effectiveStartDate":"2025-12-24T00:00:00Z",
             "commitmentEndDate":"2026-12-23T00:00:00Z","commitmentEndDateTime":"2026-12-23T23:59:59Z",
             "cancellationAllowedUntilDate":"2025-12-31T00:00:00Z","status":"active","autoRenewEnabled":true,
             "billingType":"license","billingCycle":"annual","termDuration":"P1Y","renewalTermDuration":"",
             "refundOptions":[{"type":"Full","expiresAt":"2025-12-27T00:00:00Z"},{"type":"Partial","expiresAt":"2025-12-31T00:00:00Z"}],
             "refundableQuantity":{"totalQuantity":5,"details":[{"quantity":5,"allowedUntilDateTime":"2026-12-05T10:00:00Z"}]},
             "scheduledNextTermInstructions":{"product":{"productId":"CFQ7TTC0LF8Q","skuId":"0001","availabilityId":"CFQ7TTC0K5DM",
               "billingCycle":"monthly","termDuration":"P1Y"},"quantity":20},
             "nextChargeInstructions":null,"isTrial":false,
             "attributes":{"etag":"abc","objectType":"Subscription"}}""";

    /** Graph's subscribedSku, as the documentation's sample has it (our own values). */
    private static final String SKU = """
            {"accountName":"Contoso","accountId":"acc-1","appliesTo":"User","capabilityStatus":"Enabled","consumedUnits":13,
             "id":"t-1_c7df2760-2c81-4ef7-b578-5b5392b571df",
             "prepaidUnits":{"enabled":25,"lockedOut":0,"suspended":2,"warning":1},
             "servicePlans":[{"servicePlanId":"8c098270-9dd4-4350-9b30-ba4703f3b36b","servicePlanName":"EXCHANGE_S_ENTERPRISE",
               "provisioningStatus":"Success","appliesTo":"User"}],
             "skuId":"c7df2760-2c81-4ef7-b578-5b5392b571df","skuPartNumber":"SPE_E5",
             "subscriptionIds":["A1000000-0000-4000-8000-000000000001"]}""";

    @Test
    void aNewCommerceSubscriptionReadsEveryTermFieldAndWritesItBackUnchanged() throws Exception {
        Subscription s = Json.mapper().readValue(NEW_COMMERCE, Subscription.class);
        assertEquals(12, s.termMonths());
        assertEquals(Instant.parse("2026-12-23T23:59:59Z"), s.commitmentEnd().instant(), "the newer field first");
        RefundableQuantity q = s.refundableQuantity();
        assertEquals(5, q.totalQuantity());
        assertEquals(Instant.parse("2026-12-05T10:00:00Z"), q.details().get(0).allowedUntilDateTime().instant());
        assertEquals("Partial", s.refundOptions().get(1).type());

        JsonNode in = Json.mapper().readTree(NEW_COMMERCE);
        JsonNode out = Json.mapper().valueToTree(s);
        for (String field : new String[] {"refundableQuantity", "scheduledNextTermInstructions", "refundOptions",
            "termDuration", "renewalTermDuration", "cancellationAllowedUntilDate", "commitmentEndDateTime", "productType"}) {
            assertEquals(in.get(field), out.get(field), field);
        }
    }

    @Test
    void termsAreMonthsWhereTheyAreWholeMonthsAndUnknownOtherwise() {
        assertEquals(1, Subscription.months("P1M"));
        assertEquals(36, Subscription.months("p3y"));
        assertEquals(18, Subscription.months("P1Y6M"));
        assertNull(Subscription.months(""));
        assertNull(Subscription.months(null));
        assertNull(Subscription.months("P30D"));
        assertNull(Subscription.months("annual"));
    }

    @Test
    void aSubscribedSkuReadsGraphsFieldsAndWritesThemBackUnchanged() throws Exception {
        SubscribedSku k = Json.mapper().readValue(SKU, SubscribedSku.class);
        assertEquals(12, k.freeUnits(), "enabled minus consumed, Graph's own definition");
        assertTrue(k.covers("a1000000-0000-4000-8000-000000000001"), "ids compared whatever the case");
        assertFalse(k.covers("a1000000-0000-4000-8000-000000000002"));
        assertTrue(k.assignable());
        assertEquals(Json.mapper().readTree(SKU), Json.mapper().valueToTree(k), "nothing lost, nothing added");

        SubscribedSku company = Json.mapper().readValue("{\"appliesTo\":\"Company\",\"consumedUnits\":0}", SubscribedSku.class);
        assertFalse(company.assignable());
        assertNull(company.freeUnits(), "no prepaid units: unknown, not zero");
    }
}
