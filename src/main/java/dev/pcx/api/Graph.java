package dev.pcx.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;


/**
 * Microsoft Graph (partner-center-api.md §5.2), one tenant at a time, over the same transport as
 * Partner Center: the invocation's OkHttpClient, {@link RetryInterceptor} (so a Graph 429 or 503
 * with {@code Retry-After} is waited out as Partner Center's are, and closes one throttle gate
 * shared by every tenant's calls), and the bearer token of the tenant on each attempt. Graph's own
 * parts: the {@code client-request-id} header, the {@code {"value", "@odata.nextLink"}} envelope
 * (the link absolute, followed unchanged, never to another host) and its error body.
 */
public final class Graph {
    private final ApiSettings settings;
    private final OkHttpClient shared;
    private final ObjectMapper mapper = Json.mapper();

    /** @param settings {@code baseUrl} is Graph's base ({@code https://microsoftgraph.chinacloudapi.cn}) */
    public Graph(ApiSettings settings, OkHttpClient base) {
        this.settings = settings;
        this.shared = base.newBuilder()
                .addInterceptor(new HeadersInterceptor("Accept", "application/json", "User-Agent", settings.userAgent()))
                .addInterceptor(new RetryInterceptor(settings, base.connectionPool()))
                .build();
    }

    public HttpUrl baseUrl() {
        return settings.baseUrl();
    }

    /** Graph in the tenant whose tokens {@code tokens} gives ({@code label} names it in messages). */
    public Tenant tenant(String label, TokenSource tokens) {
        return new Tenant(label, tokens, new Exchange(Service.GRAPH, settings,
                shared.newBuilder().addInterceptor(new AuthInterceptor(tokens)).build()));
    }

    /** The calls of one tenant. */
    public final class Tenant {
        private final String label;
        private final TokenSource tokens;
        private final Exchange exchange;

        private Tenant(String label, TokenSource tokens, Exchange exchange) {
            this.label = label;
            this.tokens = tokens;
            this.exchange = exchange;
        }

        public String label() {
            return label;
        }

        /** {@code /v1.0/{path}} on Graph's base, with query parameters in pairs ({@code "$filter", "..."}). */
        public HttpUrl url(String path, String... query) {
            HttpUrl.Builder b = settings.baseUrl().newBuilder().addPathSegment("v1.0");
            for (String segment : path.split("/")) {
                if (!segment.isEmpty()) {
                    b.addPathSegment(segment);
                }
            }
            for (int i = 0; i + 1 < query.length; i += 2) {
                // OData's system options keep their '$', as Graph's documentation writes them
                b.addEncodedQueryParameter(query[i], ApiRequest.encode(query[i + 1]));
            }
            return b.build();
        }

        /**
         * The resource at {@code url}; null for a 204. A 200 with nothing in it is not an answer:
         * a health check must not read it as "nothing there".
         */
        public <T> T get(HttpUrl url, Class<T> type) {
            Answer answer = read(url.toString());
            if (answer.status() == 204) {
                return null;
            }
            if (answer.body() == null) {
                throw new MalformedResponseException("Microsoft Graph sent a body pcx cannot read (an empty body)",
                        answer.requestId(), null);
            }
            try {
                return mapper.treeToValue(answer.body(), type);
            } catch (JacksonException e) {
                throw new MalformedResponseException("Microsoft Graph sent a body pcx cannot read ("
                        + Exchange.firstLine(e.getOriginalMessage()) + ")", answer.requestId(), e);
            }
        }

        /** The pages of a Graph collection, fetched as they are asked for. */
        public <T> Pages<T> pages(HttpUrl first, Class<T> itemType) {
            return ODataPages.walk(exchange, first.toString(), "@odata.nextLink", itemType, this::read);
        }

        private Answer read(String target) {
            Request request = new Request.Builder().url(exchange.sameOrigin(target)).get()
                    .header("client-request-id", RequestIds.next()).build();
            return exchange.send(request, label, tokens::accessToken, exchange.answer());
        }
    }
}
