package dev.pcx.cli.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MockServerTest;
import dev.pcx.testing.Pcx;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.pcx.testing.Fixtures.json;
import static dev.pcx.testing.Fixtures.ok;
import static dev.pcx.testing.Fixtures.tenant;
import static dev.pcx.testing.GraphFixtures.aadError;
import static dev.pcx.testing.GraphFixtures.graphError;
import static dev.pcx.testing.GraphFixtures.issue;
import static dev.pcx.testing.GraphFixtures.page;
import static dev.pcx.testing.GraphFixtures.service;
import static dev.pcx.testing.GraphFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pcx health against a MockWebServer standing in for Azure AD and Microsoft Graph: the exact requests. */
class HealthCommandTest extends MockServerTest {
    private static final String PARTNER = "4d9a8c1e-0000-4000-8000-00000000aaaa";
    private static final String CLIENT = "0d3f7a52-6c1b-4e8f-a2d4-5b9c0e1f2a3b";
    private static final String CUSTOMER = tenant(42);

    /** pcx signed in from the environment with a person's refresh token; sign-in and Graph at the mock server. */
    @BeforeEach
    void person() {
        pcx.env("PCX_ACCESS_TOKEN", "").env("PCX_AUTHORITY", server.url("/").toString())
                .env("PCX_GRAPH_ENDPOINT", server.url("/").toString())
                .env("PCX_TENANT_ID", PARTNER).env("PCX_CLIENT_ID", CLIENT)
                .env("PCX_REFRESH_TOKEN", "partner-rt").env("PCX_CLIENT_SECRET", "app-secret");
    }

    private static Map<String, String> form(RecordedRequest r) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : r.getBody().utf8().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private ObjectNode overview() {
        return page("healthOverviews(issues())", List.of(
                service("Exchange", "Exchange Online", "ServiceDegradation", List.of(
                        issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false),
                        issue("EX0", "Exchange Online", "Incident", "ServiceRestored", true))),
                service("microsoftteams", "Microsoft Teams", "Investigating", List.of(
                        issue("TM1", "Microsoft Teams", "Advisory", "Investigating", false))),
                service("OrgLiveID", "Identity Service", "ServiceOperational", List.of())), null);
    }

    @Test
    void aCustomersHealthRedeemsTheRefreshTokenInTheCustomersTenantThenReadsGraphThere() throws Exception {
        server.enqueue(token("graph-token-42", "rt-from-customer"));
        server.enqueue(ok(overview()));

        Pcx.Result r = pcx.run("health", "-c", CUSTOMER);

        assertEquals(0, r.exit(), r::toString);
        RecordedRequest signIn = take();
        assertEquals("POST", signIn.getMethod());
        assertEquals("/" + CUSTOMER + "/oauth2/v2.0/token", signIn.getTarget());
        assertEquals(Map.of("grant_type", "refresh_token", "client_id", CLIENT, "refresh_token", "partner-rt",
                "scope", "https://microsoftgraph.chinacloudapi.cn/.default", "client_secret", "app-secret"), form(signIn));
        RecordedRequest graph = take();
        assertEquals("GET", graph.getMethod());
        assertEquals("/v1.0/admin/serviceAnnouncement/healthOverviews?$expand=issues", graph.getTarget());
        assertEquals("Bearer graph-token-42", graph.getHeaders().get("Authorization"));
        assertEquals("application/json", graph.getHeaders().get("Accept"));
        assertTrue(graph.getHeaders().get("client-request-id").matches("[0-9a-f-]{36}"));
        assertNull(graph.getHeaders().get("MS-Contract-Version"), "Partner Center's headers stay with Partner Center");
        assertEquals("""
                SERVICE           STATUS              ISSUES  ID
                Exchange Online   ServiceDegradation  EX1     Exchange
                Microsoft Teams   Investigating       TM1     microsoftteams
                Identity Service  ServiceOperational          OrgLiveID

                SERVICE          ID   CLASS     STATUS              TITLE                                  START                 LAST UPDATE
                Exchange Online  EX1  Incident  ServiceDegradation  Users can't use Exchange Online (EX1)  2026-11-13 21:00 UTC  2026-11-14 18:20 UTC
                Microsoft Teams  TM1  Advisory  Investigating       Users can't use Microsoft Teams (TM1)  2026-11-13 21:00 UTC  2026-11-14 18:20 UTC
                """, r.out());
    }

    @Test
    void withoutACustomerItIsThePartnersOwnTenantAndTheRotatedRefreshTokenIsKept() throws Exception {
        server.enqueue(token("graph-token-own", "partner-rt-2"));
        server.enqueue(ok(overview()));

        Pcx.Result r = pcx.run("health", "--all", "-o", "json");

        assertEquals(0, r.exit(), r::toString);
        assertEquals("/" + PARTNER + "/oauth2/v2.0/token", take().getTarget());
        take();
        JsonNode out = Json.mapper().readTree(r.out());
        assertEquals(3, out.size());
        JsonNode exchange = out.get(0);
        assertEquals("ServiceDegradation", exchange.get("status").asText(), "values as Graph sent them");
        assertEquals(2, exchange.get("issues").size(), "--all keeps the resolved issue");
        JsonNode ex1 = exchange.get("issues").get(0);
        assertEquals(Json.mapper().valueToTree(issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false)),
                ex1, "Graph's field names and values, nothing lost");
    }

    @Test
    void anEmptyAnswerFromGraphIsUnusableNotAHealthyTenant() {
        server.enqueue(token("graph-token-own", "partner-rt-2"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").build());

        Pcx.Result r = pcx.run("health", "-o", "json");

        assertEquals(5, r.exit(), "nothing read is not 'no services, no issues': " + r);
        assertTrue(r.err().contains("Microsoft Graph sent a body pcx cannot read"), r.err());
    }

    @Test
    void serviceNarrowsAndFailOnIncidentTripsTheGateWithExit7() throws Exception {
        server.enqueue(token("t", null));
        server.enqueue(ok(overview()));
        Pcx.Result r = pcx.run("health", "-c", CUSTOMER, "--service", "teams", "--fail-on", "advisory", "-o", "csv");
        assertEquals(7, r.exit(), r::toString);
        // CSV: one row per service and issue, Graph's values as sent
        assertTrue(r.out().startsWith("Service,Service id,Service status,Issue,Class,Status,Title,Start,Last update,"
                + "Resolved\nMicrosoft Teams,microsoftteams,Investigating,TM1,Advisory,Investigating,"
                + "Users can't use Microsoft Teams (TM1),"), r.out());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.err().contains("health gate: 1 active issue(s) of class advisory or worse"), r.err());

        server.enqueue(token("t", null));
        server.enqueue(ok(overview()));
        Pcx.Result teams = pcx.run("health", "-c", CUSTOMER, "--service", "teams", "--fail-on", "incident", "-o", "csv");
        assertEquals(0, teams.exit(), "an advisory does not trip an incident gate: " + teams);
    }

    @Test
    void anEnumeratedOptionOutOfRangeIsExit2BeforeAnyCall() {
        Pcx.Result r = pcx.run("health", "--fail-on", "critical");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--fail-on takes advisory or incident, not 'critical'"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void appOnlyCredentialsStopBeforeAnyCallSayingHowToSignInAsAPerson() {
        Pcx.Result r = pcx.env("PCX_REFRESH_TOKEN", "").run("health", "-c", CUSTOMER);
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("service health") && r.err().contains("needs app+user credentials")
                && r.err().contains("pcx auth login"), r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aBareAccessTokenCannotBeRedeemedInATenantAndSaysSo() {
        Pcx.Result r = new Pcx().env("PCX_ENDPOINT", server.url("/").toString())
                .env("PCX_ACCESS_TOKEN", TOKEN).run("health", "-c", CUSTOMER);
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("cannot get one from PCX_ACCESS_TOKEN") && r.err().contains("PCX_REFRESH_TOKEN"),
                r.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void consentMissingInTheCustomersTenantIsExit5NamingIt() {
        server.enqueue(aadError("invalid_grant", 65001, "The user or administrator has not consented to use the "
                + "application with ID '" + CLIENT + "'."));
        Pcx.Result r = pcx.run("health", "-c", CUSTOMER);
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().startsWith("pcx: the application is not consented in " + CUSTOMER + "'s tenant (AADSTS65001)"),
                r.err());
        assertTrue(r.err().contains("admin consent") && r.err().contains("correlation id c0rr-e1at-10n"), r.err());
        assertFalse(r.err().contains("not signed in"), r.err());
    }

    @Test
    void noDelegatedAdminRelationshipIsExit5NamingIt() {
        server.enqueue(aadError("invalid_grant", 50020, "User account 'admin@partner' does not exist in tenant."));
        Pcx.Result r = pcx.run("health", "-c", CUSTOMER);
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("no delegated-admin relationship with " + CUSTOMER) && r.err().contains("AADSTS50020")
                && r.err().contains("GDAP"), r.err());

        server.enqueue(aadError("unauthorized_client", 700016, "Application was not found in the directory."));
        Pcx.Result app = pcx.run("health", "-c", CUSTOMER);
        assertEquals(5, app.exit(), app::toString);
        assertTrue(app.err().contains("the signed-in application is unknown") && app.err().contains("AADSTS700016"),
                app.err());
    }

    @Test
    void graph403IsNoAdminRoleThereWithGraphsRequestId() {
        server.enqueue(token("t", null));
        server.enqueue(json(403, graphError("Forbidden", "Access denied.", "5e1d-req")));
        Pcx.Result r = pcx.run("health", "-c", CUSTOMER);
        assertEquals(5, r.exit(), r::toString);
        assertTrue(r.err().contains("the signed-in user has no admin role in " + CUSTOMER + "'s tenant")
                && r.err().contains("Microsoft Graph: Access denied.") && r.err().contains("request id 5e1d-req"), r.err());
    }

    @Test
    void graphThrottlingIsWaitedOutByTheSameRetriesAsPartnerCenter() throws Exception {
        server.enqueue(token("t", null));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
                .addHeader("Content-Type", "application/json")
                .body(Json.mapper().writeValueAsString(graphError("TooManyRequests", "Too many requests.", "r1"))).build());
        server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "2").build());
        server.enqueue(ok(overview()));

        Pcx.Result r = pcx.run("health", "-c", CUSTOMER, "-o", "jsonl");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(2, pcx.sleeps.size(), pcx.sleeps::toString);
        assertTrue(Math.abs(pcx.sleeps.get(0).toMillis() - 3000) < 100, "Retry-After: 3, at the shared gate: " + pcx.sleeps);
        assertEquals(Duration.ofSeconds(2), pcx.sleeps.get(1));
        take();
        String first = take().getHeaders().get("client-request-id");
        assertEquals(first, take().getHeaders().get("client-request-id"), "a retry is the same logical call");
        assertTrue(r.err().contains("429") && r.err().contains("retrying in 3.0 s"), r.err());
    }

    @Test
    void throttledAfterEveryRetryIsExit6() throws Exception {
        server.enqueue(token("t", null));
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(429, graphError("TooManyRequests", "Too many requests.", "r" + i)).newBuilder()
                    .addHeader("Retry-After", "1").build());
        }
        Pcx.Result r = pcx.run("health", "-c", CUSTOMER);
        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("throttled by Microsoft Graph after retries"), r.err());
    }

    @Test
    void pagesFollowTheAbsoluteNextLinkUnchangedAndNeverToAnotherHost() throws Exception {
        String next = server.url("/v1.0/admin/serviceAnnouncement/healthOverviews?$expand=issues&$skiptoken=X%2BY").toString();
        server.enqueue(token("t", null));
        server.enqueue(ok(page("healthOverviews", List.of(service("Exchange", "Exchange Online", "ServiceOperational",
                List.of())), next)));
        server.enqueue(ok(page("healthOverviews", List.of(service("SharePoint", "SharePoint Online",
                "ServiceOperational", List.of())), null)));
        Pcx.Result r = pcx.run("health", "-c", CUSTOMER, "-o", "tsv");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("Exchange Online\tExchange\tServiceOperational" + "\t".repeat(7) + "\nSharePoint Online\tSharePoint"
                + "\tServiceOperational" + "\t".repeat(7) + "\n", r.out());
        take();
        take();
        assertEquals("/v1.0/admin/serviceAnnouncement/healthOverviews?$expand=issues&$skiptoken=X%2BY", take().getTarget());

        server.enqueue(token("t", null));
        server.enqueue(ok(page("healthOverviews", List.of(), "https://elsewhere.example/v1.0/steal")));
        Pcx.Result away = pcx.run("health", "-c", CUSTOMER);
        assertEquals(5, away.exit(), away::toString);
        assertTrue(away.err().contains("link to another host (elsewhere.example)"), away.err());
    }

    @Test
    void showReadsTheIssueAndRendersItsPostsOldestFirstAsText() throws Exception {
        server.enqueue(token("t", null));
        server.enqueue(ok(issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false)));

        Pcx.Result r = pcx.run("health", "show", "EX1", "-c", CUSTOMER);

        assertEquals(0, r.exit(), r::toString);
        take();
        assertEquals("/v1.0/admin/serviceAnnouncement/issues/EX1", take().getTarget());
        assertTrue(r.out().contains("""
                Posts:        — 2026-11-13 21:07 UTC
                              Title: first
                             \s
                              User Impact: users may be unable to sign in.
                             \s
                              — 2026-11-14 07:07 UTC
                              Title: second
                             \s
                              We've found the cause.
                """), r.out());

        Pcx.Result bad = pcx.run("health", "show", "../admin", "-c", CUSTOMER);
        assertEquals(2, bad.exit(), bad::toString);
    }

    @Test
    void watchAsksForTheActiveIssuesOnlyAndAGateEndsItAtTheFirstLook() throws Exception {
        server.enqueue(token("t", null));
        server.enqueue(ok(page("admin/serviceAnnouncement/issues", List.of(
                issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false)), null)));

        Pcx.Result r = pcx.run("health", "watch", "-c", CUSTOMER, "--fail-on", "incident", "-o", "jsonl");

        assertEquals(7, r.exit(), r::toString);
        take();
        assertEquals("/v1.0/admin/serviceAnnouncement/issues?$filter=isResolved%20eq%20false", take().getTarget());
        JsonNode event = Json.mapper().readTree(r.out());
        assertEquals("active", event.get("change").asText());
        assertEquals("EX1", event.get("issue").get("id").asText());
        assertEquals(List.of(), pcx.sleeps, "no wait: the gate tripped at the first look");

        Pcx.Result tooOften = pcx.run("health", "watch", "--interval", "1s");
        assertEquals(2, tooOften.exit(), tooOften::toString);
    }

    @Test
    void watchOnATerminalDrawsALiveView() {
        server.enqueue(token("t", null));
        server.enqueue(ok(page("admin/serviceAnnouncement/issues", List.of(
                issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false)), null)));
        Pcx.Result r = pcx.tty(false, true, false).width(120)
                .run("health", "watch", "-c", CUSTOMER, "--fail-on", "incident", "--no-color");
        assertEquals(7, r.exit(), r::toString);
        assertTrue(r.out().startsWith("Service health of " + CUSTOMER + ", "), r.out());
        assertTrue(r.out().contains("\nSERVICE          ID   CLASS     STATUS") && r.out().contains("Latest changes:"),
                r.out());
    }

    @Test
    void affectedListsTheCustomersThenAsksEachTenantInTurnAndReportsTheOneItCannotCheck() throws Exception {
        server.enqueue(token("partner-center-token", "partner-rt-2"));
        ObjectNode customers = dev.pcx.testing.Fixtures.page(List.of(
                dev.pcx.testing.Fixtures.customer(tenant(1), "Contoso Ltd", "contoso.partner.onmschina.cn"),
                dev.pcx.testing.Fixtures.customer(tenant(2), "北京云创科技有限公司", "bjyc.partner.onmschina.cn")), null, null);
        server.enqueue(ok(customers));
        server.enqueue(token("graph-0", null));
        server.enqueue(ok(overview()));
        server.enqueue(token("graph-1", null));
        server.enqueue(ok(page("admin/serviceAnnouncement/issues", List.of(
                issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false),
                issue("TM1", "Microsoft Teams", "Advisory", "Investigating", false)), null)));
        server.enqueue(aadError("invalid_grant", 65001, "not consented"));

        Pcx.Result r = pcx.run("health", "affected", "--parallel", "1", "--service", "exchange", "-o", "jsonl");

        assertEquals(5, r.exit(), r::toString);
        RecordedRequest pcToken = take();
        assertEquals("/" + PARTNER + "/oauth2/v2.0/token", pcToken.getTarget());
        assertEquals("https://partner.partnercenterapi.microsoftonline.cn/user_impersonation offline_access",
                form(pcToken).get("scope"));
        assertEquals("/v1/customers?size=500", take().getTarget());
        // --service is checked first against the services your partner tenant lists
        assertEquals("/" + PARTNER + "/oauth2/v2.0/token", take().getTarget());
        assertEquals("/v1.0/admin/serviceAnnouncement/healthOverviews?$expand=issues", take().getTarget());
        RecordedRequest first = take();
        assertEquals("/" + tenant(1) + "/oauth2/v2.0/token", first.getTarget());
        RecordedRequest issues = take();
        assertEquals("/v1.0/admin/serviceAnnouncement/issues?$filter=isResolved%20eq%20false", issues.getTarget());
        assertEquals("Bearer graph-1", issues.getHeaders().get("Authorization"));
        assertEquals("/" + tenant(2) + "/oauth2/v2.0/token", take().getTarget());
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : r.out().lines().toList()) {
            lines.add(Json.mapper().readTree(line));
        }
        assertEquals(2, lines.size());
        assertEquals("affected", lines.get(0).get("status").asText());
        assertEquals(1, lines.get(0).get("issues").size(), "--service exchange keeps the Exchange issue only");
        assertEquals("unknown", lines.get(1).get("status").asText());
        assertTrue(lines.get(1).get("reason").asText().contains("AADSTS65001"), lines.get(1).toString());
        assertTrue(r.err().contains("2 customers: 1 affected, 0 clear, 1 could not be checked"), r.err());
    }

    /** Two customers, asked in turn; each tenant lists {@code first}, then {@code second}, resolved issues too. */
    private Pcx.Result affectedIssue(String id, List<ObjectNode> first, List<ObjectNode> second, String... more)
            throws Exception {
        server.enqueue(token("partner-center-token", null));
        server.enqueue(ok(dev.pcx.testing.Fixtures.page(List.of(
                dev.pcx.testing.Fixtures.customer(tenant(1), "Contoso Ltd", "contoso.partner.onmschina.cn"),
                dev.pcx.testing.Fixtures.customer(tenant(2), "Fabrikam", "fabrikam.partner.onmschina.cn")), null, null)));
        server.enqueue(token("graph-1", null));
        server.enqueue(ok(page("admin/serviceAnnouncement/issues", first, null)));
        server.enqueue(token("graph-2", null));
        server.enqueue(ok(page("admin/serviceAnnouncement/issues", second, null)));
        List<String> args = new java.util.ArrayList<>(List.of("health", "affected", "--parallel", "1", "--issue", id));
        args.addAll(List.of(more));
        Pcx.Result r = pcx.run(args.toArray(String[]::new));
        take();
        assertEquals("/v1/customers?size=500", take().getTarget());
        assertEquals("/" + tenant(1) + "/oauth2/v2.0/token", take().getTarget());
        assertEquals("/v1.0/admin/serviceAnnouncement/issues", take().getTarget(), "with --issue, resolved issues too");
        assertEquals("/" + tenant(2) + "/oauth2/v2.0/token", take().getTarget());
        assertEquals("/v1.0/admin/serviceAnnouncement/issues", take().getTarget());
        return r;
    }

    @Test
    void anIssueIdOfAnotherShapeIsExit2BeforeAnyCall() {
        for (String typo : new String[] {"EX-51234", "512345", "EX512345a", "EX 512345", ""}) {
            Pcx.Result r = pcx.run("health", "affected", "--issue", typo, "-o", "jsonl");
            assertEquals(2, r.exit(), r::toString);
            assertEquals("", r.out());
            assertTrue(r.err().contains("'" + typo + "' is not a Microsoft 365 issue id (letters then digits, e.g. "
                    + "EX512345 or TM498765)"), r.err());
        }
        assertEquals(0, server.getRequestCount(), "no call");
    }

    @Test
    void anIssueNoTenantListsIsExit2NamingTheActiveIssuesWithNoCustomerSaidClear() throws Exception {
        Pcx.Result r = affectedIssue("ex2", List.of(
                issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false),
                issue("EX0", "Exchange Online", "Incident", "ServiceRestored", true)), List.of(
                issue("TM1", "Microsoft Teams", "Advisory", "Investigating", false),
                issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false)), "-o", "json");

        assertEquals(2, r.exit(), r::toString);
        assertEquals("", r.out(), "no customer is said clear, not even as an empty list");
        assertTrue(r.err().contains("2 customers: 2 with no issue EX2, 0 could not be checked\n"), r.err());
        assertTrue(r.err().contains("pcx: no customer's tenant lists an issue EX2, active or resolved (active there: "
                + "EX1, TM1); see a customer's issues with: pcx health -c <customer> --all"), r.err());
    }

    @Test
    void onceOneTenantListsTheIssueTheRowsHeldBackAreShownAndAResolvedIssueHitsNobody() throws Exception {
        Pcx.Result resolved = affectedIssue("EX0", List.of(
                issue("TM1", "Microsoft Teams", "Advisory", "Investigating", false)), List.of(
                issue("EX0", "Exchange Online", "Incident", "ServiceRestored", true)), "-o", "jsonl");

        assertEquals(0, resolved.exit(), resolved::toString);
        List<String> lines = resolved.out().lines().toList();
        assertEquals(2, lines.size(), resolved.out());
        assertTrue(lines.get(0).contains("\"domain\":\"contoso.partner.onmschina.cn\",\"status\":\"clear\"")
                && lines.get(1).contains("\"domain\":\"fabrikam.partner.onmschina.cn\",\"status\":\"clear\""),
                "held back until Fabrikam's tenant listed EX0, then in their order: " + resolved.out());
        assertTrue(resolved.err().contains("2 customers: 0 affected, 2 clear, 0 could not be checked"), resolved.err());

        Pcx.Result hit = affectedIssue("EX1", List.of(), List.of(
                issue("EX1", "Exchange Online", "Incident", "ServiceDegradation", false)), "-o", "csv",
                "--fail-on", "incident");
        assertEquals(7, hit.exit(), hit::toString);
        assertEquals(List.of("Contoso Ltd,contoso.partner.onmschina.cn,clear,,," + tenant(1),
                "Fabrikam,fabrikam.partner.onmschina.cn,affected,EX1,," + tenant(2)),
                hit.out().lines().skip(1).toList());
    }

    @Test
    void anIssueNotInTheTenantIsExit4() {
        server.enqueue(token("t", null));
        server.enqueue(json(404, graphError("UnknownError", "The issue was not found.", "r404")));
        Pcx.Result r = pcx.run("health", "show", "EX9", "-c", CUSTOMER);
        assertEquals(4, r.exit(), r::toString);
        assertTrue(r.err().contains("not found in " + CUSTOMER + "'s tenant: The issue was not found. (UnknownError)"),
                r.err());
    }

    /** Issue 19 item 1: a Graph page without its list is no answer, for one tenant and across customers. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"{\"value\":null}", "{}",
            "{\"value\":{\"id\":\"EX1\",\"service\":\"Exchange Online\",\"classification\":\"incident\"}}",
            "{\"@odata.context\":\"x\",\"value\":\"none\"}"})
    void aGraphPageWithoutItsListIsUnusableNeverClear(String body) throws Exception {
        server.enqueue(token("t", null));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                .build());
        Pcx.Result one = pcx.run("health", "-c", CUSTOMER, "--fail-on", "incident", "-o", "json");
        assertEquals(5, one.exit(), "nothing read is not 'no issues': " + one);
        assertTrue(one.err().contains("Microsoft Graph sent a body pcx cannot read as a listing page"), one.err());
        assertEquals("", one.out());

        server.enqueue(token("partner-center-token", null));
        server.enqueue(ok(dev.pcx.testing.Fixtures.page(List.of(
                dev.pcx.testing.Fixtures.customer(tenant(1), "Contoso Ltd", "contoso.partner.onmschina.cn")), null, null)));
        server.enqueue(token("graph-1", null));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                .build());
        Pcx.Result all = pcx.run("health", "affected", "-o", "jsonl");
        assertEquals(5, all.exit(), all::toString);
        JsonNode line = Json.mapper().readTree(all.out());
        assertEquals("unknown", line.get("status").asText(), line.toString());
        assertTrue(line.get("reason").asText().contains("cannot read as a listing page"), line.toString());
    }
}
