package dev.pcx.cli;

import dev.pcx.output.DisplayWidth;
import dev.pcx.testing.HelpExamples;
import dev.pcx.testing.Pcx;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every example in every command's help parses (its command exists and its options are spelled
 * right; examples that pipe or redirect are checked up to their first shell operator), and fits an
 * 80-column terminal as printed, so it is never wrapped and pastes whole. {@code HelpExamplesIT}
 * runs them on the sandbox.
 */
class HelpExamplesTest {
    @Test
    void everyExampleInTheHelpParses() {
        List<String> examples = new ArrayList<>();
        for (HelpExamples.Group g : HelpExamples.groups(HelpExamples.commandLine())) {
            for (String line : g.lines()) {
                String t = line.contains("| pcx ") ? line.substring(line.indexOf("| pcx ") + 2) : line;
                t = t.startsWith("export ") || t.startsWith("source ") ? "" : t;
                t = t.replaceFirst("^(PCX_[A-Z_]+=\\S+ )+", "");
                if (t.startsWith("pcx ")) {
                    examples.add(t);
                }
            }
        }
        assertTrue(examples.size() > 40, "examples found: " + examples.size());
        for (String example : examples) {
            List<String> words = words(example);
            try {
                HelpExamples.commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                fail("the help example '" + example + "' does not parse: " + e.getMessage());
            }
        }
    }

    @Test
    void everyExampleLineFitsEightyColumns() {
        for (String line : HelpExamples.rawLines(HelpExamples.commandLine())) {
            assertTrue(DisplayWidth.of(line) <= 78, "an example longer than 78 columns wraps on an 80-column "
                    + "terminal and breaks when pasted; continue it with \\: " + line);
        }
    }

    @Test
    void helpProseFitsTheTerminalAndExamplesAreNeverWrapped() {
        Pcx.Result wide = new Pcx().tty(false, true, true).width(150).run("services", "list", "--help");
        assertTrue(wide.out().lines().anyMatch(l -> l.length() > 100), "prose uses a wide terminal: " + wide.out());
        Pcx.Result narrow = new Pcx().tty(false, true, true).width(60).run("services", "list", "--help");
        String example = "      --jq 'select(.autoRenewEnabled == false) | .friendlyName'";
        assertTrue(narrow.out().contains("\n" + example + "\n"), "examples as written: " + narrow.out());
        assertTrue(narrow.out().lines().filter(l -> !l.startsWith("  pcx") && !l.startsWith("      --"))
                .allMatch(l -> DisplayWidth.of(l) <= 60), narrow.out());
    }

    @Test
    void helpNamesTheCommandAtAnyDepth() {
        Pcx pcx = new Pcx();
        assertEquals(pcx.run("services", "set", "--help").out(), pcx.run("help", "services", "set").out());
        assertTrue(pcx.run("help", "services", "set").out().startsWith("Change the quantity"));
        Pcx.Result unknown = pcx.run("help", "services", "sett");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("did you mean 'pcx services set'?"), unknown.err());
    }

    @Test
    void everyCommandShowsItsOwnDescriptionNotPcxs() {
        CommandLine root = HelpExamples.commandLine();
        String rootHeader = String.join("", root.getCommandSpec().usageMessage().header());
        for (List<String> path : List.of(List.of("services", "show"), List.of("auth", "switch"), List.of("customers"))) {
            CommandLine cmd = root;
            for (String p : path) {
                cmd = cmd.getSubcommands().get(p);
            }
            String help = cmd.getUsageMessage();
            assertFalse(help.contains(rootHeader), path + " shows pcx's header: " + help);
            assertFalse(help.contains("file service requests on their behalf"), path + " shows pcx's description");
        }
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
