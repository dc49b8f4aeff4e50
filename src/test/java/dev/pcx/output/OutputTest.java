package dev.pcx.output;

import dev.pcx.api.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each format is, asked of {@link Output} rather than tested by commands. */
class OutputTest {
    private static Output of(OutputFormat format, String jq, int width, ByteArrayOutputStream into) {
        return new Output(format, jq == null ? null : JqFilter.compile(jq), Json.mapper(),
                new PrintStream(into, true, StandardCharsets.UTF_8), width, false, null);
    }

    private static Output of(OutputFormat format, String jq) {
        return of(format, jq, 0, new ByteArrayOutputStream());
    }

    @Test
    void rowsAreTablesAndSpreadsheetsNeverJsonNorJq() {
        for (OutputFormat f : OutputFormat.values()) {
            boolean json = f == OutputFormat.JSON || f == OutputFormat.JSONL;
            assertEquals(!json, of(f, null).rows(), f.toString());
            assertEquals(f == OutputFormat.TABLE || f == OutputFormat.WIDE, of(f, null).forPeople(), f.toString());
            assertEquals(f == OutputFormat.CSV || f == OutputFormat.TSV, of(f, null).delimited(), f.toString());
        }
        Output jq = of(OutputFormat.JSON, ".id");
        assertFalse(jq.rows() || jq.forPeople() || jq.delimited(), "--jq is JSON, whatever else");
    }

    @Test
    void oneAnswerIsCompactOffATerminalAndIndentedOnOne() {
        ByteArrayOutputStream piped = new ByteArrayOutputStream();
        of(OutputFormat.JSON, null, 0, piped).compactOffTerminal().single(Map.of("id", 1), List.of());
        assertEquals("{\"id\":1}\n", piped.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream tty = new ByteArrayOutputStream();
        of(OutputFormat.JSON, null, 80, tty).compactOffTerminal().single(Map.of("id", 1), List.of());
        assertTrue(tty.toString(StandardCharsets.UTF_8).contains("\n  \"id\""), tty.toString(StandardCharsets.UTF_8));

        Output jq = of(OutputFormat.JSON, ".id");
        assertSame(jq, jq.compactOffTerminal(), "--jq prints its own way");
    }
}
