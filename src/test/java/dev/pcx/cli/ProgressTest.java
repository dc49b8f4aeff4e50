package dev.pcx.cli;

import dev.pcx.output.DisplayWidth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    private static final String ACCEPTED = "Partner Center accepted the change to "
            + "a4c1d2e3-5f60-4b7a-8c9d-0e1f2a3b4c5d; waiting for it to apply (12 s)";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private Progress progress(int columns) {
        return new Progress(err, true, () -> columns, now::get);
    }

    /** The lines drawn, each without the return and erase that start it. */
    private java.util.List<String> drawn() {
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.startsWith("\r\u001b[K"), all);
        return java.util.List.of(all.substring(4).split("\r\u001b\\[K", -1));
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80})
    void aLineWiderThanTheTerminalKeepsItsStartAndTheSecondsAtItsEnd(int columns) {
        progress(columns).update(ACCEPTED);

        String line = drawn().get(0);
        assertTrue(DisplayWidth.of(line) <= columns - 1, "fits in " + columns + " columns with the cursor: '" + line + "'");
        assertTrue(DisplayWidth.of(line) >= columns - 3, "uses the width: '" + line + "'");
        assertTrue(line.endsWith("; waiting for it to apply (12 s)"), line);
        assertTrue(line.startsWith("Partner Center") && line.contains("…"), line);
        assertTrue(line.substring(0, line.indexOf('…')).endsWith(columns == 80 ? "accepted" : "Center"),
                "the start ends at a word: '" + line + "'");
    }

    @Test
    void aLineThatFitsIsWholeAndWideCharactersCountTwoColumns() {
        Progress p = progress(60);
        p.update("12/2000 customers checked");
        now.addAndGet(200_000_000L);
        String chinese = "北京云创科技有限公司的订阅正在更改，请等待它生效，已经等待了很久很久很久 (125 s)";
        p.update(chinese);

        java.util.List<String> lines = drawn();
        assertEquals("12/2000 customers checked", lines.get(0));
        assertTrue(DisplayWidth.of(lines.get(1)) <= 59 && lines.get(1).endsWith("很久 (125 s)")
                && lines.get(1).startsWith("北京云创"), lines.get(1));
    }

    @Test
    void atMostTenTimesASecondAndNothingWhenStderrIsNotATerminal() {
        Progress p = progress(80);
        p.update("1/3 things done");
        now.addAndGet(50_000_000L);
        p.update("2/3 things done");
        now.addAndGet(60_000_000L);
        p.update("3/3 things done");
        p.clear();
        assertEquals("\r\u001b[K1/3 things done\r\u001b[K3/3 things done\r\u001b[K", bytes.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        Progress off = new Progress(new PrintStream(quiet, true, StandardCharsets.UTF_8), false, () -> 80, now::get);
        off.update(ACCEPTED);
        off.clear();
        assertEquals(0, quiet.size());
    }
}
