package dev.pcx.cli;

import dev.pcx.api.Sleeper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every example in every command's help parses: its command exists and its options are spelled
 * right. (Examples that pipe or redirect are checked up to their first shell operator.)
 */
class HelpExamplesTest {
    @Test
    void everyExampleInTheHelpParses() {
        List<String> examples = new ArrayList<>();
        collect(commandLine(), examples);
        assertTrue(examples.size() > 30, "examples found: " + examples.size());
        for (String example : examples) {
            List<String> words = words(example);
            try {
                commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                fail("the help example '" + example + "' does not parse: " + e.getMessage());
            }
        }
    }

    private static CommandLine commandLine() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        Io io = new Io(InputStream.nullInputStream(), sink, sink, false, false, false, () -> 80);
        return Cli.commandLine(new Context(io, Map.of(), Sleeper.SYSTEM, System::nanoTime));
    }

    private static void collect(CommandLine cmd, List<String> out) {
        for (String line : cmd.getCommandSpec().usageMessage().footer()) {
            String t = line.strip();
            if (t.startsWith("pcx ")) {
                out.add(t);
            }
        }
        cmd.getSubcommands().values().forEach(sub -> collect(sub, out));
    }

    /** Shell words up to the first operator, comment or continuation; quotes removed. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ("|<>&#;\\".indexOf(c) >= 0 || c == '$') {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
