package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import dev.pcx.api.model.ApiDate;
import dev.pcx.api.model.RefundableQuantity;
import dev.pcx.api.model.SubscribedSku;
import dev.pcx.api.model.Subscription;
import dev.pcx.cli.ResolvedCustomer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The renewal desk's decisions, row by row: the facts of one subscription on 2026-12-03, and the line they give. */
class RenewalRulesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final ResolvedCustomer CONTOSO = new ResolvedCustomer("t-1", "Contoso Ltd", "contoso.example");
    private static final String ID = "4d2b2e9c-8f0a-4b7e-9c1d-0a1b2c3d4e5f";

    /** A subscription as Partner Center sends one; {@code term} null leaves the new-commerce fields out (legacy). */
    static Subscription sub(String status, String term, String ends, Boolean autoRenew, String cancelUntil, int quantity) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("id", ID);
        s.put("offerName", "Microsoft 365 E5");
        s.put("friendlyName", "HQ E5");
        s.put("quantity", quantity);
        s.put("status", status);
        if (autoRenew != null) {
            s.put("autoRenewEnabled", autoRenew);
        }
        s.put("commitmentEndDate", ends);
        if (term != null) {
            s.putObject("productType").put("id", "OnlineServicesNCE").put("displayName", "OnlineServicesNCE");
            s.put("termDuration", term);
            s.put("renewalTermDuration", "");
        }
        if (cancelUntil != null) {
            s.put("cancellationAllowedUntilDate", cancelUntil);
        }
        return Json.mapper().convertValue(s, Subscription.class);
    }

    static SubscribedSku sku(int enabled, int consumed, String... ids) {
        ObjectNode k = Json.mapper().createObjectNode();
        k.put("skuId", "c7df2760-2c81-4ef7-b578-5b5392b571df");
        k.put("skuPartNumber", "SPE_E5");
        k.put("appliesTo", "User");
        k.put("consumedUnits", consumed);
        k.putObject("prepaidUnits").put("enabled", enabled).put("suspended", 0).put("warning", 0).put("lockedOut", 0);
        var a = k.putArray("subscriptionIds");
        for (String id : ids.length == 0 ? new String[] {ID.toUpperCase()} : ids) {
            a.add(id);
        }
        return Json.mapper().convertValue(k, SubscribedSku.class);
    }

    static RefundableQuantity refundable(int quantity, String until) {
        return new RefundableQuantity(quantity, List.of(new RefundableQuantity.Batch(quantity,
                ApiDate.parse(until))));
    }

    static Renewal line(Subscription s, SubscribedSku sku, RefundableQuantity refundable) {
        RenewalRules.Seats seats = sku == null ? RenewalRules.Seats.NONE : RenewalRules.Seats.of(s, List.of(sku));
        return RenewalRules.decide(CONTOSO, s, seats, refundable, TODAY, NOW, 30);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // case, subscription, seats, refundable, decision, reason
                Arguments.of("a yearly term renewing in 20 days with auto-renew on",
                        sub("active", "P1Y", "2026-12-23T00:00:00", true, "2025-12-31T00:00:00Z", 25), sku(25, 13), null,
                        "renews", "renews 2026-12-24 for P1Y; 12 of 25 seats unassigned; "
                                + "seats can be removed in the 7 days after it renews on 2026-12-24"),
                Arguments.of("three years, fully used",
                        sub("active", "P3Y", "2026-12-31T00:00:00", true, null, 10), sku(10, 10), null,
                        "renews", "renews 2027-01-01 for P3Y"),
                Arguments.of("a yearly term lapsing: auto-renew off",
                        sub("active", "P1Y", "2026-12-10T00:00:00", false, null, 10), sku(10, 0), null,
                        "lapses", "lapses after 2026-12-10: auto-renew is off"),
                Arguments.of("a monthly rollover is no decision",
                        sub("active", "P1M", "2026-12-15T00:00:00", true, null, 5), sku(5, 5), null,
                        null, "renews 2026-12-16 for P1M"),
                Arguments.of("a monthly term lapsing while in use is one",
                        sub("active", "P1M", "2026-12-15T00:00:00", false, null, 5), sku(5, 3), null,
                        "lapses", "lapses after 2026-12-15: auto-renew is off and 3 seats are in use"),
                Arguments.of("a monthly term lapsing unused is none",
                        sub("active", "P1M", "2026-12-15T00:00:00", false, null, 5), sku(5, 0), null,
                        null, "lapses after 2026-12-15: auto-renew is off"),
                Arguments.of("a monthly rollover with free seats: seats unassigned at a decision point",
                        sub("active", "P1M", "2026-12-15T00:00:00", true, null, 5), sku(5, 2), null,
                        "unassigned", "renews 2026-12-16 for P1M; 3 of 5 seats unassigned; "
                                + "seats can be removed in the 7 days after it renews on 2026-12-16"),
                Arguments.of("a legacy subscription with free seats: no 7-day window is claimed",
                        sub("active", null, "2026-12-15T00:00:00", true, null, 5), sku(5, 2), null,
                        "unassigned", "renews 2026-12-16; 3 of 5 seats unassigned"),
                Arguments.of("a legacy subscription: no term, so no decision on the term",
                        sub("active", null, "2026-12-10T00:00:00", true, null, 10), sku(10, 10), null,
                        null, "renews 2026-12-11"),
                Arguments.of("auto-renew not sent on a yearly term",
                        sub("active", "P1Y", "2026-12-10T00:00:00", null, null, 10), sku(10, 10), null,
                        "ends", "term ends 2026-12-10; Partner Center does not say whether it renews"),
                Arguments.of("an open cancellation window on a term a year away",
                        sub("active", "P1Y", "2027-11-29T00:00:00", true, "2026-12-07T00:00:00Z", 20), sku(20, 20), null,
                        "cancellable", "cancellable until 2026-12-07"),
                Arguments.of("seats that can be removed, and unassigned",
                        sub("active", "P1Y", "2027-11-29T00:00:00", true, "2026-12-07T00:00:00Z", 20), sku(20, 8),
                        refundable(20, "2026-12-07T00:00:00Z"),
                        "cancellable", "cancellable until 2026-12-07; 20 seats can be removed until 2026-12-07; "
                                + "12 of 20 seats unassigned"),
                Arguments.of("a mid-term batch that can be removed, window closed for the rest",
                        sub("active", "P1Y", "2027-06-01T00:00:00", true, "2026-06-08T00:00:00Z", 30), sku(30, 25),
                        refundable(5, "2026-12-05T10:00:00Z"),
                        "reducible", "5 seats can be removed until 2026-12-05; 5 of 30 seats unassigned"),
                Arguments.of("a batch whose window closed this morning is not removable",
                        sub("active", "P1Y", "2027-06-01T00:00:00", true, "2026-06-08T00:00:00Z", 30), sku(30, 25),
                        refundable(5, "2026-12-03T08:59:59Z"),
                        null, null),
                Arguments.of("ended yesterday: outside the window (renewal already ran)",
                        sub("active", "P1Y", "2026-12-02T00:00:00", true, null, 10), sku(10, 1), null,
                        null, null),
                Arguments.of("ends on the 30th day: inside",
                        sub("active", "P1Y", "2027-01-02T00:00:00", true, null, 10), sku(10, 10), null,
                        "renews", "renews 2027-01-03 for P1Y"),
                Arguments.of("ends on the 31st day: outside",
                        sub("active", "P1Y", "2027-01-03T00:00:00", true, null, 10), sku(10, 10), null,
                        null, null),
                Arguments.of("a suspended subscription needs no renewal decision",
                        sub("suspended", "P1Y", "2026-12-10T00:00:00", true, "2026-12-07T00:00:00Z", 10), sku(10, 0), null,
                        null, null),
                Arguments.of("no end (9999): never renewing",
                        sub("active", "P1M", "9999-12-14T00:00:00Z", false, null, 1), null, null,
                        null, null),
                Arguments.of("more seats assigned than bought is said, not a decision",
                        sub("active", "P1Y", "2027-05-01T00:00:00", true, null, 10), sku(10, 12), null,
                        null, "2 more seats assigned than SPE_E5 has"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseGivesItsDecisionAndEveryReasonThatHolds(String name, Subscription s, SubscribedSku sku,
                                                          RefundableQuantity refundable, String decision, String reason) {
        Renewal r = line(s, sku, refundable);
        assertEquals(decision, r.decision(), name);
        assertEquals(reason, r.reason(), name);
    }

    @Test
    void daysLeftCountFromTodayToTheInclusiveEndAndSeatsComeFromTheMatchedSku() {
        Renewal r = line(sub("active", "P1Y", "2026-12-23T00:00:00", true, null, 25), sku(25, 13), null);
        assertEquals(20L, r.daysLeft());
        assertEquals(13, r.seatsAssigned());
        assertEquals(12, r.seatsFree());
        assertEquals(Renewal.BY_ID, r.matchedBy(), "the SKU's id in another letter case still matches");
    }

    @Test
    void seatsAreNeverAttributedByGuess() {
        Renewal r = line(sub("active", "P1Y", "2026-12-23T00:00:00", true, null, 25),
                sku(25, 13, "99999999-0000-0000-0000-000000000000"), null);
        assertEquals(Renewal.NONE, r.matchedBy());
        assertNull(r.seatsAssigned());
        assertNull(r.seatsFree());
        assertEquals("renews 2026-12-24 for P1Y", r.reason(), "no seat counts from a SKU that does not name it");
    }

    @Test
    void aPlanRemovesUnassignedSeatsOnlyWhileTheyCanBeRemovedAndNeverBelowTheAssignedOrToZero() {
        Renewal reduce = line(sub("active", "P1Y", "2027-11-29T00:00:00", true, "2026-12-07T00:00:00Z", 20), sku(20, 8),
                refundable(20, "2026-12-07T00:00:00Z"));
        assertEquals(new Renewal.Proposal("quantity", 8, "remove 12 unassigned seats while they can be removed "
                + "(until 2026-12-07); 8 assigned"), reduce.proposal());

        Renewal fewRemovable = line(sub("active", "P1Y", "2027-06-01T00:00:00", true, null, 30), sku(30, 20),
                refundable(4, "2026-12-05T00:00:00Z"));
        assertEquals(26, fewRemovable.proposal().value(), "only the 4 seats of the open batch, not all 10 free");

        Renewal nobody = line(sub("active", "P1Y", "2027-11-29T00:00:00", true, "2026-12-07T00:00:00Z", 5), sku(5, 0),
                refundable(5, "2026-12-07T00:00:00Z"));
        assertEquals(1, nobody.proposal().value(), "never to zero");

        Renewal unusedRenewing = line(sub("active", "P1Y", "2026-12-20T00:00:00", true, null, 3), sku(3, 0), null);
        assertEquals(new Renewal.Proposal("auto-renew", "off", "no seat is assigned, and it renews 2026-12-21 for "
                + "another P1Y"), unusedRenewing.proposal(), "outside the window to remove seats: auto-renew off where none is used");

        Renewal usedRenewing = line(sub("active", "P1Y", "2026-12-20T00:00:00", true, null, 25), sku(25, 13), null);
        assertNull(usedRenewing.proposal(), "in use and outside the window: no line, the row says when it opens");
        assertTrue(usedRenewing.reason().endsWith("seats can be removed in the 7 days after it renews on 2026-12-21"));

        Renewal shared = line(sub("active", "P1Y", "2027-11-29T00:00:00", true, "2026-12-07T00:00:00Z", 20),
                sku(40, 8, ID, "11111111-2222-3333-4444-555555555555"), refundable(20, "2026-12-07T00:00:00Z"));
        assertNull(shared.proposal(), "a SKU two subscriptions share cannot say which one's seats are free");
        assertNull(shared.seatsFree(), "never attributed to one subscription");
        assertTrue(shared.reason().endsWith("seats of SPE_E5 are counted for its 2 subscriptions together (8 of 40 assigned)"),
                shared.reason());
    }

    @Test
    void theWindowHoldsTermsEndingWithinItAndOpenWindowsAndAnUnreadableCustomer() {
        assertTrue(RenewalRules.inWindow(line(sub("active", "P1M", "2026-12-15T00:00:00", true, null, 5), sku(5, 5), null), 30));
        assertFalse(RenewalRules.inWindow(line(sub("active", "P1Y", "2027-05-01T00:00:00", true, null, 5), sku(5, 5), null), 30));
        assertTrue(RenewalRules.inWindow(line(sub("active", "P1Y", "2027-11-29T00:00:00", true, "2026-12-07T00:00:00Z", 5),
                sku(5, 5), null), 30));
        assertTrue(RenewalRules.inWindow(RenewalRules.unknown(CONTOSO, "no consent"), 30));
        assertFalse(RenewalRules.inWindow(line(sub("suspended", "P1M", "2026-12-15T00:00:00", true, null, 5), sku(5, 5),
                null), 30), "a suspended subscription renews nothing");
        assertFalse(RenewalRules.inWindow(RenewalRules.unmatched(CONTOSO, sku(10000, 3, "f")), 30),
                "a SKU of its own only with --all");
    }
}
