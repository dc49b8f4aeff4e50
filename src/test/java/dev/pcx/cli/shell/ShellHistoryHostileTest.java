package dev.pcx.cli.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 item 5: the shell's history is a regular file of the user's, or no history at all;
 * pcx never changes the mode of what a link there points to (as root, a link to /etc/passwd).
 */
class ShellHistoryHostileTest {
    @TempDir
    Path config;
    @TempDir
    Path elsewhere;

    private String run(Path history, String typed) throws Exception {
        return ScriptedTerminal.run(config, history, typed);
    }

    @Test
    void aHistoryThatIsASymbolicLinkIsRefusedAndItsTargetLeftAlone() throws Exception {
        Path target = elsewhere.resolve("passwd");
        Files.writeString(target, "root:x:0:0::/root:/bin/sh\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        Path history = config.resolve("shell-history");
        Files.createSymbolicLink(history, target);

        String out = run(history, "customers list --limit 1 -o tsv\n");

        assertTrue(out.contains("Contoso Ltd\tcontoso.partner.onmschina.cn"), "the shell still works: " + out);
        assertTrue(out.contains("pcx: " + history + " is a symbolic link: the shell keeps no history this time"), out);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                "the linked file's mode is untouched");
        assertEquals("root:x:0:0::/root:/bin/sh\n", Files.readString(target), "and so is what it holds");
        assertTrue(Files.isSymbolicLink(history));
    }

    @Test
    void aHistoryThatIsADirectoryIsRefusedAndTheShellStillWorks() throws Exception {
        Path history = Files.createDirectory(config.resolve("shell-history"));
        String out = run(history, "customers list --limit 1 -o tsv\n");
        assertTrue(out.contains("Contoso Ltd"), out);
        assertTrue(out.contains("is not a regular file: the shell keeps no history this time"), out);
        assertFalse(Files.isRegularFile(history));
    }

    @Test
    void aHistoryFileTooOpenIsMadePrivate() throws Exception {
        Path history = config.resolve("shell-history");
        Files.writeString(history, "customers list\n");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));
        run(history, "customers list --limit 1 -o tsv\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertTrue(Files.readString(history).contains("customers list --limit 1 -o tsv"));
    }
}
