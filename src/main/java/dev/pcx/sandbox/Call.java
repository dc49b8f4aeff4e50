package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A request as the routes see it: method, path, query, headers, body, and the claims of its bearer token. */
final class Call {
    private final HttpExchange exchange;
    private final byte[] body;
    private final Function<String, JsonNode> verifier;
    private final Map<String, String> query = new LinkedHashMap<>();
    private JsonNode claims;
    private boolean verified;

    /** @param verifier the claims of a token the sandbox signed, or null when it did not sign it (or it expired) */
    Call(HttpExchange exchange, byte[] body, Function<String, JsonNode> verifier) {
        this.exchange = exchange;
        this.body = body;
        this.verifier = verifier;
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            decode(raw).forEach((key, value) -> query.put(key.toLowerCase(Locale.ROOT), value));
        }
    }

    /** {@code a=1&b=x%20y}, as a map in order (a query string or a form body). */
    private static Map<String, String> decode(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            pairs.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return pairs;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    byte[] body() {
        return body;
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String query(String name) {
        return query.get(name.toLowerCase(Locale.ROOT));
    }

    /** The names of the query's parameters, lower case. */
    Set<String> queryNames() {
        return query.keySet();
    }

    /** The path and query as sent, still encoded. */
    String rawPathAndQuery() {
        String raw = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getRawPath() + (raw == null ? "" : "?" + raw);
    }

    /** {@code http://host:port} of the sandbox this call came to. */
    String baseUrl() {
        InetSocketAddress a = exchange.getLocalAddress();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** An {@code application/x-www-form-urlencoded} body, as a map. */
    Map<String, String> form() {
        return decode(new String(body, StandardCharsets.UTF_8));
    }

    /** Whether {@code header} holds a token of the {@code Bearer} scheme (whatever the token is worth). */
    boolean hasBearer(String header) {
        String value = header(header);
        return value != null && value.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The claims of the {@code Bearer} token in {@code header} when the sandbox signed it and it is current, else null. */
    JsonNode bearer(String header) {
        return hasBearer(header) ? verifier.apply(header(header).substring(7).trim()) : null;
    }

    /** The claims of the {@code Authorization} bearer token, as {@link #bearer} reads them (once). */
    JsonNode claims() {
        if (!verified) {
            claims = bearer("Authorization");
            verified = true;
        }
        return claims;
    }
}
