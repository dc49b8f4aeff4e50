package dev.pcx.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.pcx.api.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A chat tool's incoming webhook on loopback, for tests and demos of pcx's notifications: it answers
 * POSTs as Teams, Slack, DingTalk, WeCom, Feishu (or a generic JSON endpoint) do, as
 * {@code shared/chat-webhooks.md} describes them: the URL shaped like the tool's, its key checked,
 * DingTalk's and Feishu's signatures and keywords verified, the body's shape and size checked, the
 * per-minute limit kept, failures answered the tool's way (DingTalk and WeCom with an
 * {@code errcode} inside an HTTP 200). Every POST is recorded ({@link #received()}) and written as
 * one JSON line to the sink given to {@link #start}.
 *
 * <p>The signatures are verified from the document's formulas alone, written apart from pcx's own
 * signer, so a mistake in one is not mirrored by the other. Where the document names no code, the
 * answer is chosen here and says so in its javadoc (see {@link #answer}).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** The tools whose incoming webhooks the receiver answers as. */
    public enum Format {
        GENERIC, TEAMS, SLACK, DINGTALK, WECOM, FEISHU;

        /** The format named {@code name} (any case), or an {@link IllegalArgumentException} listing them. */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.label().equalsIgnoreCase(name.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + name + "'; use one of: generic, teams, slack, "
                    + "dingtalk, wecom, feishu");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** DingTalk and WeCom: "20 messages per minute per robot" (chat-webhooks.md §3, §4); no limit for the others. */
        public int defaultLimit() {
            return this == DINGTALK || this == WECOM ? 20 : 0;
        }

        /** The tools with a signature scheme: DingTalk and Feishu as documented, generic pcx's own. */
        public boolean signs() {
            return this == DINGTALK || this == FEISHU || this == GENERIC;
        }

        /** The tools with custom keywords (DingTalk §3, Feishu §5). */
        public boolean takesKeywords() {
            return this == DINGTALK || this == FEISHU;
        }
    }

    /**
     * How a receiver answers. {@code port} 0 picks a free one; {@code token} null makes a random
     * one; {@code secret} null verifies no signature; {@code keywords} empty requires none;
     * {@code fail} refuses the first N messages with the tool's ordinary failure; {@code limit}
     * messages a minute at most (0: none; null: the tool's, {@link Format#defaultLimit}).
     */
    public record Config(Format format, int port, String token, String secret, List<String> keywords, int fail,
                         Integer limit, Clock clock) {
        public Config {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            clock = clock == null ? Clock.systemUTC() : clock;
            if (secret != null && !format.signs()) {
                throw new IllegalArgumentException(format.label() + " webhooks have no signing (chat-webhooks.md): "
                        + "the URL is the only credential; drop the secret");
            }
            if (!keywords.isEmpty() && !format.takesKeywords()) {
                throw new IllegalArgumentException("only DingTalk and Feishu robots have keywords");
            }
            if (fail < 0 || limit != null && limit < 0) {
                throw new IllegalArgumentException("fail and limit take 0 or more");
            }
        }

        /** A receiver of {@code format} on a free port, with a random token and nothing else. */
        public static Config of(Format format) {
            return new Config(format, 0, null, null, List.of(), 0, null, null);
        }

        public Config withPort(int p) {
            return new Config(format, p, token, secret, keywords, fail, limit, clock);
        }

        public Config withToken(String t) {
            return new Config(format, port, t, secret, keywords, fail, limit, clock);
        }

        public Config withSecret(String s) {
            return new Config(format, port, token, s, keywords, fail, limit, clock);
        }

        public Config withKeywords(List<String> k) {
            return new Config(format, port, token, secret, k, fail, limit, clock);
        }

        public Config withFail(int n) {
            return new Config(format, port, token, secret, keywords, n, limit, clock);
        }

        public Config withLimit(Integer n) {
            return new Config(format, port, token, secret, keywords, fail, n, clock);
        }

        public Config withClock(Clock c) {
            return new Config(format, port, token, secret, keywords, fail, limit, c);
        }

        int perMinute() {
            return limit != null ? limit : format.defaultLimit();
        }
    }

    /**
     * One POST as the receiver took it: when, to which path (with its query), {@code accepted} or
     * {@code refused}, the answer's code (DingTalk's and WeCom's {@code errcode}, Feishu's
     * {@code code}, Slack's text, or the HTTP status for Teams, generic and answers without a code)
     * and the body posted (its JSON, or its text when it is not JSON).
     */
    public record Received(Instant at, String path, String verdict, JsonNode answer, JsonNode body) {
        public boolean accepted() {
            return verdict.equals("accepted");
        }

        /** The JSON line written for it: {@code {"at","path","verdict","answer","body"}}. */
        public ObjectNode toJson() {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("at", at.toString());
            o.put("path", path);
            o.put("verdict", verdict);
            o.set("answer", answer);
            o.set("body", body);
            return o;
        }
    }

    /** DingTalk's throttle: "超过20条,会限流10分钟", beyond the limit the robot is throttled for 10 minutes (§3). */
    static final Duration DINGTALK_PENALTY = Duration.ofMinutes(10);
    /** DingTalk's signing window: "within 1 hour of DingTalk's clock" (§3); used for Feishu's (commonly 1 hour, §5) and generic's too. */
    static final Duration SKEW = Duration.ofHours(1);
    /** Feishu: "请求体大小不能超过20k" (§5). */
    static final int FEISHU_MAX_BYTES = 20 * 1024;
    /** WeCom: text {@code content} "at most 2048 bytes" (§4). */
    static final int WECOM_TEXT_MAX_BYTES = 2048;
    /** WeCom: markdown "at most 4096 bytes" (§4). */
    static final int WECOM_MARKDOWN_MAX_BYTES = 4096;
    private static final int MAX_BODY = 1 << 20;
    private static final Set<String> DINGTALK_TYPES = Set.of("text", "markdown", "link", "actionCard", "feedCard");
    private static final Set<String> WECOM_TYPES = Set.of("text", "markdown", "image", "news", "file", "voice",
            "template_card");
    private static final Set<String> FEISHU_TYPES = Set.of("text", "post", "interactive");

    private final Config config;
    private final String token;
    private final String path;
    private LoopbackServer http;
    private final Consumer<String> lines;
    private final List<Received> received = new ArrayList<>();
    private final ArrayDeque<Instant> lastMinute = new ArrayDeque<>();
    private Instant throttledUntil = Instant.MIN;
    private int failed;

    private WebhookReceiver(Config config, Consumer<String> lines) {
        this.config = config;
        this.token = config.token() != null ? config.token() : randomToken(config.format());
        this.path = pathOf(config.format(), token);
        this.lines = lines;
    }

    /**
     * Starts a receiver on 127.0.0.1; each POST's line goes to {@code lines} (null: none). A port in
     * use is an {@link UncheckedIOException}.
     */
    public static WebhookReceiver start(Config config, Consumer<String> lines) {
        WebhookReceiver receiver = new WebhookReceiver(config, lines == null ? l -> { } : lines);
        receiver.http = LoopbackServer.start("127.0.0.1", config.port(), 16, 2, "pcx-sandbox-webhook", receiver::handle);
        return receiver;
    }

    public int port() {
        return http.address().getPort();
    }

    /** The URL to post to: the tool's path (and key) on this loopback port. */
    public String url() {
        return "http://127.0.0.1:" + port() + path;
    }

    public Format format() {
        return config.format();
    }

    /** Every POST taken so far, in order. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        http.close();
    }

    /** The path (and query) of the tool's real webhook URL, with {@code token} as its key. */
    static String pathOf(Format format, String token) {
        return switch (format) {
            case DINGTALK -> "/robot/send?access_token=" + token;
            case WECOM -> "/cgi-bin/webhook/send?key=" + token;
            case FEISHU -> "/open-apis/bot/v2/hook/" + token;
            case SLACK -> "/services/" + slackId('T', token) + "/" + slackId('B', token) + "/" + token;
            case TEAMS -> "/workflows/" + token + "/triggers/manual/paths/invoke";
            case GENERIC -> "/hook/" + token;
        };
    }

    /** Slack's workspace (T…) and webhook (B…) ids, derived from the token so a given token gives the same URL. */
    private static String slackId(char kind, String token) {
        byte[] h = sha256((kind + token).getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder().append(kind);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 10; i++) {
            id.append(alphabet.charAt((h[i] & 0xff) % alphabet.length()));
        }
        return id.toString();
    }

    private static String randomToken(Format format) {
        SecureRandom random = new SecureRandom();
        return switch (format) {
            case WECOM, FEISHU -> UUID.randomUUID().toString();
            case DINGTALK -> HexFormat.of().formatHex(bytes(random, 32));
            case SLACK -> {
                String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 24; i++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                yield b.toString();
            }
            case TEAMS, GENERIC -> HexFormat.of().formatHex(bytes(random, 16));
        };
    }

    private static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** An answer on the wire and what the line records of it. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers, JsonNode code,
                  boolean accepted) {
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY);
            String target = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null
                    ? "" : "?" + exchange.getRequestURI().getRawQuery());
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Answer a;
            synchronized (this) {
                a = answer(target, exchange.getRequestHeaders().getFirst("X-Pcx-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Pcx-Timestamp"), body);
                Received r = new Received(config.clock().instant(), target, a.accepted() ? "accepted" : "refused",
                        a.code(), recorded(body));
                received.add(r);
                lines.accept(SandboxServer.json(r.toJson()));
            }
            a.headers().forEach(exchange.getResponseHeaders()::set);
            if (a.body() == null) {
                exchange.sendResponseHeaders(a.status(), -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        } catch (IOException clientWentAway) {
            // nothing to answer to
        }
    }

    /**
     * The tool's answer to one POST, checked in the order a robot would: its key (the URL), its
     * rate, {@code --fail}, the body, the signature, the keyword. The codes and the lines of
     * chat-webhooks.md they come from:
     * <ul>
     * <li>success: DingTalk and WeCom {@code {"errcode":0,"errmsg":"ok"}} in HTTP 200 (§3, §4 Answer);
     * Feishu {@code {"code":0,"msg":"success","data":{}}} (§5 Answer); Slack 200 {@code ok} (§2);
     * Teams 202, "an HTTP 2xx once the run is queued" (§1); generic 204.</li>
     * <li>an unknown key: WeCom errcode 93000 "invalid webhook URL" (§4, commonly); Slack 404
     * {@code no_service} (§2 names the code, 4xx); DingTalk errcode 310000 in HTTP 200: §3 names no code
     * for an unknown {@code access_token}, 310000 is the only credential failure it names; Teams, Feishu
     * (§5 names no code) and generic a bare 404.</li>
     * <li>throttled: DingTalk errcode 130101 "send too fast" (§3, commonly), for 10 minutes (§3 Limit);
     * WeCom errcode 45009 (§4, commonly); Slack, Teams ("429 as throttled (honour Retry-After)", §1),
     * Feishu and generic 429 with {@code Retry-After}.</li>
     * <li>{@code fail} and a malformed body: Feishu code 9499 "Bad Request" (§5); Slack 400
     * {@code invalid_payload}, or {@code no_text} for a message without text or blocks (§2); Teams 400
     * ("4xx as a bad URL/body", §1) and, for {@code fail}, 500; generic 400, and 500 for {@code fail};
     * DingTalk and WeCom errcode -1 in HTTP 200: §3 and §4 name no code for these, only that failures
     * come as a non-zero errcode in an HTTP 200.</li>
     * <li>a bad or missing signature: DingTalk errcode 310000 (§3, commonly, "security-setting
     * failures"); Feishu code 19021 (§5, commonly); generic 401.</li>
     * <li>no keyword: DingTalk errcode 310000 (§3); Feishu code 19021: §5 names no keyword code, and
     * this is the security failure it does name.</li>
     * </ul>
     */
    Answer answer(String target, String pcxSignature, String pcxTimestamp, byte[] raw) {
        Format f = config.format();
        Instant now = config.clock().instant();
        if (!keyMatches(target)) {
            return badKey();
        }
        Answer throttled = throttle(now);
        if (throttled != null) {
            return throttled;
        }
        if (failed < config.fail()) {
            failed++;
            return ordinaryFailure("sandbox --fail: refused as told (" + failed + " of " + config.fail() + ")");
        }
        if (config.secret() != null && f != Format.FEISHU) {
            // DingTalk's signature is in the query, generic's over the raw bytes: both before the body is read
            String wrong = f == Format.DINGTALK ? dingTalkSignature(target, now)
                    : genericSignature(pcxSignature, pcxTimestamp, raw, now);
            if (wrong != null) {
                return f == Format.DINGTALK ? errcode(310000, wrong)
                        : text(401, wrong, JsonNodeFactory.instance.numberNode(401), false);
            }
        }
        if (f == Format.FEISHU && raw.length > FEISHU_MAX_BYTES) {
            return feishu(9499, "Bad Request");
        }
        JsonNode body;
        try {
            body = raw.length == 0 ? null : Json.mapper().readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return badBody("the body is not a JSON object");
        }
        if (config.secret() != null && f == Format.FEISHU) {
            // Feishu's timestamp and sign are in the JSON body
            String wrong = feishuSignature(body, now);
            if (wrong != null) {
                return feishu(19021, wrong);
            }
        }
        String bad = shape(body);
        if (bad != null) {
            return f == Format.SLACK && bad.equals("no_text") ? text(400, "no_text", null, false) : badBody(bad);
        }
        if (!config.keywords().isEmpty() && !hasKeyword(body)) {
            String why = "keywords not in content: the message holds none of " + config.keywords();
            return f == Format.DINGTALK ? errcode(310000, why) : feishu(19021, why);
        }
        return switch (f) {
            case DINGTALK, WECOM -> errcode(0, "ok");
            case FEISHU -> feishu(0, "success");
            case SLACK -> text(200, "ok", null, true);
            case TEAMS -> new Answer(202, null, null, Map.of(), JsonNodeFactory.instance.numberNode(202), true);
            case GENERIC -> new Answer(204, null, null, Map.of(), JsonNodeFactory.instance.numberNode(204), true);
        };
    }

    /**
     * Whether {@code target} is this robot's URL: the path, and for DingTalk and WeCom the key in the
     * query (DingTalk's signed requests add {@code timestamp} and {@code sign} beside it).
     */
    private boolean keyMatches(String target) {
        int q = target.indexOf('?');
        String p = q < 0 ? target : target.substring(0, q);
        if (config.format() != Format.DINGTALK && config.format() != Format.WECOM) {
            return target.equals(path);
        }
        String name = config.format() == Format.DINGTALK ? "access_token" : "key";
        if (q < 0 || !p.equals(path.substring(0, path.indexOf('?')))) {
            return false;
        }
        String key = null;
        for (String pair : target.substring(q + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                if (key != null) {
                    return false;
                }
                key = URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return token.equals(key);
    }

    private Answer badKey() {
        return switch (config.format()) {
            case WECOM -> errcode(93000, "invalid webhook url");
            case DINGTALK -> errcode(310000, "sandbox: no robot has this access_token");
            case SLACK -> text(404, "no_service", null, false);
            default -> new Answer(404, null, null, Map.of(), JsonNodeFactory.instance.numberNode(404), false);
        };
    }

    /** Null within the limit (and counts the message); else the tool's throttled answer. */
    private Answer throttle(Instant now) {
        int perMinute = config.perMinute();
        if (perMinute <= 0) {
            return null;
        }
        Instant since = now.minus(Duration.ofMinutes(1));
        for (Iterator<Instant> it = lastMinute.iterator(); it.hasNext(); ) {
            if (!it.next().isAfter(since)) {
                it.remove();
            }
        }
        if (config.format() == Format.DINGTALK && now.isBefore(throttledUntil)) {
            return errcode(130101, "send too fast, exceed " + perMinute + " times per minute");
        }
        if (lastMinute.size() < perMinute) {
            lastMinute.add(now);
            return null;
        }
        long wait = Math.max(1, (long) Math.ceil(Duration.between(now, lastMinute.peekFirst().plus(Duration.ofMinutes(1)))
                .toMillis() / 1000.0));
        return switch (config.format()) {
            case DINGTALK -> {
                throttledUntil = now.plus(DINGTALK_PENALTY);
                yield errcode(130101, "send too fast, exceed " + perMinute + " times per minute");
            }
            case WECOM -> errcode(45009, "api freq out of limit");
            case SLACK -> new Answer(429, null, null, Map.of("Retry-After", Long.toString(wait)),
                    JsonNodeFactory.instance.numberNode(429), false);
            default -> new Answer(429, null, null, Map.of("Retry-After", Long.toString(wait)),
                    JsonNodeFactory.instance.numberNode(429), false);
        };
    }

    private Answer ordinaryFailure(String why) {
        return switch (config.format()) {
            case DINGTALK, WECOM -> errcode(-1, "system busy (" + why + ")");
            case FEISHU -> feishu(9499, "Bad Request");
            case SLACK -> text(400, "invalid_payload", null, false);
            case TEAMS, GENERIC -> text(500, why, JsonNodeFactory.instance.numberNode(500), false);
        };
    }

    private Answer badBody(String why) {
        return switch (config.format()) {
            case DINGTALK, WECOM -> errcode(-1, "invalid message: " + why);
            case FEISHU -> feishu(9499, "Bad Request");
            case SLACK -> text(400, "invalid_payload", null, false);
            case TEAMS, GENERIC -> text(400, why, JsonNodeFactory.instance.numberNode(400), false);
        };
    }

    /** What is wrong with the message's shape for the tool, or null; Slack's missing text is {@code no_text}. */
    private String shape(JsonNode body) {
        return switch (config.format()) {
            case DINGTALK -> {
                String type = body.path("msgtype").asText(null);
                if (type == null || !DINGTALK_TYPES.contains(type)) {
                    yield "msgtype must be one of " + DINGTALK_TYPES;
                }
                if (!body.path(type).isObject()) {
                    yield "a " + type + " message needs a '" + type + "' object";
                }
                if (type.equals("text") && !nonEmpty(body.path("text").path("content"))) {
                    yield "text.content is missing";
                }
                if (type.equals("markdown") && !(nonEmpty(body.path("markdown").path("title"))
                        && nonEmpty(body.path("markdown").path("text")))) {
                    yield "markdown needs title and text";
                }
                yield null;
            }
            case WECOM -> {
                String type = body.path("msgtype").asText(null);
                if (type == null || !WECOM_TYPES.contains(type)) {
                    yield "msgtype must be one of " + WECOM_TYPES;
                }
                if (!body.path(type).isObject()) {
                    yield "a " + type + " message needs a '" + type + "' object";
                }
                if (type.equals("text") || type.equals("markdown")) {
                    JsonNode content = body.path(type).path("content");
                    if (!nonEmpty(content)) {
                        yield type + ".content is missing";
                    }
                    int max = type.equals("text") ? WECOM_TEXT_MAX_BYTES : WECOM_MARKDOWN_MAX_BYTES;
                    int size = content.asText().getBytes(StandardCharsets.UTF_8).length;
                    if (size > max) {
                        yield type + ".content is " + size + " bytes, over " + max;
                    }
                }
                yield null;
            }
            case FEISHU -> {
                String type = body.path("msg_type").asText(null);
                if (type == null || !FEISHU_TYPES.contains(type)) {
                    yield "msg_type must be one of " + FEISHU_TYPES;
                }
                if (type.equals("interactive")) {
                    yield body.path("card").isObject() || body.path("content").path("card").isObject() ? null
                            : "an interactive message needs a card";
                }
                if (!body.path("content").isObject()) {
                    yield "content is missing";
                }
                if (type.equals("text") && !nonEmpty(body.path("content").path("text"))) {
                    yield "content.text is missing";
                }
                if (type.equals("post") && !body.path("content").path("post").isObject()) {
                    yield "content.post is missing";
                }
                yield null;
            }
            case SLACK -> nonEmpty(body.path("text")) || body.path("blocks").isArray() && !body.path("blocks").isEmpty()
                    ? null : "no_text";
            case TEAMS -> {
                if (!body.path("type").asText().equals("message")) {
                    yield "type must be 'message'";
                }
                for (JsonNode a : body.path("attachments")) {
                    if (a.path("contentType").asText().equals("application/vnd.microsoft.card.adaptive")
                            && a.path("content").path("type").asText().equals("AdaptiveCard")) {
                        yield null;
                    }
                }
                yield "attachments must hold an Adaptive Card (contentType application/vnd.microsoft.card.adaptive)";
            }
            case GENERIC -> null;
        };
    }

    private static boolean nonEmpty(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty();
    }

    /** Whether any text of the message (not its timestamp or signature) holds one of the keywords. */
    private boolean hasKeyword(JsonNode body) {
        List<String> texts = new ArrayList<>();
        collectTexts(body, null, texts);
        return texts.stream().anyMatch(t -> config.keywords().stream().anyMatch(t::contains));
    }

    private static void collectTexts(JsonNode node, String field, List<String> into) {
        if (node.isTextual() && !"timestamp".equals(field) && !"sign".equals(field)) {
            into.add(node.asText());
        }
        node.fields().forEachRemaining(e -> collectTexts(e.getValue(), e.getKey(), into));
        if (node.isArray()) {
            node.forEach(n -> collectTexts(n, null, into));
        }
    }

    /**
     * DingTalk (§3): {@code timestamp} (ms, within an hour) and {@code sign} in the query, where sign
     * is the URL-encoded Base64 of HmacSHA256 with key = secret over {@code timestamp + "\n" + secret}.
     * Null when it holds.
     */
    private String dingTalkSignature(String target, Instant now) {
        String timestamp = null;
        String sign = null;
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("timestamp")) {
                timestamp = value;
            } else if (name.equals("sign")) {
                sign = value;
            }
        }
        if (timestamp == null || sign == null) {
            return "sign not match: timestamp and sign are required in the query";
        }
        long ms;
        try {
            ms = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "sign not match: timestamp is not milliseconds";
        }
        if (Duration.between(Instant.ofEpochMilli(ms), now).abs().compareTo(SKEW) > 0) {
            return "timestamp is not within one hour of the robot's clock";
        }
        String expected = Base64.getEncoder().encodeToString(hmac(config.secret().getBytes(StandardCharsets.UTF_8),
                (timestamp + "\n" + config.secret()).getBytes(StandardCharsets.UTF_8)));
        return same(expected, sign) ? null : "sign not match";
    }

    /**
     * Feishu (§5): {@code timestamp} (s) and {@code sign} in the body, where sign is the Base64 of
     * HmacSHA256 with key = {@code timestamp + "\n" + secret} over an empty message. Null when it holds.
     */
    private String feishuSignature(JsonNode body, Instant now) {
        JsonNode ts = body.path("timestamp");
        JsonNode sign = body.path("sign");
        if (!(ts.isTextual() || ts.isIntegralNumber()) || !sign.isTextual()) {
            return "sign match fail: timestamp and sign are required in the body";
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.asText());
        } catch (NumberFormatException e) {
            return "sign match fail: timestamp is not seconds";
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(SKEW) > 0) {
            return "sign match fail or timestamp is not within one hour from current time";
        }
        String expected = Base64.getEncoder().encodeToString(hmac((ts.asText() + "\n" + config.secret())
                .getBytes(StandardCharsets.UTF_8), new byte[0]));
        return same(expected, sign.asText()) ? null : "sign match fail";
    }

    /**
     * Generic: {@code X-Pcx-Signature: sha256=<hex HmacSHA256, key = secret, over "<X-Pcx-Timestamp>." and the raw body>} and
     * {@code X-Pcx-Timestamp} (Unix seconds, within an hour). Null when it holds.
     */
    private String genericSignature(String signature, String timestamp, byte[] raw, Instant now) {
        if (signature == null || timestamp == null) {
            return "X-Pcx-Signature and X-Pcx-Timestamp are required";
        }
        try {
            if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp.trim())), now).abs().compareTo(SKEW) > 0) {
                return "X-Pcx-Timestamp is not within one hour of the receiver's clock";
            }
        } catch (NumberFormatException e) {
            return "X-Pcx-Timestamp is not Unix seconds";
        }
        byte[] signed = (timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(signed, signed.length + raw.length);
        System.arraycopy(raw, 0, message, signed.length, raw.length);
        String expected = "sha256=" + HexFormat.of().formatHex(hmac(config.secret().getBytes(StandardCharsets.UTF_8), message));
        return same(expected, signature.trim().toLowerCase(Locale.ROOT)) ? null : "X-Pcx-Signature does not match the body";
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer errcode(int code, String message) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("errcode", code);
        o.put("errmsg", message);
        return json(200, o, JsonNodeFactory.instance.numberNode(code), code == 0);
    }

    private static Answer feishu(int code, String message) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("code", code);
        o.put("msg", message);
        o.putObject("data");
        return json(200, o, JsonNodeFactory.instance.numberNode(code), code == 0);
    }

    private static Answer json(int status, ObjectNode body, JsonNode code, boolean accepted) {
        return new Answer(status, "application/json; charset=utf-8",
                SandboxServer.json(body).getBytes(StandardCharsets.UTF_8), Map.of(), code, accepted);
    }

    /** A text/plain answer; {@code code} null records the text itself (Slack's codes). */
    private static Answer text(int status, String text, JsonNode code, boolean accepted) {
        return new Answer(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of(),
                code != null ? code : JsonNodeFactory.instance.textNode(text), accepted);
    }

    private static JsonNode recorded(byte[] raw) {
        if (raw.length == 0) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return Json.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(new String(raw, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
