package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.testing.MovableClock;
import dev.pcx.sandbox.WebhookReceiver.Format;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link WebhookReceiver}: each chat tool's answers as shared/chat-webhooks.md describes them, over
 * real loopback HTTP; signatures computed here from the document's formulas.
 */
class WebhookReceiverTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String DINGTALK_TEXT = "{\"msgtype\":\"text\",\"text\":{\"content\":\"pcx: EX600001 hits 3\"}}";
    private static final String WECOM_TEXT = "{\"msgtype\":\"text\",\"text\":{\"content\":\"pcx: EX600001\"}}";
    private static final String FEISHU_TEXT = "{\"msg_type\":\"text\",\"content\":{\"text\":\"pcx: EX600001\"}}";
    private static final String SLACK_TEXT = "{\"text\":\"pcx: EX600001\"}";
    private static final String TEAMS_CARD = """
            {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
             "contentUrl":null,"content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
             "type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"EX600001"}]}}]}""";

    private final OkHttpClient http = new OkHttpClient();
    private final MovableClock clock = new MovableClock(NOW);
    private final List<String> lines = new ArrayList<>();
    private final List<WebhookReceiver> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(WebhookReceiver::close);
    }

    private WebhookReceiver start(WebhookReceiver.Config config) {
        WebhookReceiver r = WebhookReceiver.start(config.withClock(clock), line -> {
            synchronized (lines) {
                lines.add(line);
            }
        });
        started.add(r);
        return r;
    }

    private record Answer(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }
    }

    private Answer post(String url, String body) throws Exception {
        return post(url, body, Map.of());
    }

    private Answer post(String url, String body, Map<String, String> headers) throws Exception {
        Request.Builder b = new Request.Builder().url(url).post(RequestBody.create(body, JSON));
        headers.forEach(b::header);
        try (Response r = http.newCall(b.build()).execute()) {
            return new Answer(r.code(), r.body().string(), r.headers().toMultimap());
        }
    }

    @Test
    void eachToolAcceptsItsOwnMessageWithItsOwnSuccessAtAPathShapedLikeItsUrl() throws Exception {
        WebhookReceiver dingtalk = start(WebhookReceiver.Config.of(Format.DINGTALK));
        assertTrue(dingtalk.url().matches("http://127\\.0\\.0\\.1:\\d+/robot/send\\?access_token=[0-9a-f]{64}"),
                dingtalk.url());
        Answer a = post(dingtalk.url(), DINGTALK_TEXT);
        assertEquals(200, a.status());
        assertEquals(Json.mapper().readTree("{\"errcode\":0,\"errmsg\":\"ok\"}"), a.json());

        WebhookReceiver wecom = start(WebhookReceiver.Config.of(Format.WECOM));
        assertTrue(wecom.url().matches(".*/cgi-bin/webhook/send\\?key=[0-9a-f-]{36}"), wecom.url());
        a = post(wecom.url(), WECOM_TEXT);
        assertEquals(200, a.status());
        assertEquals(Json.mapper().readTree("{\"errcode\":0,\"errmsg\":\"ok\"}"), a.json());

        WebhookReceiver feishu = start(WebhookReceiver.Config.of(Format.FEISHU));
        assertTrue(feishu.url().matches(".*/open-apis/bot/v2/hook/[0-9a-f-]{36}"), feishu.url());
        a = post(feishu.url(), FEISHU_TEXT);
        assertEquals(200, a.status());
        assertEquals(Json.mapper().readTree("{\"code\":0,\"msg\":\"success\",\"data\":{}}"), a.json());

        WebhookReceiver slack = start(WebhookReceiver.Config.of(Format.SLACK).withToken("demo"));
        assertTrue(slack.url().matches(".*/services/T[A-Z0-9]{10}/B[A-Z0-9]{10}/demo"), slack.url());
        assertEquals("ok", post(slack.url(), SLACK_TEXT).body());
        String again = start(WebhookReceiver.Config.of(Format.SLACK).withToken("demo")).url();
        assertEquals(slack.url().substring(slack.url().indexOf("/services")), again.substring(again.indexOf("/services")),
                "a token gives one URL");

        WebhookReceiver teams = start(WebhookReceiver.Config.of(Format.TEAMS));
        assertTrue(teams.url().matches(".*/workflows/[0-9a-f]{32}/triggers/manual/paths/invoke"), teams.url());
        a = post(teams.url(), TEAMS_CARD);
        assertEquals(202, a.status());
        assertEquals("", a.body());

        WebhookReceiver generic = start(WebhookReceiver.Config.of(Format.GENERIC).withToken("t1"));
        assertTrue(generic.url().endsWith("/hook/t1"), generic.url());
        assertEquals(204, post(generic.url(), "{\"type\":\"new\"}").status());

        List<WebhookReceiver.Received> got = dingtalk.received();
        assertEquals(1, got.size());
        assertTrue(got.get(0).accepted());
        JsonNode line = Json.mapper().readTree(lines.get(0));
        assertEquals(NOW.toString(), line.get("at").asText());
        assertEquals(dingtalk.url().substring(dingtalk.url().indexOf("/robot")), line.get("path").asText());
        assertEquals("accepted", line.get("verdict").asText());
        assertEquals(0, line.get("answer").asInt());
        assertEquals(Json.mapper().readTree(DINGTALK_TEXT), line.get("body"));
        assertEquals(List.of("at", "path", "verdict", "answer", "body"), fieldNames(line));
        assertEquals("ok", Json.mapper().readTree(lines.get(3)).get("answer").asText(), "Slack's text is its answer");
    }

    @Test
    void aWrongKeyIsRefusedAsEachToolRefusesIt() throws Exception {
        WebhookReceiver wecom = start(WebhookReceiver.Config.of(Format.WECOM).withToken("right"));
        Answer a = post("http://127.0.0.1:" + wecom.port() + "/cgi-bin/webhook/send?key=wrong", WECOM_TEXT);
        assertEquals(200, a.status(), "WeCom refuses inside an HTTP 200");
        assertEquals(93000, a.json().get("errcode").asInt());

        WebhookReceiver dingtalk = start(WebhookReceiver.Config.of(Format.DINGTALK).withToken("right"));
        a = post("http://127.0.0.1:" + dingtalk.port() + "/robot/send?access_token=wrong", DINGTALK_TEXT);
        assertEquals(200, a.status());
        assertEquals(310000, a.json().get("errcode").asInt());
        assertEquals(310000, post("http://127.0.0.1:" + dingtalk.port() + "/robot/send", DINGTALK_TEXT).json()
                .get("errcode").asInt());

        WebhookReceiver slack = start(WebhookReceiver.Config.of(Format.SLACK).withToken("right"));
        a = post(slack.url().replace("/right", "/wrong"), SLACK_TEXT);
        assertEquals(404, a.status());
        assertEquals("no_service", a.body());

        for (Format f : List.of(Format.FEISHU, Format.TEAMS, Format.GENERIC)) {
            WebhookReceiver r = start(WebhookReceiver.Config.of(f));
            assertEquals(404, post("http://127.0.0.1:" + r.port() + "/hook/nope", "{}").status(), f.label());
            WebhookReceiver.Received got = r.received().get(0);
            assertEquals("refused", got.verdict());
            assertEquals(404, got.answer().asInt());
        }
    }

    @Test
    void dingTalkChecksItsQuerySignatureWithinAnHour() throws Exception {
        String secret = "SEC0123456789abcdef";
        WebhookReceiver r = start(WebhookReceiver.Config.of(Format.DINGTALK).withSecret(secret));
        long ms = NOW.toEpochMilli() - 5_000;

        assertEquals(0, post(r.url() + dingTalkQuery(ms, secret), DINGTALK_TEXT).json().get("errcode").asInt());

        Answer wrong = post(r.url() + dingTalkQuery(ms, "SECwrong"), DINGTALK_TEXT);
        assertEquals(200, wrong.status());
        assertEquals(310000, wrong.json().get("errcode").asInt());
        assertEquals(310000, post(r.url(), DINGTALK_TEXT).json().get("errcode").asInt(), "unsigned");
        long twoHoursAgo = NOW.minus(Duration.ofHours(2)).toEpochMilli();
        assertEquals(310000, post(r.url() + dingTalkQuery(twoHoursAgo, secret), DINGTALK_TEXT).json().get("errcode")
                .asInt(), "outside the hour");
        assertEquals(310000, post(r.url() + dingTalkQuery(ms / 1000, secret), DINGTALK_TEXT).json().get("errcode")
                .asInt(), "seconds are not milliseconds");
        assertEquals(List.of("accepted", "refused", "refused", "refused", "refused"),
                r.received().stream().map(WebhookReceiver.Received::verdict).toList());
    }

    @Test
    void feishuChecksTheSignatureInItsBodyWithTheKeyAsTimestampAndSecret() throws Exception {
        String secret = "feishu-secret";
        WebhookReceiver r = start(WebhookReceiver.Config.of(Format.FEISHU).withSecret(secret));
        long s = NOW.getEpochSecond() - 30;

        Answer ok = post(r.url(), feishuSigned(s, feishuSign(s, secret)));
        assertEquals(0, ok.json().get("code").asInt(), ok.body());

        Answer dingTalkWay = post(r.url(), feishuSigned(s, base64(hmac(secret, s + "\n" + secret))));
        assertEquals(200, dingTalkWay.status());
        assertEquals(19021, dingTalkWay.json().get("code").asInt(), "DingTalk's formula is not Feishu's");
        assertEquals(19021, post(r.url(), FEISHU_TEXT).json().get("code").asInt(), "unsigned");
        long old = NOW.minus(Duration.ofHours(2)).getEpochSecond();
        assertEquals(19021, post(r.url(), feishuSigned(old, feishuSign(old, secret))).json().get("code").asInt());
    }

    @Test
    void genericChecksTheHexHmacOfTheTimestampAndTheRawBody() throws Exception {
        String secret = "s3cret";
        WebhookReceiver r = start(WebhookReceiver.Config.of(Format.GENERIC).withSecret(secret));
        String body = "{\"type\":\"spread\",\"key\":\"EX600001/spread/1\"}";
        String ts = Long.toString(NOW.getEpochSecond());
        String good = "sha256=" + HexFormat.of().formatHex(hmac(secret, ts + "." + body));

        assertEquals(204, post(r.url(), body, Map.of("X-Pcx-Signature", good, "X-Pcx-Timestamp", ts)).status());
        assertEquals(401, post(r.url(), body + " ", Map.of("X-Pcx-Signature", good, "X-Pcx-Timestamp", ts)).status(),
                "another body, the same signature");
        assertEquals(401, post(r.url(), body, Map.of("X-Pcx-Signature", good)).status(), "no timestamp");
        assertEquals(401, post(r.url(), body, Map.of("X-Pcx-Timestamp", ts)).status(), "no signature");
        assertEquals(401, post(r.url(), body, Map.of("X-Pcx-Signature", good, "X-Pcx-Timestamp",
                Long.toString(NOW.toEpochMilli()))).status(), "milliseconds are not seconds");
        String later = Long.toString(NOW.getEpochSecond() + 60);
        assertEquals(401, post(r.url(), body, Map.of("X-Pcx-Signature", good, "X-Pcx-Timestamp", later)).status(),
                "a captured request replayed under a new timestamp");
    }

    @Test
    void aMessageWithoutAKeywordIsRefused() throws Exception {
        WebhookReceiver dingtalk = start(WebhookReceiver.Config.of(Format.DINGTALK).withKeywords(List.of("告警", "pcx")));
        assertEquals(0, post(dingtalk.url(), DINGTALK_TEXT).json().get("errcode").asInt());
        Answer none = post(dingtalk.url(), "{\"msgtype\":\"text\",\"text\":{\"content\":\"hello\"}}");
        assertEquals(200, none.status());
        assertEquals(310000, none.json().get("errcode").asInt());
        assertEquals(0, post(dingtalk.url(), "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"服务告警\","
                + "\"text\":\"EX600001\"}}").json().get("errcode").asInt(), "any text of the message");

        WebhookReceiver feishu = start(WebhookReceiver.Config.of(Format.FEISHU).withKeywords(List.of("pcx")));
        assertEquals(0, post(feishu.url(), FEISHU_TEXT).json().get("code").asInt());
        assertEquals(19021, post(feishu.url(), "{\"msg_type\":\"text\",\"content\":{\"text\":\"hello\"}}").json()
                .get("code").asInt());
    }

    @Test
    void failRefusesTheFirstMessagesWithEachToolsOrdinaryFailure() throws Exception {
        WebhookReceiver wecom = start(WebhookReceiver.Config.of(Format.WECOM).withFail(2));
        Answer first = post(wecom.url(), WECOM_TEXT);
        assertEquals(200, first.status());
        assertTrue(first.json().get("errcode").asInt() != 0, first.body());
        assertTrue(post(wecom.url(), WECOM_TEXT).json().get("errcode").asInt() != 0);
        assertEquals(0, post(wecom.url(), WECOM_TEXT).json().get("errcode").asInt(), "the third goes through");

        WebhookReceiver dingtalk = start(WebhookReceiver.Config.of(Format.DINGTALK).withFail(1));
        Answer d = post(dingtalk.url(), DINGTALK_TEXT);
        assertEquals(200, d.status());
        assertTrue(d.json().get("errcode").asInt() != 0, d.body());

        WebhookReceiver feishu = start(WebhookReceiver.Config.of(Format.FEISHU).withFail(1));
        assertEquals(Json.mapper().readTree("{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}"),
                post(feishu.url(), FEISHU_TEXT).json());

        WebhookReceiver slack = start(WebhookReceiver.Config.of(Format.SLACK).withFail(1));
        Answer s = post(slack.url(), SLACK_TEXT);
        assertEquals(List.of(400, "invalid_payload"), List.of(s.status(), s.body()));

        assertEquals(500, post(start(WebhookReceiver.Config.of(Format.TEAMS).withFail(1)).url(), TEAMS_CARD).status());
        assertEquals(500, post(start(WebhookReceiver.Config.of(Format.GENERIC).withFail(1)).url(), "{}").status());
    }

    @Test
    void dingTalkTakesTwentyAMinuteThenThrottlesForTenMinutes() throws Exception {
        WebhookReceiver r = start(WebhookReceiver.Config.of(Format.DINGTALK));
        for (int i = 0; i < 20; i++) {
            assertEquals(0, post(r.url(), DINGTALK_TEXT).json().get("errcode").asInt(), "message " + (i + 1));
            clock.offset = clock.offset.plusSeconds(1);
        }
        Answer throttled = post(r.url(), DINGTALK_TEXT);
        assertEquals(200, throttled.status());
        assertEquals(130101, throttled.json().get("errcode").asInt());
        clock.offset = clock.offset.plusSeconds(61);
        assertEquals(130101, post(r.url(), DINGTALK_TEXT).json().get("errcode").asInt(), "throttled for 10 minutes");
        clock.offset = clock.offset.plus(Duration.ofMinutes(10));
        assertEquals(0, post(r.url(), DINGTALK_TEXT).json().get("errcode").asInt());
    }

    @Test
    void weComAndSlackThrottleInTheirOwnWays() throws Exception {
        WebhookReceiver wecom = start(WebhookReceiver.Config.of(Format.WECOM));
        for (int i = 0; i < 20; i++) {
            assertEquals(0, post(wecom.url(), WECOM_TEXT).json().get("errcode").asInt());
        }
        assertEquals(45009, post(wecom.url(), WECOM_TEXT).json().get("errcode").asInt());
        clock.offset = clock.offset.plusSeconds(60);
        assertEquals(0, post(wecom.url(), WECOM_TEXT).json().get("errcode").asInt(), "a minute later");

        WebhookReceiver slack = start(WebhookReceiver.Config.of(Format.SLACK).withLimit(2));
        assertEquals("ok", post(slack.url(), SLACK_TEXT).body());
        clock.offset = clock.offset.plusSeconds(20);
        assertEquals("ok", post(slack.url(), SLACK_TEXT).body());
        Answer a = post(slack.url(), SLACK_TEXT);
        assertEquals(429, a.status());
        assertEquals(List.of("40"), a.headers().get("retry-after"), "until the first leaves the minute");

        WebhookReceiver teams = start(WebhookReceiver.Config.of(Format.TEAMS).withLimit(1));
        assertEquals(202, post(teams.url(), TEAMS_CARD).status());
        Answer t = post(teams.url(), TEAMS_CARD);
        assertEquals(429, t.status());
        assertTrue(t.headers().containsKey("retry-after"));
        WebhookReceiver generic = start(WebhookReceiver.Config.of(Format.GENERIC));
        for (int i = 0; i < 30; i++) {
            assertEquals(204, post(generic.url(), "{}").status(), "no limit of its own");
        }
    }

    @Test
    void aBodyTheToolCannotTakeIsRefusedAsItRefusesIt() throws Exception {
        WebhookReceiver wecom = start(WebhookReceiver.Config.of(Format.WECOM));
        assertEquals(0, errcode(post(wecom.url(), weCom("markdown", "a".repeat(4096)))));
        assertTrue(errcode(post(wecom.url(), weCom("markdown", "a".repeat(4097)))) != 0, "over 4096 bytes");
        assertEquals(0, errcode(post(wecom.url(), weCom("text", "中".repeat(682)))), "2046 bytes");
        assertTrue(errcode(post(wecom.url(), weCom("text", "中".repeat(683)))) != 0, "2049 bytes, 683 characters");
        assertTrue(errcode(post(wecom.url(), "{\"msgtype\":\"text\"}")) != 0, "no text object");
        assertTrue(errcode(post(wecom.url(), "not json")) != 0);

        WebhookReceiver dingtalk = start(WebhookReceiver.Config.of(Format.DINGTALK));
        Answer noType = post(dingtalk.url(), "{\"text\":{\"content\":\"x\"}}");
        assertEquals(200, noType.status());
        assertTrue(errcode(noType) != 0);
        assertTrue(errcode(post(dingtalk.url(), "{\"msgtype\":\"markdown\",\"markdown\":{\"text\":\"x\"}}")) != 0,
                "markdown without a title");

        WebhookReceiver feishu = start(WebhookReceiver.Config.of(Format.FEISHU));
        String big = "{\"msg_type\":\"text\",\"content\":{\"text\":\"" + "a".repeat(20 * 1024) + "\"}}";
        assertEquals(9499, post(feishu.url(), big).json().get("code").asInt(), "over 20 KB");
        assertEquals(9499, post(feishu.url(), "{\"msg_type\":\"text\"}").json().get("code").asInt());
        assertEquals(0, post(feishu.url(), "{\"msg_type\":\"interactive\",\"card\":{\"elements\":[]}}").json()
                .get("code").asInt());

        WebhookReceiver slack = start(WebhookReceiver.Config.of(Format.SLACK));
        Answer noText = post(slack.url(), "{\"username\":\"pcx\"}");
        assertEquals(List.of(400, "no_text"), List.of(noText.status(), noText.body()));
        Answer badJson = post(slack.url(), "{");
        assertEquals(List.of(400, "invalid_payload"), List.of(badJson.status(), badJson.body()));
        assertEquals("ok", post(slack.url(), "{\"blocks\":[{\"type\":\"section\"}]}").body());

        WebhookReceiver teams = start(WebhookReceiver.Config.of(Format.TEAMS));
        assertEquals(400, post(teams.url(), "{\"@type\":\"MessageCard\",\"summary\":\"x\",\"text\":\"x\"}").status(),
                "the retired connector's MessageCard");
        WebhookReceiver generic = start(WebhookReceiver.Config.of(Format.GENERIC));
        assertEquals(400, post(generic.url(), "[1]").status());
        WebhookReceiver.Received refused = generic.received().get(0);
        assertEquals(Json.mapper().readTree("[1]"), refused.body());
        assertFalse(refused.accepted());
    }

    @Test
    void aSecretOrKeywordTheToolHasNoneOfIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.Config.of(Format.WECOM).withSecret("x"));
        assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.Config.of(Format.SLACK).withSecret("x"));
        assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.Config.of(Format.TEAMS)
                .withKeywords(List.of("x")));
        assertEquals(Format.DINGTALK, WebhookReceiver.Format.of("DingTalk"));
        assertNull(WebhookReceiver.Config.of(Format.GENERIC).token());
    }

    // --- the formulas of shared/chat-webhooks.md, written here apart from the receiver's

    /** DingTalk §3: Base64(HmacSHA256(key = secret, timestamp + "\n" + secret)). */
    private static String dingTalkSign(long ms, String secret) {
        return base64(hmac(secret, ms + "\n" + secret));
    }

    private static String dingTalkQuery(long ms, String secret) {
        return "&timestamp=" + ms + "&sign=" + URLEncoder.encode(dingTalkSign(ms, secret), StandardCharsets.UTF_8);
    }

    /** Feishu §5: Base64(HmacSHA256(key = timestamp + "\n" + secret, empty message)). */
    private static String feishuSign(long seconds, String secret) {
        return base64(hmac(seconds + "\n" + secret, ""));
    }

    private static String feishuSigned(long seconds, String sign) {
        return "{\"timestamp\":\"" + seconds + "\",\"sign\":\"" + sign + "\",\"msg_type\":\"text\","
                + "\"content\":{\"text\":\"pcx: EX600001\"}}";
    }

    private static byte[] hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String weCom(String type, String content) {
        return "{\"msgtype\":\"" + type + "\",\"" + type + "\":{\"content\":\"" + content + "\"}}";
    }

    private static int errcode(Answer a) throws Exception {
        assertEquals(200, a.status(), "DingTalk and WeCom answer HTTP 200 even when they refuse");
        return a.json().get("errcode").asInt();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
