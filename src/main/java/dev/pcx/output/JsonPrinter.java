package dev.pcx.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * {@code json}: one document, an indented array of the records written as they come (so memory
 * stays flat), or a single object. {@code jsonl}: one compact object per line.
 */
final class JsonPrinter<T> implements RecordPrinter<T> {
    /** Indented as gh and az print JSON: {@code "id": 1}, no space before the colon. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private final ObjectMapper mapper;
    private final PrintStream out;
    private final boolean lines;
    private final boolean array;
    private JsonGenerator generator;
    private long count;
    private boolean finished;

    /** @param array false when exactly one record will be printed and it is the document */
    JsonPrinter(ObjectMapper mapper, PrintStream out, boolean lines, boolean array) {
        this.mapper = mapper;
        this.out = out;
        this.lines = lines;
        this.array = array;
    }

    @Override
    public void print(T item) {
        try {
            if (lines) {
                // the record and its newline in one write: a reader never sees half a line
                byte[] json = mapper.writeValueAsBytes(item);
                byte[] line = Arrays.copyOf(json, json.length + 1);
                line[json.length] = '\n';
                out.write(line, 0, line.length);
            } else {
                start();
                mapper.writeValue(generator, item);
            }
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() throws IOException {
        if (generator == null) {
            generator = mapper.getFactory().createGenerator(out);
            generator.setPrettyPrinter(PRETTY.createInstance());
            if (array) {
                generator.writeStartArray();
            }
        }
    }

    @Override
    public void flush() {
        try {
            if (generator != null) {
                generator.flush();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (!lines) {
                start();
                if (array) {
                    generator.writeEndArray();
                }
                generator.flush();
                generator.close();
                out.print('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long count() {
        return count;
    }
}
