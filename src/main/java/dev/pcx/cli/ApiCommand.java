package dev.pcx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.ApiRequest;
import dev.pcx.api.Graph;
import dev.pcx.api.Json;
import dev.pcx.api.Pages;
import dev.pcx.cli.health.HealthAccess;
import dev.pcx.output.Output;
import dev.pcx.output.OutputFormat;
import dev.pcx.output.RecordPrinter;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
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
            "<path> is relative to the API endpoint: customers?size=5 and /v1/customers?size=5 are the same "
                    + "call (the /v1 rule of the contract). With --graph it is relative to Graph's base "
                    + "(/v1.0/admin/serviceAnnouncement/issues) in your partner tenant. A full URL must be on "
                    + "the same host: pcx sends its token nowhere else.",
            "-f key=value adds a query parameter to a GET and a field of the JSON body to anything else; "
                    + "--input FILE|- sends a JSON body as it is. The answer is printed as the service sent it "
                    + "(indented on a terminal); --paginate follows links.next (Partner Center) or @odata.nextLink "
                    + "(Graph) and prints every item, as one JSON array or, with -o jsonl, one per line. "
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
        public java.util.Iterator<String> iterator() {
            return List.of("GET", "POST", "PUT", "PATCH", "DELETE").iterator();
        }
    }

    ApiCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Output output = context.output();
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
        String path = relative(target, context.connection().endpoint());
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
            if (colon < 1 || !ApiRequest.sendable(name, h.substring(colon + 1).trim())
                    || h.chars().anyMatch(c -> c < 0x20)) {
                throw CliException.usage("-H '" + dev.pcx.output.DisplayWidth.clean(h) + "' is not a header: write it "
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
            String text = InputFiles.text(input.getPath(), context.io().in(), "--input", context::say);
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
        if (t.startsWith("http://") || t.startsWith("https://")) {
            HttpUrl url = HttpUrl.parse(t);
            if (url == null || !url.scheme().equals(base.scheme()) || !url.host().equalsIgnoreCase(base.host())
                    || url.port() != base.port()) {
                throw CliException.usage("'" + dev.pcx.output.DisplayWidth.clean(t) + "' is not on " + base.host()
                        + ": pcx api sends your token only to the endpoint it signs in for");
            }
            String q = url.encodedQuery();
            t = url.encodedPath() + (q == null ? "" : "?" + q);
        }
        if (t.contains("..") && java.util.Arrays.stream(t.split("[/?]")).anyMatch(s -> s.equals("..") || s.equals("."))) {
            throw CliException.usage("'" + dev.pcx.output.DisplayWidth.clean(t) + "' has '.' or '..' segments: "
                    + "write the route itself");
        }
        return t.startsWith("/") ? t.substring(1) : t;
    }

    private int graph(Output output, String m) {
        if (!m.equals("GET")) {
            throw CliException.usage("pcx api --graph reads: it sends GET only");
        }
        if (input != null || headers != null) {
            throw CliException.usage("pcx api --graph sends no body and no extra headers");
        }
        Graph.Tenant tenant = HealthAccess.of(context).partnerTenant();
        HttpUrl base = context.graphEndpoint();
        String path = relative(target, base);
        HttpUrl url = base.resolve("/" + path);
        if (url == null) {
            throw CliException.usage("'" + dev.pcx.output.DisplayWidth.clean(target) + "' is not a route");
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

    /** Every item of every page: one JSON array, or one line each with -o jsonl, streamed. */
    private int all(Output output, Pages<JsonNode> pages) {
        RecordPrinter<JsonNode> printer = json(output).list(List.of());
        context.stream(pages, -1, printer);
        printer.finish();
        return 0;
    }

    /** One answer, as the service sent it: indented on a terminal, compact otherwise; nothing for an empty 204. */
    private void print(Output output, JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return;
        }
        Output o = json(output);
        if (o.jq() == null && o.format() == OutputFormat.JSON && !context.io().stdoutTty()) {
            o = new Output(OutputFormat.JSONL, null, o.mapper(), o.out(), o.terminalWidth(), o.color(), o.notes());
        }
        o.single(body, List.of());
    }

    /** Tables and CSV have no columns for a raw answer: it is JSON whatever -o says, but jsonl. */
    private static Output json(Output output) {
        if (output.format() == OutputFormat.JSONL || output.format() == OutputFormat.JSON) {
            return output;
        }
        return new Output(OutputFormat.JSON, output.jq(), output.mapper(), output.out(), output.terminalWidth(),
                output.color(), output.notes());
    }
}
