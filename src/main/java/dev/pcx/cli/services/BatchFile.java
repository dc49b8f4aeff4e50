package dev.pcx.cli.services;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.cli.CustomerResolver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixes of {@code pcx services apply}: CSV ({@code customer,subscription,action,value}, RFC 4180
 * quoting, an optional header row naming the columns) or JSON lines
 * ({@code {"customer":…,"subscription":…,"action":…,"value":…}}), told apart by the first character.
 * Every line is checked before any is used; every problem is reported with its line number.
 */
final class BatchFile {
    private static final List<String> COLUMNS = List.of("customer", "subscription", "action", "value");

    /** The fixes, or the problems (one per bad line), never both. */
    record Parsed(List<Fix> fixes, List<String> problems) {
    }

    private BatchFile() {
    }

    static Parsed parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Fix> fixes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (t.stripLeading().startsWith("{")) {
            jsonLines(t, fixes, problems);
        } else {
            csv(t, fixes, problems);
        }
        if (problems.isEmpty() && fixes.isEmpty()) {
            problems.add("there are no fixes in it");
        }
        conflicts(fixes, problems);
        return problems.isEmpty() ? new Parsed(fixes, List.of()) : new Parsed(List.of(), problems);
    }

    private static void jsonLines(String text, List<Fix> fixes, List<String> problems) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode n = Json.mapper().readTree(line);
                if (n == null || !n.isObject()) {
                    problems.add("line " + (i + 1) + ": not a JSON object");
                    continue;
                }
                add(i + 1, text(n, "customer"), text(n, "subscription"), text(n, "action"), text(n, "value"), fixes, problems);
            } catch (IOException e) {
                problems.add("line " + (i + 1) + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void csv(String text, List<Fix> fixes, List<String> problems) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        String problem = readCsv(text, rows, lineOf);
        if (problem != null) {
            problems.add(problem);
            return;
        }
        int[] index = {0, 1, 2, 3};
        int first = 0;
        if (!rows.isEmpty() && !rows.get(0).isEmpty() && COLUMNS.contains(rows.get(0).get(0).trim().toLowerCase(Locale.ROOT))) {
            List<String> header = rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            for (int c = 0; c < COLUMNS.size(); c++) {
                index[c] = header.indexOf(COLUMNS.get(c));
            }
            if (index[0] < 0 || index[1] < 0 || index[2] < 0) {
                problems.add("line 1: the header must name the columns customer, subscription, action (and value)");
                return;
            }
            first = 1;
        }
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            add(lineOf.get(r), cell(row, index[0]), cell(row, index[1]), cell(row, index[2]), cell(row, index[3]),
                    fixes, problems);
        }
    }

    private static String cell(List<String> row, int i) {
        return i < 0 || i >= row.size() ? null : row.get(i);
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    private static String readCsv(String text, List<List<String>> rows, List<Integer> lineOf) {
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
            return "line " + rowLine + ": a quoted field is not closed";
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
            lineOf.add(rowLine);
        }
        return null;
    }

    private static void add(int line, String customer, String subscription, String action, String value,
                            List<Fix> fixes, List<String> problems) {
        String where = "line " + line + ": ";
        if (customer == null || customer.isBlank()) {
            problems.add(where + "no customer");
            return;
        }
        try {
            CustomerResolver.kind(customer);
        } catch (RuntimeException e) {
            problems.add(where + e.getMessage());
            return;
        }
        if (subscription == null || subscription.isBlank()) {
            problems.add(where + "no subscription");
            return;
        }
        Action a;
        try {
            a = Action.parse(action);
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return;
        }
        String problem = a.check(value);
        if (problem != null) {
            problems.add(where + problem);
            return;
        }
        fixes.add(new Fix(line, customer.trim(), subscription.trim(), a, a.takesValue() ? value.trim() : null));
    }

    /** Two lines that want different values for the same field of the same subscription. */
    private static void conflicts(List<Fix> fixes, List<String> problems) {
        Map<String, Fix> seen = new HashMap<>();
        for (Fix f : fixes) {
            String field = f.action() == Action.ACTIVATE ? "status" : f.action() == Action.SUSPEND ? "status"
                    : f.action().wire();
            String key = f.customer().toLowerCase(Locale.ROOT) + "|" + f.subscription().toLowerCase(Locale.ROOT) + "|" + field;
            Fix earlier = seen.putIfAbsent(key, f);
            if (earlier != null && !(earlier.action() == f.action() && java.util.Objects.equals(earlier.value(), f.value()))) {
                problems.add("line " + f.line() + ": contradicts line " + earlier.line() + " (both set the " + field
                        + " of " + f.subscription() + ")");
            }
        }
    }
}
