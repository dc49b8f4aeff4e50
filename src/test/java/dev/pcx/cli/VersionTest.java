package dev.pcx.cli;

import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pcx --version}: the version, the commit the build was made from, the runtime and where it is. */
class VersionTest {

    @Test
    void versionNamesTheCommitAndTheRuntime() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--debug", "--version"})) {
            Pcx.Result r = new Pcx().run(args);
            assertEquals(0, r.exit(), r::toString);
            List<String> lines = r.out().lines().toList();
            assertEquals(3, lines.size(), r.out());
            assertTrue(lines.get(0).matches("pcx \\S+"), lines.get(0));
            assertTrue(lines.get(1).matches("built from commit ([0-9a-f]{12}(-dirty)?|unknown)"), lines.get(1));
            if (Files.exists(Path.of(".git"))) {
                assertFalse(lines.get(1).contains("unknown"), "built in a git checkout, the commit is known: " + lines.get(1));
            }
            assertTrue(lines.get(2).startsWith("Java " + System.getProperty("java.version") + " ("), lines.get(2));
            assertTrue(lines.get(2).contains(" in " + System.getProperty("java.home") + ", "), lines.get(2));
        }
    }
}
