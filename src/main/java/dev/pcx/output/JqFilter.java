package dev.pcx.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * A compiled {@code --jq} expression (jq 1.6 language, by jackson-jq). Each result is printed on
 * its own line: a string as its raw text (as {@code jq -r}, which is what a script wants),
 * anything else as compact JSON.
 */
public final class JqFilter {
    private final String expression;
    private final JsonQuery query;
    private Scope scope;

    private JqFilter(String expression, JsonQuery query) {
        this.expression = expression;
        this.query = query;
    }

    /** @throws IllegalArgumentException with jq's own words when the expression does not compile */
    public static JqFilter compile(String expression) {
        try {
            return new JqFilter(expression, JsonQuery.compile(expression, Versions.JQ_1_6));
        } catch (JsonQueryException e) {
            throw new IllegalArgumentException("invalid --jq expression '" + expression + "': " + oneLine(e.getMessage()));
        }
    }

    void apply(JsonNode input, ObjectMapper mapper, PrintStream out) {
        apply(input, mapper, out, false);
    }

    /** @param terminal whether stdout is a terminal: raw strings are then cleaned of controls and invisible format characters */
    void apply(JsonNode input, ObjectMapper mapper, PrintStream out, boolean terminal) {
        if (scope == null) {
            Scope root = Scope.newEmptyScope();
            BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
            scope = Scope.newChildScope(root);
        }
        try {
            query.apply(scope, input, result -> {
                try {
                    String text = result.isTextual() ? result.asText() : mapper.writeValueAsString(result);
                    out.print(terminal ? DisplayWidth.scrub(text) : text);
                    out.print('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (JsonQueryException e) {
            throw new JqRuntimeException("--jq '" + expression + "' failed: " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "no detail" : s.replaceAll("\\s+", " ").strip();
    }

    /** The expression compiled but failed on the data (e.g. indexing a string). */
    public static final class JqRuntimeException extends RuntimeException {
        JqRuntimeException(String message) {
            super(message);
        }
    }
}
