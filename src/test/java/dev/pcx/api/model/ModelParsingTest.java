package dev.pcx.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's leniencies: casing, enums as names or ordinals, odd dates, fault shapes. */
class ModelParsingTest {
    private static <T> T read(String json, Class<T> type) throws Exception {
        return Json.mapper().readValue(json, type);
    }

    @Test
    void datesWithAndWithoutZonesFractionsAndStraySpaces() {
        assertEquals(Instant.parse("2015-11-24T01:07:00.863Z"), ApiDate.parse("2015-11-24T01:07:00.863").instant());
        assertEquals(Instant.parse("2015-11-25T06:41:12Z"), ApiDate.parse("2015-11-25T06: 41: 12Z").instant());
        assertEquals(Instant.parse("2021-06-01T10:00:00.1234567Z"),
                ApiDate.parse("2021-06-01T10:00:00.1234567+00:00").instant());
        assertEquals(Instant.parse("2021-06-01T02:00:00Z"), ApiDate.parse("2021-06-01T10:00:00+08:00").instant());
        assertEquals(Instant.parse("2022-01-31T00:00:00Z"), ApiDate.parse("2022-01-31").instant());
        assertEquals("2015-11-24", ApiDate.parse("2015-11-24T01:07:00.863").date());
    }

    @Test
    void unsetDateIsNullAndAnUnreadableOneIsKeptAsSent() {
        assertNull(ApiDate.parse("0001-01-01T00:00:00"));
        assertNull(ApiDate.parse(""));
        ApiDate odd = ApiDate.parse("sometime soon");
        assertNull(odd.instant());
        assertEquals("sometime soon", odd.iso());
    }

    @Test
    void enumsReadAsNamesPascalCaseOrdinalsAndUnknownsAreKept() {
        WireEnum status = WireEnum.ordered("none", "open", "closed", "attention_needed");
        assertEquals("open", status.normalize(Json.mapper().getNodeFactory().numberNode(1)));
        assertEquals("attention_needed", status.normalize("AttentionNeeded"));
        assertEquals("attention_needed", status.normalize("attentionNeeded"));
        assertEquals("closed", status.normalize("CLOSED"));
        assertEquals("escalated_to_mars", status.normalize("escalated_to_mars"));
        assertEquals("9", status.normalize(Json.mapper().getNodeFactory().numberNode(9)));
    }

    @Test
    void relationshipAcceptsBothSpellingsOfMicrosoftSupport() throws Exception {
        assertEquals("microsoft_support", read("\"microsoftSupport\"", RelationshipToPartner.class).value());
        assertEquals("microsoft_support", read("\"microsoft_support\"", RelationshipToPartner.class).value());
        assertEquals("reseller", read("\"Reseller\"", RelationshipToPartner.class).value());
    }

    @Test
    void customerReadsPascalCaseAndKeepsUnknownFields() throws Exception {
        Customer c = read("""
                {"Id":"t1","CompanyProfile":{"CompanyName":"X","Domain":"x.cn"},
                 "RelationshipToPartner":"reseller","AllowDelegatedAccess":true,"brandNew":[1,2]}""", Customer.class);
        assertEquals("t1", c.tenantId());
        assertEquals("X", c.companyName());
        assertEquals(Boolean.TRUE, c.allowDelegatedAccess());
        JsonNode back = Json.mapper().valueToTree(c);
        assertEquals(2, back.get("brandNew").size());
        assertEquals("x.cn", back.get("companyProfile").get("domain").asText());
    }

    @Test
    void tenantIdFallsBackToTheCompanyProfile() throws Exception {
        assertEquals("t2", read("{\"companyProfile\":{\"tenantId\":\"t2\"}}", Customer.class).tenantId());
    }

    @Test
    void faultCodeIsANumberOrAStringAndThe429ShapeReadsToo() throws Exception {
        assertEquals("800090", read("{\"code\":800090,\"description\":\"d\"}", ApiFault.class).codeText());
        assertEquals("2007", read("{\"code\":\"2007\",\"description\":\"d\"}", ApiFault.class).codeText());
        ApiFault throttled = read("{\"statusCode\":429,\"message\":\"Rate limit is exceeded.\"}", ApiFault.class);
        assertNull(throttled.codeText());
        assertEquals("Rate limit is exceeded.", throttled.text());
    }

    @Test
    void subscriptionEnumsReadAsOrdinalsOrAnyCaseAndUnknownStatusesAreKept() throws Exception {
        Subscription s = read("""
                {"id":"x","status":6,"billingCycle":"Annual","billingType":2,"contractType":"productKey",
                 "commitmentEndDate":"9999-12-14T00:00:00","creationDate":"0001-01-01T00:00:00",
                 "attributes":{"etag":""}}""", Subscription.class);
        assertEquals("disabled", s.status());
        assertEquals("annual", s.billingCycle());
        assertEquals("license", s.billingType());
        assertEquals("product_key", s.contractType());
        assertNull(s.creationDate(), "0001-01-01 is unset");
        assertNull(s.etag(), "an empty etag is no etag");
        assertEquals("LockedByMicrosoft", read("{\"status\":\"LockedByMicrosoft\"}", Subscription.class).status(),
                "a value pcx does not know is passed through as sent");
        assertTrue(WireEnum.same("LockedByMicrosoft", "locked_by_microsoft"));
    }

    @Test
    void collectionWithoutLinksOrWithAnUnreliableTotal() throws Exception {
        ResourceCollection<?> page = read("{\"totalCount\":37,\"items\":[{}]}", ResourceCollection.class);
        assertEquals(1, page.items().size());
        assertNull(page.links());
    }
}
