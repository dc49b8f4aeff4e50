package dev.pcx.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.pcx.api.Json;
import dev.pcx.auth.Cloud;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/**
 * The sandbox: a Partner Center emulator on loopback, speaking the wire contract of
 * partner-center-api.md (camelCase bodies, the collection envelope, {@code links.next} paging with
 * {@code MS-ContinuationToken}, ApiFault errors, 401 without a bearer token), with injectable
 * latency and faults. Every call finds its answer in one route table ({@link Routes}), to which
 * each {@code *Routes} class adds its own; the sandbox writes its wire format itself and shares
 * nothing with pcx's client but the JSON mapper, so a client encoding bug is not mirrored. Runs in
 * process for {@code pcx --sandbox} and standalone for {@code pcx sandbox serve}.
 */
public final class SandboxServer implements AutoCloseable {
    public static final int DEFAULT_CUSTOMERS = SandboxState.DEFAULT_CUSTOMERS;
    private LoopbackServer http;
    private final SandboxStore store;
    private final Faults faults;
    private final Duration latency;
    private final SandboxIdentity identity;
    private final AuthRoutes auth;
    private final Routes routes = new Routes();
    private final ObjectMapper mapper = Json.mapper();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    private SandboxServer(Config config, Faults faults) {
        this.store = new SandboxStore(config.customers());
        this.faults = faults;
        this.latency = config.latency() == null ? Duration.ZERO : config.latency();
        this.identity = new SandboxIdentity(config.state().keyBytes(), config.state().tokenLifetimeSeconds(),
                config.state().certificates(), config.clock());
        int approve = config.state().approveAfterSeconds();
        // the seeded terms are relative to the sandbox's date, taken once: they do not move while it runs
        SubscriptionsRoutes subscriptions = new SubscriptionsRoutes(store, config.state().subscriptions(),
                config.stateFile(), LocalDate.ofInstant(config.clock().instant(), ZoneOffset.UTC));
        GraphRoutes graph = new GraphRoutes(store, config.state().incidents(), config.stateFile(), config.clock());
        SandboxConsents consents = new SandboxConsents(config.state().consents(), config.stateFile());
        this.auth = new AuthRoutes(identity, approve < 0 ? null : Duration.ofSeconds(approve), graph::tenantIndex,
                this::baseUrl, consents);
        AccessRoutes access = new AccessRoutes(store, consents, graph, config.cloud(),
                LocalDate.ofInstant(config.clock().instant(), ZoneOffset.UTC));
        Routes.Area graphArea = graph.addTo(routes);
        new SubscribedSkus(subscriptions, graph).addTo(graphArea);
        access.addGraphTo(graphArea);
        new SupportRoutes(store, graph::tenantIndex, config.cloud(), config.state().supportTickets(),
                config.stateFile(), config.clock()).addTo(routes);
        CustomersRoutes customers = new CustomersRoutes(store);
        Routes.Area partnerCenter = routes.area("/v1/", Reply::noRoute, Reply::notAllowed, SandboxServer::faultReply)
                .any(".*", SandboxServer::partnerCenterToken)
                .any(CustomersRoutes.UNDER_CUSTOMER, customers::known);
        subscriptions.addTo(partnerCenter);
        new ServiceRequestsRoutes(store, config.state().serviceRequests(), config.stateFile(), config.clock())
                .addTo(partnerCenter);
        access.addTo(partnerCenter);
        customers.addTo(partnerCenter);
        auth.addTo(routes.area("", Reply::noRoute, Reply::noRoute, null));
    }

    /**
     * How a sandbox is started. {@code port} 0 picks a free one; {@code state} holds the signing
     * key, token lifetime, device-code approval delay and registered certificates; {@code cloud}
     * (null: either) decides what Azure Resource Manager, Partner Center and Graph offer: on 21Vianet no
     * Support API, no application-consent routes (unconfirmed there) and no GDAP relationships (global only).
     */
    public record Config(String host, int port, int customers, Duration latency, String faults, int threads,
                         SandboxState state, Clock clock, Path stateFile, Cloud cloud) {
        public Config {
            clock = clock == null ? Clock.systemUTC() : clock;
        }

        public Config(String host, int port, int customers, Duration latency, String faults, int threads,
                      SandboxState state, Clock clock, Path stateFile) {
            this(host, port, customers, latency, faults, threads, state, clock, stateFile, null);
        }

        public Config(String host, int port, int customers, Duration latency, String faults, int threads,
                      SandboxState state, Clock clock) {
            this(host, port, customers, latency, faults, threads, state, clock, null);
        }

        /** Keeps changes (subscriptions) in {@code file} as well as in memory. */
        public Config savingTo(Path file) {
            return new Config(host, port, customers, latency, faults, threads, state, clock, file, cloud);
        }

        /** Answers as {@code c}'s Azure Resource Manager, Partner Center and Graph do (null: as global's, for either cloud). */
        public Config withCloud(Cloud c) {
            return new Config(host, port, customers, latency, faults, threads, state, clock, stateFile, c);
        }

        /** A sandbox with {@code customers}, a new key, one-hour tokens and device codes approved at once. */
        public static Config of(int customers) {
            return new Config("127.0.0.1", 0, customers, Duration.ZERO, null, 4,
                    SandboxState.fresh(customers, SandboxState.DEFAULT_LIFETIME, 0, List.of()), null);
        }

        public Config withFaults(String spec) {
            return new Config(host, port, customers, latency, spec, threads, state, clock, stateFile, cloud);
        }

        public Config withClock(Clock c) {
            return new Config(host, port, customers, latency, faults, threads, state, c, stateFile, cloud);
        }

        public Config withState(SandboxState s) {
            return new Config(host, port, customers, latency, faults, threads, s, clock, stateFile, cloud);
        }
    }

    /**
     * Starts a sandbox. A bad fault spec is an {@link IllegalArgumentException}; a port in use an
     * {@link UncheckedIOException}.
     */
    public static SandboxServer start(Config config) {
        SandboxServer sandbox = new SandboxServer(config, Faults.parse(config.faults()));
        sandbox.http = LoopbackServer.start(config.host(), config.port(), 64, config.threads(), "pcx-sandbox", sandbox::handle);
        return sandbox;
    }

    /** The sandbox of {@code pcx --sandbox}: state in {@code dir} (created on first use), a free loopback port. */
    public static SandboxServer startInProcess(Path dir) {
        return startInProcess(dir, null);
    }

    /** As {@link #startInProcess(Path)}, on {@code clock} (null: the system's): pcx's own, so both count days alike. */
    public static SandboxServer startInProcess(Path dir, Clock clock) {
        Path file = dir.resolve("state.json");
        SandboxState state = SandboxState.loadOrCreate(file);
        return start(new Config("127.0.0.1", 0, state.customers(), Duration.ZERO, null, 2, state, clock, file));
    }

    public String baseUrl() {
        InetSocketAddress a = http.address();
        return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    public int customerCount() {
        return store.customerCount();
    }

    /** The user codes of device-code sign-ins waiting for approval (what a person would see). */
    public List<String> pendingUserCodes() {
        return auth.pendingUserCodes();
    }

    /** How many requests of {@code method} reached the API paths (faults included): what went on the wire. */
    public int requests(String method) {
        AtomicInteger n = received.get(method);
        return n == null ? 0 : n.get();
    }

    /**
     * A refresh token of the sandbox's built-in person ({@value SandboxIdentity#USER}) for its
     * application: what {@code pcx --sandbox} signs in with when no profile says otherwise.
     */
    public String personRefreshToken() {
        return identity.refreshToken("https://partner.partnercenterapi.microsoftonline.cn");
    }

    /** How many refresh-token grants the sign-in endpoint has answered. */
    public int refreshGrants() {
        return auth.refreshGrants();
    }

    @Override
    public void close() {
        http.close();
    }

    /** One request in, one answer (or a fault) out. */
    private void handle(HttpExchange exchange) {
        try (exchange) {
            Reply reply;
            try {
                byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
                if (!latency.isZero()) {
                    Thread.sleep(latency.toMillis());
                }
                // faults are for the APIs (Partner Center's, Graph's, ARM's); sign-in and control paths always answer
                Routes.Area area = routes.areaOf(exchange.getRequestURI().getPath());
                String requestId = exchange.getRequestHeaders().getFirst("MS-RequestId");
                if (requestId == null) {
                    requestId = exchange.getRequestHeaders().getFirst("client-request-id");
                }
                if (requestId == null) {
                    requestId = exchange.getRequestHeaders().getFirst("x-ms-client-request-id");
                }
                if (area.takesFaults()) {
                    received.computeIfAbsent(exchange.getRequestMethod(), m -> new AtomicInteger()).incrementAndGet();
                }
                Faults.Fault fault = area.takesFaults() ? faults.next(requestId) : null;
                if (fault != null && fault.kind() == Faults.Kind.DROP) {
                    return; // closing the exchange without an answer drops the connection
                }
                Call call = new Call(exchange, body, identity::verify);
                if (fault != null && fault.kind() == Faults.Kind.LOST) {
                    area.dispatch(call);
                    return; // carried out, and then the answer is lost
                }
                reply = fault != null && fault.kind() == Faults.Kind.STATUS ? area.fault(fault.status())
                        : area.dispatch(call);
                send(exchange, reply, fault != null && fault.kind() == Faults.Kind.SLOW);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                send(exchange, Reply.fault(500, 500, "sandbox failure: " + e), false);
            }
        } catch (IOException clientWentAway) {
            // nothing to answer to
        }
    }

    /** Partner Center's front door: a bearer token the sandbox issued for Partner Center, else 401. */
    private static Reply partnerCenterToken(Call call, Matcher path) {
        if (!call.hasBearer("Authorization")) {
            return Reply.unauthorized("invalid_request");
        }
        JsonNode claims = call.claims();
        if (claims == null || !SandboxIdentity.RESOURCES.contains(claims.path("aud").asText())) {
            return Reply.unauthorized("invalid_token");
        }
        return null;
    }

    private static Reply faultReply(int status) {
        if (status == 429) {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("statusCode", 429);
            body.put("message", "Rate limit is exceeded. Try again in 1 seconds.");
            return new Reply(429, body, Map.of("Retry-After", "1"));
        }
        return Reply.fault(status, status, "The sandbox was told to fail this request (fault " + status + ")");
    }

    private void send(HttpExchange exchange, Reply reply, boolean slow) throws IOException {
        var headers = exchange.getResponseHeaders();
        String requestId = exchange.getRequestHeaders().getFirst("MS-RequestId");
        headers.set("MS-RequestId", requestId != null ? requestId : UUID.randomUUID().toString());
        String correlation = exchange.getRequestHeaders().getFirst("MS-CorrelationId");
        if (correlation != null) {
            headers.set("MS-CorrelationId", correlation);
        }
        headers.set("MS-CV", "sandbox." + Long.toHexString(System.nanoTime() & 0xffffff));
        headers.set("MS-ServerId", "pcx-sandbox");
        reply.headers().forEach(headers::set);
        byte[] bytes = null;
        if (reply.body() != null) {
            headers.set("Content-Type", "application/json; charset=utf-8");
            bytes = mapper.writeValueAsBytes(reply.body());
        }
        if (bytes == null || exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!slow) {
                out.write(bytes);
                return;
            }
            int chunk = Math.max(1, bytes.length / 8);
            for (int i = 0; i < bytes.length; i += chunk) {
                out.write(bytes, i, Math.min(chunk, bytes.length - i));
                out.flush();
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static String json(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
