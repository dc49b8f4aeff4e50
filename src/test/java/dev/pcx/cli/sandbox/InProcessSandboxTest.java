package dev.pcx.cli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcx --sandbox ...}: every command against an in-process sandbox over real loopback HTTP. */
class InProcessSandboxTest {
    @TempDir
    Path config;

    private Pcx pcx() {
        return new Pcx().env("PCX_CONFIG_DIR", config.toString());
    }

    @Test
    void listsTheSeedCustomersWithoutAnyCredentials() {
        Pcx.Result r = pcx().run("--sandbox", "customers", "list", "--limit", "3", "-o", "csv");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("""
                Company name,Domain,Tenant id,Relationship
                Contoso Ltd,contoso.partner.onmschina.cn,"""), r.out());
        assertTrue(r.out().contains("北京云创科技有限公司,bjyunchuang.partner.onmschina.cn,"), r.out());
    }

    @Test
    void resetChangesHowManyCustomersALaterRunSees() throws Exception {
        assertEquals(0, pcx().run("sandbox", "reset", "--customers", "345").exit());
        assertTrue(Files.exists(config.resolve("sandbox/state.json")));

        Pcx.Result r = pcx().run("--sandbox", "customers", "list", "--all", "-o", "jsonl");

        assertEquals(0, r.exit(), r::toString);
        assertEquals(345, r.out().lines().count());
    }

    @Test
    void showResolvesADomainAndPrintsTheFullCustomer() throws Exception {
        Pcx.Result r = pcx().run("--sandbox", "customers", "show", "fabrikam.partner.onmschina.cn", "-o", "json");
        assertEquals(0, r.exit(), r::toString);
        JsonNode c = Json.mapper().readTree(r.out());
        assertEquals("Fabrikam Inc", c.get("companyProfile").get("companyName").asText());
        assertEquals("billing@fabrikam.partner.onmschina.cn", c.get("billingProfile").get("email").asText());
    }

    @Test
    void aCorruptStateFileIsReportedWithTheFix() throws Exception {
        Files.createDirectory(config.resolve("sandbox"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(config.resolve("sandbox/state.json"), "{not json");
        Pcx.Result r = pcx().run("--sandbox", "customers", "list");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("start it over with: pcx sandbox reset"), r.err());
        assertEquals("{not json", Files.readString(config.resolve("sandbox/state.json")), "left as it was");
    }

    @Test
    void aFreshConfigDirectoryMadeThroughTheSandboxIsPrivateAndUsableAfterwards() throws Exception {
        Path fresh = config.resolve("new/pcx");
        Pcx pcx = new Pcx().env("PCX_CONFIG_DIR", fresh.toString());
        assertEquals(0, pcx.run("--sandbox", "customers", "list", "--limit", "1").exit());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("sandbox"))));
        assertEquals(0, pcx.run("sandbox", "reset", "--approve-after", "0").exit());
        Pcx.Result login = pcx.run("--sandbox", "auth", "login");
        assertEquals(0, login.exit(), "pcx accepts the directory it made: " + login);
    }

    @Test
    void aChangeMadeInOneRunIsSeenByTheNextAndResetUndoesIt() throws Exception {
        Pcx.Result suspend = pcx().run("--sandbox", "services", "suspend", "-c", "Contoso Ltd", "HQ Office", "--yes");
        assertEquals(0, suspend.exit(), suspend::toString);
        Pcx.Result list = pcx().run("--sandbox", "services", "list", "-c", "Contoso Ltd", "--status", "suspended",
                "-o", "jsonl", "--jq", ".friendlyName");
        assertTrue(list.out().contains("HQ Office 365 E3"), list.out());
        assertEquals(0, pcx().run("sandbox", "reset").exit());
        Pcx.Result after = pcx().run("--sandbox", "services", "show", "-c", "Contoso Ltd", "HQ Office", "--jq", ".status");
        assertEquals("active\n", after.out());
    }

    @Test
    void aStateFileMayLiveInAnOrdinaryDirectory() throws Exception {
        Path shared = Files.createDirectory(config.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Pcx.Result r = pcx().run("sandbox", "reset", "--state", shared.resolve("state.json").toString(), "--customers", "7");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)), "left as it was");
    }

    @Test
    void resetRejectsOutOfRangeCounts() {
        Pcx.Result r = pcx().run("sandbox", "reset", "--customers", "100001");
        assertEquals(2, r.exit(), r::toString);
    }
}
