package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.Typed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixes of {@code pcx services apply}: CSV ({@code customer,subscription,action,value}, RFC 4180
 * quoting, an optional header row naming the columns) or JSON lines
 * ({@code {"customer":…,"subscription":…,"action":…,"value":…}}), told apart by the first character.
 * Every line is checked before any is used; every problem is reported with its line number.
 */
final class BatchFile {
    private static final List<String> COLUMNS = List.of("customer", "subscription", "action", "value");

    /** The fixes of the good lines, and the problems of the bad ones. */
    record Parsed(List<Fix> fixes, List<Problem> problems) {
    }

    /**
     * What is wrong with a line (0: with the whole file), and the candidates that would fit where
     * a reference is ambiguous.
     */
    record Problem(int line, String message, List<String> candidates) {
        Problem(int line, String message) {
            this(line, message, List.of());
        }

        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + message;
        }
    }

    private BatchFile() {
    }

    static Parsed parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Fix> fixes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (t.stripLeading().startsWith("{")) {
            jsonLines(t, fixes, problems);
        } else {
            csv(t, fixes, problems);
        }
        return new Parsed(fixes, problems);
    }

    private static void jsonLines(String text, List<Fix> fixes, List<Problem> problems) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode n = Json.mapper().readTree(line);
                if (n == null || !n.isObject()) {
                    problems.add(new Problem(i + 1, "not a JSON object"));
                    continue;
                }
                add(i + 1, text(n, "customer"), text(n, "subscription"), text(n, "action"), text(n, "value"), fixes, problems);
            } catch (IOException e) {
                problems.add(new Problem(i + 1, "not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")"));
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void csv(String text, List<Fix> fixes, List<Problem> problems) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        Problem problem = readCsv(text, rows, lineOf);
        if (problem != null) {
            problems.add(problem); // the rows before it are read and checked all the same
        }
        String delimiter = otherDelimiter(rows);
        if (delimiter != null) {
            problems.add(new Problem(0, "its fields are separated by " + delimiter + ", not commas: pcx reads "
                    + "comma-separated values (or JSON lines). Save it as \"CSV (Comma delimited)\", or convert it: "
                    + (delimiter.equals("tabs") ? "tr '\\t' ','" : "tr ';' ','") + " < FILE > fixed.csv"));
            return;
        }
        int[] index = {0, 1, 2, 3};
        int columns = 4;
        int first = 0;
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && COLUMNS.contains(rows.get(0).get(0).trim().toLowerCase(Locale.ROOT))) {
            List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            for (int c = 0; c < COLUMNS.size(); c++) {
                index[c] = header.indexOf(COLUMNS.get(c));
            }
            if (index[0] < 0 || index[1] < 0 || index[2] < 0) {
                problems.add(new Problem(1, "the header must name the columns customer, subscription, action (and value)"));
                return;
            }
            first = 1;
            columns = header.size();
        }
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() > columns) {
                // Excel writes 1,000 and "HQ Sales, Shanghai" unquoted: never read a prefix of the value
                problems.add(new Problem(lineOf.get(r), "has " + row.size() + " fields where a line has at most "
                        + columns + " (customer,subscription,action,value): quote a value that holds a comma, "
                        + "e.g. \"1000\" or \"HQ Sales, Shanghai\""));
                continue;
            }
            if (row.size() < 3 && index[2] >= row.size()) {
                problems.add(new Problem(lineOf.get(r), "has " + row.size() + " field" + (row.size() == 1 ? "" : "s")
                        + " where a line needs customer,subscription,action (and a value for quantity, name, "
                        + "auto-renew)"));
                continue;
            }
            add(lineOf.get(r), cell(row, index[0]), cell(row, index[1]), cell(row, index[2]), cell(row, index[3]),
                    fixes, problems);
        }
    }

    /** "semicolons" or "tabs" when no row has a comma but the rows are split by one of those; else null. */
    private static String otherDelimiter(List<List<String>> rows) {
        boolean any = false;
        int semicolons = 0;
        int tabs = 0;
        for (List<String> row : rows) {
            if (row.size() > 1) {
                return null;
            }
            String only = row.isEmpty() ? "" : row.get(0);
            if (!only.isBlank()) {
                any = true;
                semicolons += only.indexOf(';') >= 0 ? 1 : 0;
                tabs += only.indexOf('\t') >= 0 ? 1 : 0;
            }
        }
        if (!any) {
            return null;
        }
        return tabs > 0 && tabs >= semicolons ? "tabs" : semicolons > 0 ? "semicolons" : null;
    }

    private static String cell(List<String> row, int i) {
        return i < 0 || i >= row.size() ? null : row.get(i);
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    private static Problem readCsv(String text, List<List<String>> rows, List<Integer> lineOf) {
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                lineOf.add(rowLine);
                row = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return new Problem(rowLine, "a quoted field is not closed");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
            lineOf.add(rowLine);
        }
        return null;
    }

    private static void add(int line, String customer, String subscription, String action, String value,
                            List<Fix> fixes, List<Problem> problems) {
        if (customer == null || customer.isBlank()) {
            problems.add(new Problem(line, "no customer"));
            return;
        }
        try {
            CustomerResolver.kind(customer);
        } catch (RuntimeException e) {
            problems.add(new Problem(line, e.getMessage()));
            return;
        }
        if (subscription == null || subscription.isBlank()) {
            problems.add(new Problem(line, "no subscription"));
            return;
        }
        Action a;
        try {
            a = Action.parse(action);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, e.getMessage()));
            return;
        }
        String problem = a.check(value);
        if (problem != null) {
            problems.add(new Problem(line, problem));
            return;
        }
        fixes.add(new Fix(line, Typed.plain(customer), Typed.plain(subscription), a,
                a.takesValue() ? Typed.plain(value) : null));
    }
}
