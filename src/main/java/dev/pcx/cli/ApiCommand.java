package dev.pcx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.ApiRequest;
import dev.pcx.api.Graph;
import dev.pcx.api.Json;
import dev.pcx.api.Pages;
import dev.pcx.output.Column;
import dev.pcx.output.DisplayWidth;
import dev.pcx.output.Output;
import dev.pcx.output.OutputFormat;
import dev.pcx.output.RecordPrinter;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code pcx api}: a raw call to any Partner Center route (or, with {@code --graph}, Microsoft
 * Graph in the partner's tenant), signed in, with the common headers, retries, throttling, the
 * {@code --debug} trace and paging; for what pcx does not wrap yet.
 */
@Command(name = "api",
        header = "Call any Partner Center route (or Microsoft Graph with --graph), signed in.",
        description = {
            "<path> is relative to the API endpoint, with or without /v1 (the /v1 rule of the contract): "
                    + "'pcx api customers' and 'pcx api /v1/customers' are the same call. With --graph it is "
                    + "relative to Graph's base (/v1.0/admin/serviceAnnouncement/issues) in your partner tenant. A full URL must be on "
                    + "the same host: pcx sends its token nowhere else.",
            "-f key=value adds a query parameter to a GET and a field of the JSON body to anything else; "
                    + "--input FILE|- sends a JSON body as it is. The answer is printed as the service sent it "
                    + "(indented on a terminal); --paginate follows links.next (Partner Center) or @odata.nextLink "
                    + "(Graph) and prints every item, as one JSON array or, with -o jsonl, one per line. "
                    + "-o table, wide, csv or tsv print a GET's records as rows (an array, a page's items or "
                    + "value, every page with --paginate), one column per field, nested values as JSON; an "
                    + "answer that is not objects is refused (exit 2), and so is -o csv with another method. "
                    + "A path whose segments are '.' or '..', also percent-encoded (%%2e%%2e), is refused (exit 2), "
                    + "and so is a header value other than ASCII. "
                    + "Exit codes follow the status: 4 for 404, 3 for 401, 5 for other refusals, 6 for "
                    + "throttling and 5xx after retries."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  pcx --sandbox api 'customers?size=2'",
            "  pcx --sandbox api customers --paginate -o jsonl --jq .companyProfile.domain",
            "  pcx --sandbox api \\",
            "      customers/88aaa55a-9641-30b4-b800-f1ab218d6505/subscriptions \\",
            "      --jq '.items[].friendlyName'",
            "  pcx --sandbox api --graph /v1.0/admin/serviceAnnouncement/issues \\",
            "      --paginate -o jsonl --jq .id",
            "  pcx --sandbox api 'customers?size=3' -o csv",
            "  pcx --sandbox api customers/00000000-0000-0000-0000-000000000000   # exit 4"
        })
public final class ApiCommand implements Callable<Integer> {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Headers pcx sets itself: a raw call may not replace the token or the framing. */
    private static final Set<String> RESERVED = Set.of("authorization", "host", "content-length", "transfer-encoding",
            "connection", "cookie", "proxy-authorization", "ms-requestid", "ms-correlationid", "ms-contract-version",
            "x-locale", "user-agent");

    private final Context context;

    @Parameters(index = "0", paramLabel = "<path|url>", description = "The route, relative to the endpoint")
    String target;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET",
            completionCandidates = Methods.class, description = "GET, POST, PUT, PATCH or DELETE (default: GET)")
    String method;

    @Option(names = {"-f", "--field"}, paramLabel = "KEY=VALUE",
            description = "A query parameter (GET) or a string field of the JSON body (other methods)")
    List<String> fields;

    @Option(names = "--input", paramLabel = "FILE|-", description = "The JSON body; - reads stdin")
    File input;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "An extra request header")
    List<String> headers;

    @Option(names = "--paginate", description = "Follow the next links and print every item")
    boolean paginate;

    @Option(names = "--graph", description = "Microsoft Graph in your partner tenant instead of Partner Center (GET)")
    boolean graph;

    /** The methods, for completion. */
    static final class Methods implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("GET", "POST", "PUT", "PATCH", "DELETE").iterator();
        }
    }

    ApiCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Output output = context.output(OutputFormat.JSON); // as the service sent it, unless -o asks for rows
        String m = method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw CliException.usage("-X " + method + " is not a method pcx sends: use GET, POST, PUT, PATCH or DELETE");
        }
        if (paginate && !m.equals("GET")) {
            throw CliException.usage("--paginate reads pages: it goes with GET only");
        }
        if (input != null && fields != null && !m.equals("GET")) {
            throw CliException.usage("give the body with --input or with -f, not both");
        }
        if (output.rows() && !m.equals("GET")) {
            throw CliException.usage("-o " + output.format() + " makes rows of what a GET reads; the answer to "
                    + m + " is printed as JSON: use -o json or -o jsonl (or --jq)");
        }
        if (graph) {
            return graph(output, m);
        }
        ApiRequest request = partnerCenterRequest(m);
        if (paginate) {
            return all(output, context.api().pages(request, JsonNode.class));
        }
        print(output, context.api().json(request));
        return 0;
    }

    private ApiRequest partnerCenterRequest(String m) {
        String path = relative(target, context.connections().connection().endpoint());
        if (path.toLowerCase(Locale.ROOT).startsWith("v1/") || path.equalsIgnoreCase("v1")) {
            path = path.length() > 2 ? path.substring(3) : "";
        }
        ApiRequest.Builder b = ApiRequest.request(m, path);
        for (String[] kv : pairs()) {
            if (m.equals("GET")) {
                b.query(kv[0], kv[1]);
            }
        }
        for (String h : headers == null ? List.<String>of() : headers) {
            int colon = h.indexOf(':');
            String name = colon > 0 ? h.substring(0, colon).trim() : "";
            if (colon > 0 && h.chars().anyMatch(c -> c > 0x7f)) {
                throw CliException.usage("-H '" + DisplayWidth.clean(h) + "' has characters other than "
                        + "ASCII, which a header cannot carry: percent-encode the value, or send it in the body");
            }
            if (colon < 1 || !ApiRequest.sendable(name, h.substring(colon + 1).trim())
                    || h.chars().anyMatch(c -> c < 0x20)) {
                throw CliException.usage("-H '" + DisplayWidth.clean(h) + "' is not a header: write it "
                        + "'Name: value'");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw CliException.usage("-H " + name + ": pcx sets that header itself"
                        + (name.equalsIgnoreCase("x-locale") ? " (use --locale)" : ""));
            }
            b.header(name, h.substring(colon + 1).trim());
        }
        JsonNode body = body(m);
        if (body != null) {
            b.body(body);
        }
        return b.build();
    }

    /** The JSON body: --input as given, or the -f fields as strings; null for none. */
    private JsonNode body(String m) {
        if (input != null) {
            String text = InputFiles.text(input.getPath(), context.io().in(), "--input", context.session()::say);
            try {
                return Json.mapper().readTree(text);
            } catch (IOException e) {
                throw CliException.usage("--input " + input.getPath() + " is not JSON: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        if (m.equals("GET") || fields == null) {
            return null;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        for (String[] kv : pairs()) {
            body.put(kv[0], kv[1]);
        }
        return body;
    }

    private List<String[]> pairs() {
        List<String[]> out = new ArrayList<>();
        for (String f : fields == null ? List.<String>of() : fields) {
            int eq = f.indexOf('=');
            if (eq < 1) {
                throw CliException.usage("-f " + f + ": write it key=value");
            }
            out.add(new String[] {f.substring(0, eq), f.substring(eq + 1)});
        }
        return out;
    }

    /**
     * {@code given} relative to {@code base}: a path as it is (without its leading slash), a full
     * URL only on the same scheme, host and port.
     */
    private static String relative(String given, HttpUrl base) {
        String t = given.trim();
        // checked as given: parsing a URL resolves its dot segments, encoded ones too
        if (hasDotSegment(t)) {
            throw CliException.usage("'" + DisplayWidth.clean(t) + "' has '.' or '..' segments "
                    + "(also percent-encoded, as %2e): write the route itself");
        }
        if (t.startsWith("http://") || t.startsWith("https://")) {
            HttpUrl url = HttpUrl.parse(t);
            if (url == null || !url.scheme().equals(base.scheme()) || !url.host().equalsIgnoreCase(base.host())
                    || url.port() != base.port()) {
                throw CliException.usage("'" + DisplayWidth.clean(t) + "' is not on " + base.host()
                        + ": pcx api sends your token only to the endpoint it signs in for");
            }
            String q = url.encodedQuery();
            t = url.encodedPath() + (q == null ? "" : "?" + q);
        }
        return t.startsWith("/") ? t.substring(1) : t;
    }

    /**
     * Whether the path of {@code route} has a {@code .} or {@code ..} segment once percent-decoded
     * ({@code %2e%2e}, {@code .%2E}: a URL resolves those too), or one that decodes to a slash or
     * backslash with dots around it: the token must go to the route written, not to another.
     */
    static boolean hasDotSegment(String route) {
        int end = route.length();
        for (char c : new char[] {'?', '#'}) {
            int i = route.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        for (String segment : route.substring(0, end).split("/", -1)) {
            String decoded = percentDecoded(segment);
            for (String part : decoded.split("[/\\\\]", -1)) {
                String p = part.strip();
                if (p.equals(".") || p.equals("..")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code s} with every {@code %XX} decoded (as bytes of UTF-8), repeatedly, so that %252e is a dot too. */
    private static String percentDecoded(String s) {
        String current = s;
        for (int round = 0; round < 3 && current.indexOf('%') >= 0; round++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] in = current.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < in.length; i++) {
                int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
                int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
                if (in[i] == '%' && hi >= 0 && lo >= 0) {
                    bytes.write(hi * 16 + lo);
                    i += 2;
                } else {
                    bytes.write(in[i]);
                }
            }
            current = bytes.toString(StandardCharsets.UTF_8);
        }
        return current;
    }

    private int graph(Output output, String m) {
        if (!m.equals("GET")) {
            throw CliException.usage("pcx api --graph reads: it sends GET only");
        }
        if (input != null || headers != null) {
            throw CliException.usage("pcx api --graph sends no body and no extra headers");
        }
        HttpUrl base = context.connections().graphEndpoint();
        String path = relative(target, base);
        Graph.Tenant tenant = GraphAccess.of(context, GraphAccess.Purpose.SERVICE_HEALTH).partnerTenant();
        HttpUrl url = base.resolve("/" + path);
        if (url == null) {
            throw CliException.usage("'" + DisplayWidth.clean(target) + "' is not a route");
        }
        HttpUrl.Builder withFields = url.newBuilder();
        for (String[] kv : pairs()) {
            withFields.addQueryParameter(kv[0], kv[1]);
        }
        url = withFields.build();
        if (paginate) {
            return all(output, tenant.pages(url, JsonNode.class));
        }
        print(output, tenant.get(url, JsonNode.class));
        return 0;
    }

    /**
     * {@code records} as rows, one column per field (every field any of them has, in the order
     * first seen): text as it is, numbers and booleans as JSON writes them, nested objects and
     * arrays as compact JSON. Anything but objects has no columns: refused, naming the formats that
     * print it.
     */
    private static void printRows(Output output, List<JsonNode> records, boolean one) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (JsonNode r : records) {
            if (!r.isObject()) {
                throw CliException.usage("-o " + output.format() + " needs an object or a list of objects, and this "
                        + "answer is " + (r.isArray() ? "a list of lists" : r.isNull() ? "null" : "a list of "
                        + r.getNodeType().toString().toLowerCase(Locale.ROOT) + "s") + ": use -o json or -o jsonl "
                        + "(or --jq)");
            }
            r.fieldNames().forEachRemaining(names::add);
        }
        if (records.isEmpty()) {
            return;
        }
        List<Column<JsonNode>> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(Column.of(name, n -> cell(n.get(name))));
        }
        if (one) {
            output.single(records.get(0), columns);
            return;
        }
        RecordPrinter<JsonNode> printer = output.list(columns);
        records.forEach(printer::print);
        printer.finish();
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /**
     * The records of one answer: an array's elements, the {@code items} of a Partner Center
     * collection or the {@code value} of a Graph one; any other object is one record.
     */
    private static List<JsonNode> records(JsonNode body) {
        JsonNode list = body.isArray() ? body : body.isObject() && Json.field(body, "items") != null
                && Json.field(body, "items").isArray() ? Json.field(body, "items")
                : body.isObject() && body.path("value").isArray() ? body.get("value") : null;
        if (list == null) {
            return List.of(body);
        }
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    /** Every item of every page: one JSON array, or one line each with -o jsonl, streamed; rows for -o table, csv… */
    private int all(Output output, Pages<JsonNode> pages) {
        if (output.rows()) {
            List<JsonNode> records = new ArrayList<>();
            pages.forEach(-1, records::add);
            printRows(output, records, false);
            return 0;
        }
        RecordPrinter<JsonNode> printer = output.list(List.of());
        PageStream.print(context.session(), pages, -1, printer);
        printer.finish();
        return 0;
    }

    /** One answer, as the service sent it: indented on a terminal, compact otherwise; nothing for an empty 204. */
    private void print(Output output, JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return;
        }
        if (output.rows()) {
            List<JsonNode> records = records(body);
            printRows(output, records, records.size() == 1 && records.get(0) == body);
            return;
        }
        output.compactOffTerminal().single(body, List.of());
    }
}
