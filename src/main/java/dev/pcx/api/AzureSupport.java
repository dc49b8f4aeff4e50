package dev.pcx.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.model.SupportResource;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Azure Support API ({@code Microsoft.Support}, partner-center-api.md §6.2) on a customer's
 * subscription, on the partner's behalf: every call carries the customer's tenant's ARM token as
 * {@code Authorization} and the partner's tenant's as {@code x-ms-authorization-auxiliary}, and
 * {@code api-version}={@value #API_VERSION}. Over the invocation's transport and
 * {@link RetryInterceptor} (429 waited out for every call; 5xx and dropped connections retried for
 * reads only), with {@code x-ms-client-request-id} the same on every attempt of one call. A 202 is
 * watched at its {@code Azure-AsyncOperation} (else {@code Location}) until done, polls at least
 * {@link #POLL_FLOOR} apart and backing off ×1.5 to {@link #POLL_CEILING}, through the settings'
 * sleeper. Links the service gives are followed only on the ARM host pcx was pointed at.
 */
public final class AzureSupport {
    public static final String API_VERSION = "2024-04-01";
    /** The resource type the name check names. */
    public static final String TICKET_TYPE = "Microsoft.Support/supportTickets";
    /** How long a 202 is watched before pcx gives up (and says how to check). */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    static final Duration POLL_FLOOR = Duration.ofSeconds(1);
    static final Duration POLL_CEILING = Duration.ofSeconds(30);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ApiSettings settings;
    private final Exchange exchange;
    private final ObjectMapper mapper = Json.mapper();
    private final Duration wait;
    private final Consumer<String> progress;
    private final TokenSource customer;
    private final TokenSource partner;

    /**
     * @param settings {@code baseUrl} is ARM's ({@code https://management.azure.com})
     * @param customer ARM tokens issued by the customer's tenant
     * @param partner  ARM tokens issued by the partner's tenant
     * @param progress what pcx waits for, said to the person (stderr)
     */
    public AzureSupport(ApiSettings settings, OkHttpClient base, TokenSource customer, TokenSource partner,
                        Duration wait, Consumer<String> progress) {
        this.settings = settings;
        this.wait = wait;
        this.progress = progress;
        this.customer = customer;
        this.partner = partner;
        this.exchange = new Exchange(Service.ARM, settings, base.newBuilder()
                .addInterceptor(new HeadersInterceptor("Accept", "application/json", "User-Agent", settings.userAgent(),
                        "Accept-Language", settings.locale()))
                .addInterceptor(new RetryInterceptor(settings, base.connectionPool()))
                .addInterceptor(new TwoTokens(customer, partner))
                .build());
    }

    public HttpUrl baseUrl() {
        return settings.baseUrl();
    }

    // ---- services and problem classifications (tenant level) ----

    /** {@code GET /providers/Microsoft.Support/services}. */
    public List<SupportResource> services() {
        return all(url("providers/Microsoft.Support/services"));
    }

    /** {@code GET /providers/Microsoft.Support/services/{service}/problemClassifications}. */
    public List<SupportResource> problemClassifications(String serviceName) {
        return all(url("providers/Microsoft.Support/services/" + ApiRequest.segment(serviceName)
                + "/problemClassifications"));
    }

    // ---- tickets of a subscription ----

    /** The ticket named {@code name}, or null when the subscription has none by that name. */
    public SupportResource ticket(String subscription, String name) {
        try {
            return read(send("GET", ticketUrl(subscription, name), null).body());
        } catch (ApiException e) {
            if (e.status() == 404 && !subscriptionMissing(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Whether a 404 is about the subscription (ARM's {@code SubscriptionNotFound}), not the ticket. */
    public static boolean subscriptionMissing(ApiException e) {
        return e.status() == 404 && e.faultCode() != null
                && e.faultCode().toLowerCase(Locale.ROOT).contains("subscription");
    }

    /** {@code GET …/supportTickets?$top=&$filter=} with its {@code nextLink} pages. */
    public Pages<SupportResource> tickets(String subscription, String filter, int top) {
        HttpUrl.Builder b = url(ticketsPath(subscription)).newBuilder();
        if (top > 0) {
            b.addQueryParameter("$top", String.valueOf(Math.min(top, 100)));
        }
        if (filter != null) {
            b.addQueryParameter("$filter", filter);
        }
        return pages(b.build());
    }

    /**
     * {@code PUT …/supportTickets/{name}} with {@code body}: the ticket as ARM then shows it (a 202
     * watched to its end first). Not idempotent by name: callers read the name before and after.
     */
    public SupportResource create(String subscription, String name, ObjectNode body) {
        HttpUrl target = ticketUrl(subscription, name);
        Answer answer = send("PUT", target, body, name);
        if (answer.status() == 202) {
            awaitAccepted(answer, "ticket " + name);
        }
        SupportResource created = answer.status() == 202 ? null : read(answer.body());
        if (created != null && created.properties() != null) {
            return created;
        }
        SupportResource shown = ticket(subscription, name);
        if (shown == null) {
            throw new MalformedResponseException("Azure accepted ticket " + name + " but does not show it",
                    answer.requestId(), null);
        }
        return shown;
    }

    /** {@code PATCH …/supportTickets/{name}} (e.g. {@code {"status":"closed"}}): the ticket afterwards. */
    public SupportResource update(String subscription, String name, ObjectNode body) {
        Answer answer = send("PATCH", ticketUrl(subscription, name), body);
        if (answer.status() == 202) {
            awaitAccepted(answer, "the change to " + name);
        }
        SupportResource after = answer.status() == 202 ? null : read(answer.body());
        return after != null && after.properties() != null ? after : ticket(subscription, name);
    }

    /** {@code GET …/supportTickets/{name}/communications} ({@code $top} at most 10 a page). */
    public Pages<SupportResource> communications(String subscription, String name) {
        return pages(url(ticketsPath(subscription) + "/" + ApiRequest.segment(name) + "/communications")
                .newBuilder().addQueryParameter("$top", "10").build());
    }

    /** The communication {@code comm} of the ticket, or null when there is none by that name. */
    public SupportResource communication(String subscription, String name, String comm) {
        try {
            return read(send("GET", communicationUrl(subscription, name, comm), null).body());
        } catch (ApiException e) {
            if (e.status() == 404 && !subscriptionMissing(e)) {
                return null;
            }
            throw e;
        }
    }

    /** {@code PUT …/communications/{comm}}, a long-running operation like create: the communication afterwards. */
    public SupportResource addCommunication(String subscription, String name, String comm, ObjectNode body) {
        HttpUrl target = communicationUrl(subscription, name, comm);
        Answer answer = send("PUT", target, body, comm);
        if (answer.status() == 202) {
            awaitAccepted(answer, "the note on " + name);
            return communication(subscription, name, comm);
        }
        SupportResource added = read(answer.body());
        return added != null && added.properties() != null ? added : communication(subscription, name, comm);
    }

    // ---- the long-running operation of a 202 ----

    /** A long-running operation that Azure reports {@code Failed} or {@code Canceled}: it was not done. */
    static final class OperationFailed extends ApiException {
        OperationFailed(String reason, String faultCode, String description, String requestId, String method,
                        String path, Duration retryAfter) {
            super(400, reason, faultCode, description, requestId, method, path, retryAfter);
            in(Service.ARM, null);
        }
    }

    /**
     * {@link #await} for a write Azure has accepted: from then on the write is Azure's to finish,
     * so it must never be sent again. A wait that runs out, a poll that fails or an interrupt
     * leaves its outcome unknown ({@link OutcomeUnknownException}: exit 6, check, never resend);
     * only the operation's own failure ({@link ApiException}) says it was not done.
     */
    private void awaitAccepted(Answer accepted, String what) {
        try {
            await(accepted, what);
        } catch (OperationFailed e) {
            throw e; // the operation failed: Azure says so
        } catch (ApiException | MalformedResponseException e) {
            // a refused poll, a poll that answers HTML, a monitor link to another host: the write
            // was accepted all the same, and a person who read "refused" would file it again
            throw new OutcomeUnknownException("Azure accepted " + what + ", then its progress could not be read ("
                    + e.getMessage() + "): it may be done", settings.baseUrl().host(), e, null);
        } catch (CancelledException e) {
            throw new OutcomeUnknownException("interrupted after Azure accepted " + what + ": it may be done",
                    settings.baseUrl().host(), e, null);
        } catch (TransportException e) {
            throw new OutcomeUnknownException("Azure accepted " + what + " but " + e.getMessage()
                    + (e.getMessage().startsWith("Azure accepted") ? "" : ": it may be done"), settings.baseUrl().host(),
                    e, null);
        }
    }

    /**
     * Watches a 202 until it is done: {@code Azure-AsyncOperation} answers {@code status}
     * ({@code Succeeded}, {@code Failed}, {@code Canceled}, else still running); {@code Location}
     * answers 202 while running and 200 or 204 when done. A failed operation is an
     * {@link ApiException} carrying its {@code error}.
     */
    void await(Answer accepted, String what) {
        String async = accepted.headers().get("Azure-AsyncOperation");
        String location = accepted.headers().get("Location");
        String monitor = async != null && !async.isBlank() ? async : location;
        if (monitor == null || monitor.isBlank()) {
            return; // nothing to watch: the GET that follows shows what there is
        }
        HttpUrl url = resolve(monitor.trim());
        boolean byStatus = async != null && !async.isBlank();
        long start = settings.nanoTime().getAsLong();
        long deadline = start + wait.toNanos();
        Duration pause = clamp(RetryInterceptor.retryAfter(accepted.headers().get("Retry-After")) != null
                ? RetryInterceptor.retryAfter(accepted.headers().get("Retry-After")) : POLL_FLOOR);
        boolean first = true;
        while (true) {
            if (!first) {
                pause = clamp(pause.multipliedBy(3).dividedBy(2));
            }
            first = false;
            long now = settings.nanoTime().getAsLong();
            if (now + pause.toNanos() > deadline) {
                throw new TransportException("did not show it done within " + RetryInterceptor.human(wait),
                        settings.baseUrl().host(), null);
            }
            progress.accept("Azure accepted " + what + "; waiting for it to finish ("
                    + Duration.ofNanos(now - start).toSeconds() + " s)");
            try {
                settings.sleeper().sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException(settings.baseUrl().host(), e);
            }
            Answer poll = send("GET", url, null);
            if (byStatus) {
                String status = poll.body() == null ? "" : Json.field(poll.body(), "status") == null ? ""
                        : Json.field(poll.body(), "status").asText();
                if (status.equalsIgnoreCase("Succeeded")) {
                    return;
                }
                if (status.equalsIgnoreCase("Failed") || status.equalsIgnoreCase("Canceled")) {
                    JsonNode error = Json.field(poll.body(), "error");
                    JsonNode code = error == null ? null : Json.field(error, "code");
                    JsonNode message = error == null ? null : Json.field(error, "message");
                    // the operation's own failure, reported as a refusal of the request it watched
                    throw new OperationFailed(status, code == null ? null : code.asText(),
                            "the operation " + status.toLowerCase(Locale.ROOT) + (message == null ? ""
                                    : ": " + message.asText()), poll.requestId(), "GET",
                            url.encodedPath(), null);
                }
            } else if (poll.status() != 202) {
                return;
            }
            Duration asked = RetryInterceptor.retryAfter(poll.headers().get("Retry-After"));
            if (asked != null) {
                pause = clamp(asked);
                first = true;
            }
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(POLL_FLOOR) < 0 ? POLL_FLOOR : d.compareTo(POLL_CEILING) > 0 ? POLL_CEILING : d;
    }

    // ---- transport ----

    private static String ticketsPath(String subscription) {
        return "subscriptions/" + ApiRequest.segment(subscription) + "/providers/Microsoft.Support/supportTickets";
    }

    private HttpUrl ticketUrl(String subscription, String name) {
        return url(ticketsPath(subscription) + "/" + ApiRequest.segment(name));
    }

    private HttpUrl communicationUrl(String subscription, String name, String comm) {
        return url(ticketsPath(subscription) + "/" + ApiRequest.segment(name) + "/communications/"
                + ApiRequest.segment(comm));
    }

    /** {@code {base}/{path}?api-version=...}; {@code path}'s segments are already encoded. */
    private HttpUrl url(String path) {
        HttpUrl.Builder b = settings.baseUrl().newBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                b.addEncodedPathSegment(segment);
            }
        }
        return b.addQueryParameter("api-version", API_VERSION).build();
    }

    /** Every item of a listing (services, classifications: one or a few pages). */
    private List<SupportResource> all(HttpUrl first) {
        List<SupportResource> out = new ArrayList<>();
        pages(first).forEach(-1, out::add);
        return out;
    }

    private Pages<SupportResource> pages(HttpUrl first) {
        return ODataPages.walk(exchange, first.toString(), "nextLink", SupportResource.class,
                target -> send("GET", resolve(target), null));
    }

    private SupportResource read(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        try {
            return mapper.treeToValue(body, SupportResource.class);
        } catch (JacksonException e) {
            throw new MalformedResponseException("Azure sent a support resource pcx cannot read ("
                    + e.getOriginalMessage() + ")", null, e);
        }
    }

    /** One logical call: the answer when it succeeded (2xx), else an {@link ApiException}. */
    Answer send(String method, HttpUrl url, JsonNode body) {
        return send(method, url, body, RequestIds.next());
    }

    /**
     * One call; {@code clientRequestId} is its {@code x-ms-client-request-id}: a write sent again
     * after a lost answer is the same request, so it carries the same id (the ticket's or the
     * communication's own name).
     */
    Answer send(String method, HttpUrl url, JsonNode body, String clientRequestId) {
        Request.Builder b = new Request.Builder().url(url)
                .header("x-ms-client-request-id", clientRequestId);
        try {
            b.method(method, body == null ? null : RequestBody.create(mapper.writeValueAsBytes(body), JSON));
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
        // no token in either tenant: say so before anything goes on the wire
        return exchange.send(b.build(), null, () -> {
            customer.accessToken();
            partner.accessToken();
        }, exchange.answer());
    }

    /** A link the service gave must stay on ARM's scheme, host and port: the tokens go nowhere else. */
    HttpUrl resolve(String target) {
        return exchange.sameOrigin(target);
    }

    /**
     * Both tokens on each attempt; when ARM rejects them (401), each source that can gives a fresh
     * token once, and the call is tried once more.
     */
    private static final class TwoTokens implements Interceptor {
        private final TokenSource customer;
        private final TokenSource partner;

        TwoTokens(TokenSource customer, TokenSource partner) {
            this.customer = customer;
            this.partner = partner;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            String c = customer.accessToken();
            String p = partner.accessToken();
            Response response = chain.proceed(with(chain.request(), c, p));
            if (response.code() == 401) {
                boolean fresh = customer.refreshAfterRejection(c);
                fresh |= partner.refreshAfterRejection(p);
                if (fresh) {
                    response.close();
                    response = chain.proceed(with(chain.request(), customer.accessToken(), partner.accessToken()));
                }
            }
            return response;
        }

        private static Request with(Request request, String customerToken, String partnerToken) {
            return request.newBuilder().header("Authorization", "Bearer " + customerToken)
                    .header("x-ms-authorization-auxiliary", "Bearer " + partnerToken).build();
        }
    }
}
