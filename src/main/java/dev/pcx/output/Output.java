package dev.pcx.output;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chooses the printer for what the user asked for. Commands describe their records once, as
 * columns (for listings) or fields (for one record), and get every format from here.
 *
 * @param terminalWidth the width to fit tables to, or 0 when stdout is not a terminal
 * @param notes         where a table says what it left out to fit (stderr on a terminal), or null
 */
public record Output(OutputFormat format, JqFilter jq, ObjectMapper mapper, PrintStream out,
                     int terminalWidth, boolean color, Consumer<String> notes) {

    /** A printer for a listing. */
    public <T> RecordPrinter<T> list(List<Column<T>> columns) {
        if (jq != null) {
            return new JqPrinter<T>(jq, mapper, out, format == OutputFormat.JSONL, true).onTerminal(terminalWidth > 0);
        }
        return switch (format) {
            case TABLE -> new TablePrinter<>(columns, out, terminalWidth, color, notes);
            case WIDE -> new TablePrinter<>(columns, out, 0, color, null);
            case JSON -> new JsonPrinter<>(mapper, out, false, true);
            case JSONL -> new JsonPrinter<>(mapper, out, true, true);
            case CSV -> new DelimitedPrinter<>(columns, out, true);
            case TSV -> new DelimitedPrinter<>(columns, out, false);
        };
    }

    /** A table for people, fitted to {@code width} columns (0: uncut): a view that draws a table of its own. */
    public static Output table(ObjectMapper mapper, PrintStream out, int width, boolean color) {
        return new Output(OutputFormat.TABLE, null, mapper, out, width, color, null);
    }

    /** Whether the output is a table for people (decorated values, fitted to the terminal): table or wide. */
    public boolean forPeople() {
        return jq == null && (format == OutputFormat.TABLE || format == OutputFormat.WIDE);
    }

    /** Whether records go out as rows with columns (table, wide, csv, tsv), not as JSON (json, jsonl, --jq). */
    public boolean rows() {
        return jq == null && format != OutputFormat.JSON && format != OutputFormat.JSONL;
    }

    /** Whether records go out as rows for a spreadsheet or a script: csv or tsv. */
    public boolean delimited() {
        return jq == null && (format == OutputFormat.CSV || format == OutputFormat.TSV);
    }

    /**
     * This output, with plain {@code -o json} written compact (one line, as jsonl) when stdout is
     * not a terminal: for one answer passed on as the service sent it.
     */
    public Output compactOffTerminal() {
        return jq == null && format == OutputFormat.JSON && terminalWidth == 0
                ? new Output(OutputFormat.JSONL, null, mapper, out, terminalWidth, color, notes) : this;
    }

    /** Prints one record: as a labelled block in a table, as one object in JSON, as one row in CSV/TSV. */
    public <T> void single(T item, List<Column<T>> fields) {
        RecordPrinter<T> printer;
        if (jq != null) {
            printer = new JqPrinter<T>(jq, mapper, out, format == OutputFormat.JSONL, false).onTerminal(terminalWidth > 0);
        } else {
            printer = switch (format) {
                case TABLE, WIDE -> new DetailPrinter<>(fields, out, color);
                case JSON -> new JsonPrinter<>(mapper, out, false, false);
                case JSONL -> new JsonPrinter<>(mapper, out, true, false);
                case CSV -> new DelimitedPrinter<>(fields, out, true);
                case TSV -> new DelimitedPrinter<>(fields, out, false);
            };
        }
        printer.print(item);
        printer.finish();
    }
}
