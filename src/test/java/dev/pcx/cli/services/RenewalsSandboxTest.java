package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The renewal desk end to end on the sandbox, on 2026-12-03: lines, a plan, and services apply reading it. */
class RenewalsSandboxTest {
    private static final String CONTOSO = "contoso.partner.onmschina.cn";
    private static final Clock DEC_3 = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path config;

    private Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).clock(DEC_3);
    }

    @Test
    void contososDecisionsThenItsPlanReviewedByServicesApplyDryRun() throws Exception {
        Path plan = config.resolve("plan.jsonl");
        Pcx.Result r = pcx().run("--sandbox", "services", "renewals", "-c", CONTOSO, "-o", "jsonl", "--plan",
                plan.toString());

        assertEquals(0, r.exit(), r::toString);
        List<JsonNode> lines = r.out().lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of("renews", "lapses", "cancellable"), lines.stream().map(l -> l.get("decision").asText()).toList(),
                r.out());
        assertEquals(List.of(18, 25, 28), lines.stream().map(l -> l.get("daysLeft").asInt()).toList());
        assertTrue(lines.stream().allMatch(l -> "subscriptionId".equals(l.get("matchedBy").asText())), r.out());

        String written = Files.readString(plan);
        assertEquals(1, written.lines().count(), written);
        JsonNode fix = Json.mapper().readTree(written);
        assertEquals("quantity", fix.get("action").asText());
        assertEquals(31, fix.get("value").asInt(), "49 bought, 31 assigned: the 18 free ones, while they can go");

        Pcx.Result review = pcx().run("--sandbox", "services", "apply", "--file", plan.toString(), "--dry-run", "-o", "tsv");
        assertEquals(0, review.exit(), review::toString);
        assertTrue(review.out().contains("\twould apply\tquantity: 49 → 31"), review.out());
        Pcx.Result applied = pcx().run("--sandbox", "services", "apply", "--file", plan.toString(), "-o", "tsv");
        assertEquals(0, applied.exit(), "the sandbox accepts what the plan proposes: " + applied);

        Pcx.Result after = pcx().run("--sandbox", "services", "list", "-c", CONTOSO, "--usage", "-o", "jsonl",
                "--jq", "select(.quantity == 31) | .seatsFree");
        assertEquals("0\n", after.out(), after::toString);
    }

    @Test
    void whatThePlanProposesTheDryRunOfServicesApplyDoesNotWarnAgainst() throws Exception {
        Path plan = config.resolve("every.jsonl");
        Pcx.Result r = pcx().run("--sandbox", "services", "renewals", "--plan", plan.toString(), "-o", "tsv");
        assertEquals(5, r.exit(), "some customers refuse Graph, as designed: " + r.err());
        assertTrue(Files.readString(plan).lines().count() > 5, Files.readString(plan));
        Pcx.Result review = pcx().run("--sandbox", "services", "apply", "--file", plan.toString(), "--dry-run", "-o", "tsv");
        assertEquals(0, review.exit(), review::toString);
        assertFalse(review.err().contains("800090"), "one rule for which seats may go now: " + review.err());
    }
}
