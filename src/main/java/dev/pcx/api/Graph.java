package dev.pcx.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcx.api.model.Link;
import dev.pcx.api.model.Links;
import dev.pcx.api.model.ResourceCollection;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;

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
                .addInterceptor(new Headers(settings))
                .addInterceptor(new RetryInterceptor(settings))
                .build();
    }

    public HttpUrl baseUrl() {
        return settings.baseUrl();
    }

    /** Graph in the tenant whose tokens {@code tokens} gives ({@code label} names it in messages). */
    public Tenant tenant(String label, TokenSource tokens) {
        return new Tenant(label, tokens, shared.newBuilder().addInterceptor(new AuthInterceptor(tokens)).build());
    }

    /** Graph's collection envelope. */
    record Page<T>(List<T> value, @JsonProperty("@odata.nextLink") String nextLink) {
    }

    /** The calls of one tenant. */
    public final class Tenant {
        private final String label;
        private final TokenSource tokens;
        private final OkHttpClient http;

        private Tenant(String label, TokenSource tokens, OkHttpClient http) {
            this.label = label;
            this.tokens = tokens;
            this.http = http;
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

        public <T> T get(HttpUrl url, Class<T> type) {
            return read(url.toString(), mapper.constructType(type));
        }

        /** The pages of a Graph collection, fetched as they are asked for. */
        public <T> Pages<T> pages(HttpUrl first, Class<T> itemType) {
            JavaType pageType = mapper.getTypeFactory().constructParametricType(Page.class, itemType);
            return new Pages<>(request -> {
                Page<T> page = read(request.target(), pageType);
                Links links = new Links();
                if (page != null && page.nextLink() != null && !page.nextLink().isBlank()) {
                    links.put("next", new Link(page.nextLink(), "GET", List.of()));
                }
                return new ResourceCollection<>(null, page == null ? List.of() : page.value(), links, null, null);
            }, ApiRequest.at("GET", first.toString()));
        }

        private <T> T read(String target, JavaType type) {
            tokens.accessToken(); // no token for this tenant: say so before anything goes on the wire
            Request request = new Request.Builder().url(resolve(target)).get()
                    .header("client-request-id", RequestIds.next()).build();
            okhttp3.Call call = http.newCall(request);
            try (Response response = call.execute()) {
                if (response.code() == 401) {
                    ApiException e = ErrorBodies.toException(request, response, mapper);
                    throw new AuthenticationException("Microsoft Graph rejected the access token for " + label + " (401"
                            + (e.description() == null ? "" : ": " + e.description()) + ")", null);
                }
                if (!response.isSuccessful()) {
                    throw ErrorBodies.toException(request, response, mapper);
                }
                if (response.code() == 204) {
                    return null; // a 200 with nothing in it is not an answer: a page must not end a walk there
                }
                try {
                    return mapper.readValue(response.body().byteStream(), type);
                } catch (JacksonException e) {
                    throw new MalformedResponseException("Microsoft Graph sent a body pcx cannot read ("
                            + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("") + ")",
                            ErrorBodies.requestId(request, response), e);
                }
            } catch (RetryInterceptor.BodyTooLargeException e) {
                throw new MalformedResponseException("Microsoft Graph sent " + e.getMessage(),
                        request.header("client-request-id"), e);
            } catch (IOException e) {
                throw Calls.failure(e, call, settings.baseUrl());
            }
        }
    }

    /** An absolute target must stay on Graph's scheme, host and port: the token goes nowhere else. */
    HttpUrl resolve(String target) {
        return Calls.sameOrigin(target, settings.baseUrl(), "Microsoft Graph", "token");
    }

    /** What every Graph call carries; {@code client-request-id} is set per logical call, so retries repeat it. */
    private static final class Headers implements Interceptor {
        private final ApiSettings settings;

        Headers(ApiSettings settings) {
            this.settings = settings;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            return chain.proceed(chain.request().newBuilder()
                    .header("Accept", "application/json")
                    .header("User-Agent", settings.userAgent())
                    .build());
        }
    }
}
