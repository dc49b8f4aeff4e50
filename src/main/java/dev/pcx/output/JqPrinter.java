package dev.pcx.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.PrintStream;

/**
 * {@code --jq}: the expression runs over the document {@code -o json} would print (the whole array
 * of a listing, held in memory) or, with {@code -o jsonl}, over each record as it arrives.
 */
final class JqPrinter<T> implements RecordPrinter<T> {
    private final JqFilter filter;
    private final ObjectMapper mapper;
    private final PrintStream out;
    private final boolean perRecord;
    private final boolean array;
    private final ArrayNode all;
    private long count;
    private boolean finished;

    private boolean terminal;

    /** Cleans raw strings for a terminal (see {@link JqFilter#apply(JsonNode, ObjectMapper, PrintStream, boolean)}). */
    JqPrinter<T> onTerminal(boolean onTerminal) {
        this.terminal = onTerminal;
        return this;
    }

    JqPrinter(JqFilter filter, ObjectMapper mapper, PrintStream out, boolean perRecord, boolean array) {
        this.filter = filter;
        this.mapper = mapper;
        this.out = out;
        this.perRecord = perRecord;
        this.array = array;
        this.all = mapper.createArrayNode();
    }

    @Override
    public void print(T item) {
        count++;
        if (perRecord) {
            filter.apply(mapper.valueToTree(item), mapper, out, terminal);
        } else {
            all.add(mapper.<JsonNode>valueToTree(item));
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (!perRecord) {
            filter.apply(array ? all : all.path(0), mapper, out, terminal);
        }
        out.flush();
    }

    @Override
    public long count() {
        return count;
    }
}
