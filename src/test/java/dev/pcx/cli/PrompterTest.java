package dev.pcx.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Questions on a terminal: answers read with jline, Tab completing the choices; never a question without one. */
class PrompterTest {
    /** A terminal of a known type over streams: what a person types, and the screen it draws on. */
    private static Terminal scripted(String typed, ByteArrayOutputStream screen) throws Exception {
        // a pipe kept open, as a keyboard is: the reader sees the keys, never an end of input
        java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
        java.io.PipedInputStream keyboard = new java.io.PipedInputStream(keys, 4096);
        keys.write(typed.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        return TerminalBuilder.builder().system(false).type("xterm-256color").encoding(StandardCharsets.UTF_8)
                .streams(keyboard, screen).build();
    }

    @Test
    void tabCompletesAChoiceOnAScriptedTerminal() throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal t = scripted("cri\t\n", screen)) {
            assertEquals("critical", Prompter.read(t, "Severity: ", "--severity", List.of("critical", "moderate", "minimal")));
        }
    }

    @Test
    void aChoiceWithSpacesCompletesWhole() throws Exception {
        try (Terminal t = scripted("Exchange O\t\n", new ByteArrayOutputStream())) {
            assertEquals("Exchange Online", Prompter.read(t, "Service: ", "--service",
                    List.of("Exchange Online", "Exchange Server", "Microsoft Teams")));
        }
    }

    @Test
    void everyChoiceIsACandidateWhateverWasTyped() throws Exception {
        List<Candidate> offered = new ArrayList<>();
        try (Terminal t = scripted("", new ByteArrayOutputStream())) {
            var reader = LineReaderBuilder.builder().terminal(t).build();
            Prompter.completer(List.of("Exchange Online", "Microsoft Teams")).complete(reader,
                    reader.getParser().parse("Micro", 5), offered);
        }
        assertEquals(List.of("Exchange Online", "Microsoft Teams"), offered.stream().map(Candidate::value).toList());
    }

    @Test
    void noAnswerIsAUsageErrorNamingTheFlag() throws Exception {
        try (Terminal t = scripted("\n", new ByteArrayOutputStream())) {
            CliException e = assertThrows(CliException.class,
                    () -> Prompter.read(t, "Severity: ", "--severity", List.of("critical")));
            assertEquals(ExitCode.USAGE, e.exitCode());
            assertTrue(e.getMessage().contains("--severity"), e.getMessage());
        }
    }

    @Test
    void withoutATerminalNothingIsAskedAndTheFlagIsNamed() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        CliException e = assertThrows(CliException.class,
                () -> new Prompter(io).choose("Severity: ", "--severity", List.of("critical")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("missing --severity"), e.getMessage());
    }

    @Test
    void aTestsStreamsAreReadPlainlyNotThroughTheProcesssTerminal() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream("moderate\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), true, false, false, () -> 80);
        assertEquals("moderate", new Prompter(io).choose("Severity: ", "--severity", List.of("critical", "moderate")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Severity: "));
    }
}
