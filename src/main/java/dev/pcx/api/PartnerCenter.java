package dev.pcx.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcx.api.model.Link;
import dev.pcx.api.model.Links;
import dev.pcx.api.model.ResourceCollection;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The Partner Center REST client: one OkHttpClient for the whole invocation, with the common
 * headers, authentication, retries and the debug trace as interceptors. Resource operations live
 * in small classes ({@link Customers}) that build {@link ApiRequest}s and read typed records.
 * Never prints; every failure is a typed exception.
 */
public final class PartnerCenter {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ApiSettings settings;
    private final TokenSource tokens;
    private final Exchange exchange;
    private final ObjectMapper mapper = Json.mapper();

    public PartnerCenter(ApiSettings settings, TokenSource tokens) {
        this(settings, tokens, baseClient(settings.connectTimeout(), settings.readTimeout(), settings.trace(),
                settings.nanoTime()));
    }

    /** A client that shares {@code base}'s connection pool and threads (and the sign-in's). */
    public PartnerCenter(ApiSettings settings, TokenSource tokens, OkHttpClient base) {
        this.settings = settings;
        this.tokens = tokens;
        this.exchange = new Exchange(Service.PARTNER_CENTER, settings, base.newBuilder()
                .addInterceptor(new HeadersInterceptor("Accept", "application/json",
                        "MS-CorrelationId", settings.correlationId(), "MS-Contract-Version", "v1",
                        "X-Locale", settings.locale(), "User-Agent", settings.userAgent()))
                .addInterceptor(new RetryInterceptor(settings, base.connectionPool()))
                .addInterceptor(new AuthInterceptor(tokens))
                .build());
    }

    /**
     * The one OkHttpClient of an invocation, before anything Partner Center-specific: timeouts, no
     * redirects (a redirect could carry the token elsewhere), the {@code --debug} trace. The API
     * client and the sign-in client are built from it.
     */
    public static OkHttpClient baseClient(Duration connect, Duration read, Consumer<String> trace,
                                          LongSupplier nanoTime) {
        // a dispatcher and a connection pool of its own: a session shuts its own down
        OkHttpClient.Builder b = settings(Defaults.CLIENT.newBuilder().dispatcher(new Dispatcher())
                .connectionPool(pool()), connect, read);
        if (trace != null) {
            b.addNetworkInterceptor(new TraceInterceptor(trace, nanoTime));
        }
        return b.build();
    }

    /** A client for plain http only (a sandbox on loopback): the same settings, and no TLS set-up at all. */
    public static OkHttpClient cleartextClient(Duration connect, Duration read) {
        return settings(new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .connectionPool(pool()), connect, read).build();
    }

    /**
     * Idle connections are kept 20 s, not OkHttp's 5 minutes: less than the idle time after which
     * servers commonly close a connection (the JDK's server, the sandbox's, after 30 s), so a watch or
     * a shell that waits between calls does not send its next one down a connection already closed.
     */
    private static ConnectionPool pool() {
        return new ConnectionPool(5, 20, TimeUnit.SECONDS);
    }

    private static OkHttpClient.Builder settings(OkHttpClient.Builder b, Duration connect, Duration read) {
        return b.addInterceptor(CallScope.INTERCEPTOR)
                .connectTimeout(connect)
                .readTimeout(read)
                .writeTimeout(read)
                .followRedirects(false)
                .followSslRedirects(false)
                // OkHttp would send a request again after a failed connection, writes included: a PATCH
                // applied by the service whose answer was lost would go out twice. RetryInterceptor
                // decides what may be retried (reads; anything refused before it was sent).
                .retryOnConnectionFailure(false);
    }

    /**
     * OkHttp's defaults, built once per process: their TLS set-up (the JDK's trust store, an SSL
     * context, the security providers) is most of what a client costs, and it does not depend on
     * anything pcx sets. {@link #warmUp} builds it on a second core while the command line is parsed.
     */
    private static final class Defaults {
        static final OkHttpClient CLIENT = new OkHttpClient();
    }

    /** Builds OkHttp's TLS defaults now, so that the first client needs only its own settings. */
    public static void warmUp() {
        Defaults.CLIENT.sslSocketFactory();
    }

    /** {@code base} with the {@code --debug} trace on: the same connections and threads, one more interceptor. */
    public static OkHttpClient traced(OkHttpClient base, Consumer<String> trace, LongSupplier nanoTime) {
        return base.newBuilder().addNetworkInterceptor(new TraceInterceptor(trace, nanoTime)).build();
    }

    /**
     * A builder of {@code base} without the {@code --debug} trace: for a caller whose URLs hold a
     * credential (a chat webhook's key), which traces its own calls with the URL redacted.
     */
    public static OkHttpClient.Builder untraced(OkHttpClient base) {
        OkHttpClient.Builder b = base.newBuilder();
        b.networkInterceptors().removeIf(TraceInterceptor.class::isInstance);
        b.interceptors().removeIf(TraceInterceptor.class::isInstance);
        return b;
    }

    public ApiSettings settings() {
        return settings;
    }

    public Customers customers() {
        return new Customers(this);
    }

    public Subscriptions subscriptions() {
        return new Subscriptions(this);
    }

    public ApplicationConsents applicationConsents() {
        return new ApplicationConsents(this);
    }

    public ServiceRequests serviceRequests() {
        return new ServiceRequests(this);
    }

    /** Sends one logical call and reads the answer as {@code type}; null for an empty answer. */
    public <T> T execute(ApiRequest request, JavaType type) {
        return exchange(request, exchange.value(type));
    }

    public Answer send(ApiRequest request) {
        return exchange(request, exchange.answer());
    }

    private <T> T exchange(ApiRequest request, Exchange.Reader<T> reader) {
        try {
            return exchange.send(toHttp(request), null, tokens::accessToken, reader);
        } catch (AuthenticationException e) {
            if (e.fix() == null && e.getCause() instanceof ApiException && tokens.rejectedFix() != null) {
                throw new AuthenticationException(e.getMessage(), tokens.rejectedFix(), e.getCause());
            }
            throw e;
        }
    }

    public <T> T get(ApiRequest request, Class<T> type) {
        return execute(request, mapper.constructType(type));
    }

    /** Raw JSON, for {@code pcx api}. */
    public JsonNode json(ApiRequest request) {
        return execute(request, mapper.constructType(JsonNode.class));
    }

    /** The pages of a collection of {@code itemType}, fetched lazily. */
    public <T> Pages<T> pages(ApiRequest first, Class<T> itemType) {
        JavaType pageType = mapper.getTypeFactory().constructParametricType(ResourceCollection.class, itemType);
        return Pages.unbound(request -> page(request, pageType), first);
    }

    /**
     * One page of a collection, read whole off the wire and left unbound: {@link Pages} reads its
     * next link first, so the next request can go out while the items are being bound.
     */
    <T> Pages.Raw<T> page(ApiRequest request, JavaType pageType) {
        return exchange(request, (response, httpRequest) -> {
            if (response.code() == 204) {
                return Pages.Raw.of(new ResourceCollection<T>(0, List.of(), null, null, null));
            }
            // a 200 with nothing in it is not an empty page: a listing must not end there as if complete
            return new WirePage<>(response.body().bytes(), pageType, ErrorBodies.requestId(httpRequest, response));
        });
    }

    /**
     * A page's JSON: its next link and item count read with a pass that skips the items, the items
     * bound when asked; once bound, the link and count are the bound page's (no second pass).
     */
    private final class WirePage<T> implements Pages.Raw<T> {
        private final byte[] json;
        private final JavaType type;
        private final String requestId;
        private int size = -1;
        private Link next;
        private ResourceCollection<T> bound;

        WirePage(byte[] json, JavaType type, String requestId) {
            this.json = json;
            this.type = type;
            this.requestId = requestId;
        }

        private void skim() {
            if (size >= 0) {
                return;
            }
            if (bound != null) {
                Pages.Raw<T> of = Pages.Raw.of(bound);
                next = of.next();
                size = of.size();
                return;
            }
            int count = 0;
            boolean listed = false;
            Link found = null;
            try (JsonParser p = mapper.createParser(json)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw unreadable(json.length == 0 ? "an empty body" : "not a JSON object", null);
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("links".equalsIgnoreCase(name) && value == JsonToken.START_OBJECT) {
                        Links links = mapper.readValue(p, Links.class);
                        found = links == null ? null : links.get("next").orElse(null);
                    } else if ("items".equalsIgnoreCase(name) && value == JsonToken.START_ARRAY) {
                        count = 0; // a key given twice: the last one is what binding keeps
                        listed = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            count++;
                            p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            } catch (JacksonException e) {
                throw unreadable(Exchange.firstLine(e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw unreadable(e.getMessage(), e);
            }
            if (!listed) {
                throw unreadable("no items list", null);
            }
            next = found;
            size = count;
        }

        @Override
        public Link next() {
            skim();
            return next;
        }

        @Override
        public int size() {
            skim();
            return size;
        }

        @Override
        public ResourceCollection<T> bind() {
            if (bound != null) {
                return bound;
            }
            try {
                ResourceCollection<T> page = mapper.readValue(json, type);
                if (page == null || !page.listed()) {
                    throw unreadable(page == null ? "null" : "no items list", null);
                }
                bound = page;
                return bound;
            } catch (JacksonException e) {
                throw unreadable(Exchange.firstLine(e.getOriginalMessage()), e);
            } catch (IOException e) {
                throw unreadable(e.getMessage(), e);
            }
        }

        private MalformedResponseException unreadable(String why, Exception e) {
            return new MalformedResponseException("Partner Center sent a body pcx cannot read as "
                    + type.getRawClass().getSimpleName() + " (" + why + ")", requestId, e);
        }
    }

    private Request toHttp(ApiRequest request) {
        Request.Builder b = new Request.Builder().url(resolve(request.target()))
                .header("MS-RequestId", RequestIds.next());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        RequestBody body = null;
        if (request.body() != null) {
            try {
                body = RequestBody.create(mapper.writeValueAsBytes(request.body()), JSON);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("cannot write the request body: " + e.getOriginalMessage(), e);
            }
        } else if (!request.method().equals("GET") && !request.method().equals("HEAD")
                && !request.method().equals("DELETE")) {
            body = RequestBody.create(new byte[0], JSON);
        }
        return b.method(request.method(), body).build();
    }

    /**
     * Puts a target on the API root. An absolute target (a link the service returned) must point
     * at the same scheme, host and port: pcx does not send its token anywhere else.
     */
    HttpUrl resolve(String target) {
        HttpUrl base = settings.baseUrl();
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return exchange.sameOrigin(target);
        }
        String root = base.toString();
        if (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        HttpUrl url = HttpUrl.parse(root + target);
        if (url == null) {
            throw new MalformedResponseException("not a usable path: " + target, null, null);
        }
        return url;
    }
}
