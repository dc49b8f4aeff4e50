package dev.pcx.api;

import dev.pcx.api.model.Link;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One logical call, before it is bound to a host: a method, a target that is either a path under
 * {@code /v1/} with query parameters, or a link {@code uri} taken as the service gave it, extra
 * headers, and an optional JSON body.
 */
public final class ApiRequest {
    /** Headers a link may not set: they belong to pcx, not to the server. */
    private static final Set<String> RESERVED = Set.of("authorization", "host", "content-length",
            "transfer-encoding", "connection", "cookie", "proxy-authorization");

    private final String method;
    private final String target;
    private final Map<String, String> headers;
    private final Object body;

    private ApiRequest(String method, String target, Map<String, String> headers, Object body) {
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.body = body;
    }

    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    public static Builder request(String method, String path) {
        return new Builder(method.toUpperCase(Locale.ROOT), path);
    }

    /**
     * A request for a link the service returned: its uri is relative and may or may not start
     * with {@code /v1}; it carries its own query, kept as given; its headers are copied (in
     * practice {@code MS-ContinuationToken}, sent as is, never URL-encoded).
     */
    public static ApiRequest fromLink(Link link) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Link.Header h : link.headers()) {
            if (h.key() != null && h.value() != null && !RESERVED.contains(h.key().toLowerCase(Locale.ROOT))) {
                if (!sendable(h.key(), h.value())) {
                    throw new MalformedResponseException("Partner Center's next link carries a header pcx cannot send ('"
                            + h.key().replaceAll("\\p{Cntrl}", "?") + "')", null, null);
                }
                headers.put(h.key(), h.value());
            }
        }
        // a next page is read, whatever method the link names: a listing never writes or deletes
        return new ApiRequest("GET", v1(link.uri().trim()), headers, null);
    }

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * Whether a header can go on the wire as given: a token for a name; a value of printable ASCII
     * (and tabs): no line break or other control, nothing HTTP/1.1 cannot carry as text.
     */
    public static boolean sendable(String name, String value) {
        return HEADER_NAME.matcher(name).matches() && value.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7f);
    }

    /** A request at a uri the service gave (a {@code Location} header): relative ones follow the {@code /v1} rule. */
    public static ApiRequest at(String method, String uri) {
        return new ApiRequest(method, v1(uri.trim()), Map.of(), null);
    }

    /** The {@code /v1} rule of the contract: prefix it unless the uri already starts with it. */
    static String v1(String uri) {
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return uri;
        }
        String path = uri.startsWith("/") ? uri : "/" + uri;
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.equals("/v1") || lower.startsWith("/v1/") || lower.startsWith("/v1?")) {
            return path;
        }
        return "/v1" + path;
    }

    public String method() {
        return method;
    }

    /** {@code /v1/...?query}, or an absolute URL when a link gave one. */
    public String target() {
        return target;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Object body() {
        return body;
    }

    /** What makes two requests the same page fetch: target and headers. */
    String identity() {
        return method + ' ' + target + ' ' + headers;
    }

    public static final class Builder {
        private final String method;
        private final String path;
        private final List<String> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        private Builder(String method, String path) {
            this.method = method;
            this.path = path.startsWith("/") ? path.substring(1) : path;
        }

        /** Adds a query parameter, percent-encoding the value completely (as .NET's EscapeDataString). */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(encode(name) + '=' + encode(String.valueOf(value)));
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(Object json) {
            this.body = json;
            return this;
        }

        public ApiRequest build() {
            String target = "/v1/" + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
            return new ApiRequest(method, target, Collections.unmodifiableMap(new LinkedHashMap<>(headers)), body);
        }
    }

    /**
     * An id as one path segment, percent-encoded. An empty id, {@code .} or {@code ..} (which a
     * URL resolves, in any encoding, to another resource) is refused: ids come from the server too.
     */
    public static String segment(String id) {
        String t = id == null ? "" : id.trim();
        if (t.isEmpty() || t.equals(".") || t.equals("..") || t.equalsIgnoreCase("%2e") || t.equalsIgnoreCase("%2e%2e")) {
            throw new MalformedResponseException("'" + t + "' is not an id pcx will put in a path", null, null);
        }
        return encode(t);
    }

    /** Percent-encodes a path segment or query value completely (as .NET's EscapeDataString). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
