package dev.pcx.tools;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The man pages and the completion script checked in must be what the build generates from the
 * command tree now; regenerate them with {@code mvn -B -Pregen process-test-classes}.
 */
class GeneratedFilesTest {
    private static final String FIX = " is stale: run 'mvn -B -Pregen process-test-classes' and commit man/man1/ and completions/";
    private static final Path GENERATED = Path.of("target", "generated-docs");

    @Test
    void manPagesAreCurrent() throws IOException {
        TreeSet<String> generated = names(GENERATED.resolve("man"));
        assertEquals(generated, names(Path.of("man", "man1")), "the set of man pages" + FIX);
        for (String page : generated) {
            assertEquals(Files.readString(GENERATED.resolve("man").resolve(page)),
                    Files.readString(Path.of("man", "man1", page)), "man/man1/" + page + FIX);
        }
    }

    @Test
    void completionScriptsAreCurrent() throws IOException {
        for (String script : new String[] {"pcx.bash", "pcx.fish"}) {
            assertEquals(Files.readString(GENERATED.resolve("completions").resolve(script)),
                    Files.readString(Path.of("completions", script)), "completions/" + script + FIX);
        }
    }

    private static TreeSet<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".1"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
