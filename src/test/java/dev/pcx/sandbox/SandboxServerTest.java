package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.ApiException;
import dev.pcx.api.ApiSettings;
import dev.pcx.api.Json;
import dev.pcx.api.Pages;
import dev.pcx.api.PartnerCenter;
import dev.pcx.api.SearchFilter;
import dev.pcx.api.model.Customer;
import dev.pcx.auth.AadClient;
import dev.pcx.auth.Cloud;
import dev.pcx.auth.Credential;
import dev.pcx.auth.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxServerTest {
    private SandboxServer sandbox;
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private PartnerCenter client(SandboxServer.Config config) {
        sandbox = SandboxServer.start(config);
        HttpUrl url = HttpUrl.get(sandbox.baseUrl());
        ApiSettings settings = ApiSettings.defaults(url, "pcx-test").withSleeper(waits::add, System::nanoTime);
        AadClient aad = new AadClient(new OkHttpClient(), url, d -> { }, Clock.systemUTC());
        var app = new Credential.ClientSecret(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID,
                SandboxIdentity.CLIENT_SECRET);
        return new PartnerCenter(settings,
                Credentials.inMemory(app, Cloud.CHINA, () -> aad, Clock.systemUTC(), "test").tokens());
    }

    @Test
    void walksEveryCustomerOnceThroughContinuationPages() {
        PartnerCenter api = client(SandboxServer.Config.of(1000));
        Pages<Customer> pages = api.customers().list(100, null);
        Set<String> ids = new HashSet<>();
        List<Customer> all = new ArrayList<>();
        pages.forEach(-1, all::add);
        all.forEach(c -> ids.add(c.tenantId()));
        assertEquals(1000, all.size());
        assertEquals(1000, ids.size(), "no customer twice");
        assertEquals(10, pages.fetched());
        assertNull(all.get(0).billingProfile(), "list items are slim");
        assertNull(all.get(0).allowDelegatedAccess(), "list items are slim");
    }

    @Test
    void nextLinksLeaveOutV1AndCarryAnOpaqueContinuationToken() throws Exception {
        client(SandboxServer.Config.of(30));
        JsonNode page = raw("/v1/customers?size=10", "Bearer " + token());
        JsonNode next = page.get("links").get("next");
        assertTrue(next.get("uri").asText().startsWith("/customers?"), next.toString());
        assertTrue(next.get("uri").asText().contains("seekOperation=Next"));
        assertEquals("MS-ContinuationToken", next.get("headers").get(0).get("key").asText());
        assertEquals(10, page.get("totalCount").asInt());
        assertEquals("Collection", page.get("attributes").get("objectType").asText());
    }

    @Test
    void filtersByCompanyNameAndDomainPrefixCaseInsensitively() {
        PartnerCenter api = client(SandboxServer.Config.of(5000));
        List<Customer> contoso = new ArrayList<>();
        api.customers().list(50, SearchFilter.startsWith("CompanyName", "contoso")).forEach(-1, contoso::add);
        assertEquals(List.of("Contoso Ltd", "Contoso 中国"), contoso.stream().map(Customer::companyName).toList());

        List<Customer> beijing = new ArrayList<>();
        api.customers().list(20, SearchFilter.startsWith("CompanyName", "北京")).forEach(-1, beijing::add);
        assertTrue(beijing.size() > 40, "several pages of 北京 companies: " + beijing.size());
        assertTrue(beijing.stream().allMatch(c -> c.companyName().startsWith("北京")));

        List<Customer> byDomain = new ArrayList<>();
        api.customers().list(50, SearchFilter.startsWith("Domain", "FABRIKAM")).forEach(-1, byDomain::add);
        assertEquals("fabrikam.partner.onmschina.cn", byDomain.get(0).domain());
    }

    @Test
    void getByIdIsTheFullCustomer() {
        PartnerCenter api = client(SandboxServer.Config.of(100));
        Customer c = api.customers().get(SeedData.tenantId(1));
        assertEquals("北京云创科技有限公司", c.companyName());
        assertNotNull(c.billingProfile());
        assertEquals("zh-CN", c.billingProfile().culture());
        assertNotNull(c.allowDelegatedAccess());
        assertEquals("reseller", c.relationshipToPartner().value());
    }

    @Test
    void unknownCustomerIsAnApiFault404() {
        PartnerCenter api = client(SandboxServer.Config.of(10));
        ApiException e = assertThrows(ApiException.class, () -> api.customers().get(SeedData.tenantId(99)));
        assertEquals(404, e.status());
        assertEquals("600008", e.faultCode());
        assertTrue(e.description().contains("not found"), e.description());
        assertNotNull(e.requestId());
    }

    @Test
    void noBearerTokenIs401WithTheServicesChallenge() throws Exception {
        client(SandboxServer.Config.of(10));
        try (Response r = new OkHttpClient().newCall(new Request.Builder()
                .url(sandbox.baseUrl() + "/v1/customers").build()).execute()) {
            assertEquals(401, r.code());
            assertTrue(r.header("WWW-Authenticate").startsWith("OAuth realm=urn:cpsvc:cpid:"));
        }
    }

    @Test
    void aForgedOrExpiredTokenIs401() throws Exception {
        SandboxFixtureClock clock = new SandboxFixtureClock();
        sandbox = SandboxServer.start(SandboxServer.Config.of(10).withClock(clock));
        String good = token();
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertEquals(200, status("Bearer " + good));
        assertEquals(401, status("Bearer " + forged));
        assertEquals(401, status("Bearer not.a.jwt"));
        clock.offset = Duration.ofMinutes(61);
        assertEquals(401, status("Bearer " + good), "an expired token");
    }

    /** A clock that can be moved on. */
    static final class SandboxFixtureClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(offset);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private int status(String authorization) throws Exception {
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(sandbox.baseUrl() + "/v1/customers?size=1")
                .header("Authorization", authorization).build()).execute()) {
            return r.code();
        }
    }

    @Test
    void seekWithoutATokenIsBadInput() throws Exception {
        client(SandboxServer.Config.of(10));
        try (Response r = new OkHttpClient().newCall(new Request.Builder()
                .url(sandbox.baseUrl() + "/v1/customers?seekOperation=Next").header("Authorization", "Bearer " + token())
                .build()).execute()) {
            assertEquals(400, r.code());
            assertEquals(400, Json.mapper().readTree(r.body().string()).get("code").asInt());
        }
    }

    @Test
    void seedDataIsDeterministic() {
        assertEquals(SeedData.tenantId(42), SeedData.tenantId(42));
        assertEquals("9b0c2d0b-5e5f-3f7c-b3d1-2b29b7f3c2a1".length(), SeedData.tenantId(42).length());
        assertEquals(SeedData.named(99_999).name(), SeedData.named(99_999).name());
        assertFalse(SeedData.domain(12).equals(SeedData.domain(13)));
    }

    @Test
    void injectedFaultsAreRetriedByTheClient() {
        PartnerCenter api = client(SandboxServer.Config.of(300).withFaults("503@2,drop@3"));
        List<Customer> all = new ArrayList<>();
        api.customers().list(100, null).forEach(-1, all::add);
        assertEquals(300, all.size());
        assertFalse(waits.isEmpty(), "faults were injected and waited out");
    }

    @Test
    void faultSpecsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Faults.parse("418:0.5"));
        assertThrows(IllegalArgumentException.class, () -> Faults.parse("429:2"));
        assertThrows(IllegalArgumentException.class, () -> Faults.parse("drop@0"));
        assertThrows(IllegalArgumentException.class, () -> Faults.parse("slow"));
        assertEquals(Faults.Kind.STATUS, Faults.parse("429@1").next(null).kind());
        Faults once = Faults.parse("503@once");
        assertEquals(Faults.Kind.STATUS, once.next("request-1").kind());
        assertEquals(null, once.next("request-1"), "the retry of the same call gets through");
        assertEquals(Faults.Kind.STATUS, once.next("request-2").kind());
    }

    /** A token from the sandbox's own sign-in, as pcx gets one. */
    private String token() {
        AadClient aad = new AadClient(new OkHttpClient(), HttpUrl.get(sandbox.baseUrl()), d -> { }, Clock.systemUTC());
        return aad.clientSecret(SandboxIdentity.TENANT_ID, SandboxIdentity.CLIENT_ID, SandboxIdentity.CLIENT_SECRET,
                "https://partner.partnercenterapi.microsoftonline.cn/.default").accessToken();
    }

    private JsonNode raw(String target, String auth) throws Exception {
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(sandbox.baseUrl() + target)
                .header("Authorization", auth).build()).execute()) {
            return Json.mapper().readTree(r.body().string());
        }
    }
}
