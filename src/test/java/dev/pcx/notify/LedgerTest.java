package dev.pcx.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A --state that is not a ledger is said so, with the fix, and left as it is. */
class LedgerTest {
    @TempDir
    Path dir;

    private String refused(Path file) {
        return assertThrows(LedgerException.class, () -> new Ledger(file, true).hold(null, h -> {
            h.save(Instant.parse("2026-12-03T09:00:00Z"));
            return null;
        })).getMessage();
    }

    @Test
    void whatIsNotALedgerIsRefusedAndLeftAsItIs() throws Exception {
        Path d = Files.createDirectory(dir.resolve("adir"));
        assertEquals(d + " is not a file (a directory, device or FIFO): give --state a file of its own", refused(d));

        Path corrupt = Files.writeString(dir.resolve("bad.json"), "{");
        String said = refused(corrupt);
        assertTrue(said.startsWith(corrupt + " is not a pcx events ledger (not the JSON pcx writes there): move it away"), said);
        assertEquals("{", Files.readString(corrupt), "left as it is");

        Path foreign = Files.writeString(dir.resolve("other.json"), "{\"profiles\":{}}");
        assertTrue(refused(foreign).contains("is not a pcx events ledger"));
        assertEquals("{\"profiles\":{}}", Files.readString(foreign));

        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals("cannot use " + file.resolve("l.json") + " as the events ledger (Not a directory): give --state a "
                + "file in a directory of yours", refused(file.resolve("l.json")));
    }

    @Test
    void aLedgerOfAnotherVersionIsNotRewritten() throws Exception {
        Path newer = Files.writeString(dir.resolve("l.json"), "{\"version\":2}");
        assertTrue(refused(newer).contains("was written by another version of pcx (version 2)"));
        assertEquals("{\"version\":2}", Files.readString(newer));
    }
}
