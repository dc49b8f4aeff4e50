package dev.pcx.tools;

import dev.pcx.api.Sleeper;
import dev.pcx.cli.Cli;
import dev.pcx.cli.Context;
import dev.pcx.cli.Io;
import dev.pcx.cli.CompletionScripts;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Build step (process-test-classes): writes the AsciiDoc man page sources and the bash/zsh
 * completion script from the real command tree into {@code target/generated-docs}. Asciidoctor
 * turns the AsciiDoc into man pages; {@code GeneratedFilesTest} fails when the copies checked in
 * under {@code man/} and {@code completions/} differ ({@code mvn -Pregen process-test-classes}
 * refreshes them).
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Io io = new Io(InputStream.nullInputStream(), nowhere, nowhere, false, false, false, () -> 80);
        try (Context context = new Context(io, Map.of(), Sleeper.SYSTEM, System::nanoTime)) {
            CommandLine cmd = Cli.commandLine(context);
            Path adoc = out.resolve("asciidoc");
            Files.createDirectories(adoc);
            int code = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true, cmd.getCommandSpec());
            if (code != 0) {
                throw new IllegalStateException("ManPageGenerator failed with " + code);
            }
            try (var pages = Files.list(adoc)) {
                for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                    String root = "pcx.adoc";
                    Files.writeString(page, manPage(Files.readString(page, StandardCharsets.UTF_8),
                            page.getFileName().toString().equals(root)), StandardCharsets.UTF_8);
                }
            }
            Path completions = out.resolve("completions");
            Files.createDirectories(completions);
            Files.writeString(completions.resolve("pcx.bash"), CompletionScripts.bash(cmd), StandardCharsets.UTF_8);
            Files.writeString(completions.resolve("pcx.fish"), CompletionScripts.fish(cmd), StandardCharsets.UTF_8);
        }
    }

    /**
     * A man page as man pages read: the manual named "pcx Manual" (picocli capitalises it), section
     * headings without the colon help puts after them ({@code Examples:} is {@code EXAMPLES}), and
     * {@code -V/--version} only on pcx(1), where it means something.
     */
    static String manPage(String adoc, boolean root) {
        String page = adoc.replace(":manmanual: Pcx Manual", ":manmanual: pcx Manual")
                .replaceAll("(?m)^==\\s+(.+?):\\s*$", "== $1");
        if (!root) {
            page = page.replaceAll("(?m)^\\*-V\\*, \\*--version\\*::\\n.*\\n(\\n)?", "");
        }
        return page;
    }
}
