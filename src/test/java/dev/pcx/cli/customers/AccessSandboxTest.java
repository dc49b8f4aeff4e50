package dev.pcx.cli.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reaching customers' tenants end to end on the sandbox: every verdict, and consent fixing one. */
class AccessSandboxTest {
    private static final Clock DEC_3 = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path config;

    private Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString()).clock(DEC_3);
    }

    private static Map<String, JsonNode> byName(Pcx.Result r) throws Exception {
        Map<String, JsonNode> lines = new HashMap<>();
        for (JsonNode l : Json.mapper().readTree(r.out())) {
            lines.put(l.get("companyName").asText(), l);
        }
        return lines;
    }

    @Test
    void everyVerdictOnGlobalThenConsentMakesANeedsConsentCustomerOk() throws Exception {
        Pcx.Result r = pcx().run("--sandbox", "--cloud", "global", "customers", "access", "-o", "json", "--fail-on",
                "expiring");
        assertEquals(7, r.exit(), r::toString);
        Map<String, JsonNode> lines = byName(r);
        assertEquals(150, lines.size());
        assertEquals("ok", lines.get("Contoso Ltd").get("verdict").asText());
        assertEquals("needs-consent", lines.get("深圳华信网络科技有限公司").get("verdict").asText());
        assertEquals("lost", lines.get("杭州远景数据有限公司").get("verdict").asText());
        assertTrue(lines.get("杭州远景数据有限公司").get("cause").asText().contains("ended 2026-11-13"),
                lines.get("杭州远景数据有限公司").toString());
        assertEquals("partial", lines.get("广州南方智造有限公司").get("verdict").asText());
        assertEquals("blocked", lines.get("成都天府软件有限公司").get("verdict").asText());
        assertEquals("needs-consent", lines.get("Wingtip Toys").get("verdict").asText());
        JsonNode fabrikam = lines.get("Fabrikam Inc");
        assertEquals("ok", fabrikam.get("verdict").asText());
        assertTrue(fabrikam.get("expiring").asBoolean(), "its GDAP relationship ends in 10 days: " + fabrikam);
        assertTrue(r.err().contains("pcx: access gate (expiring):"), r.err());

        Pcx.Result consent = pcx().run("--sandbox", "--cloud", "global", "customers", "consent", "-c",
                "szhuaxin.partner.onmschina.cn", "-o", "tsv");
        assertEquals(0, consent.exit(), consent::toString);
        assertTrue(consent.out().contains("\tgranted\t"), consent.out());
        Pcx.Result after = pcx().run("--sandbox", "--cloud", "global", "customers", "access", "-c",
                "szhuaxin.partner.onmschina.cn", "-o", "json");
        assertEquals(0, after.exit(), after::toString);
        assertEquals("ok", Json.mapper().readTree(after.out()).get(0).get("verdict").asText());
    }
}
