package dev.pcx.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.api.PartnerCenter;
import dev.pcx.testing.MockServerTest;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks against a MockWebServer on loopback standing in for each tool. */
class WebhookTest extends MockServerTest {
    private static final OkHttpClient HTTP = PartnerCenter.cleartextClient(Duration.ofSeconds(5), Duration.ofSeconds(5));
    private final FakeTime time = new FakeTime(Instant.parse("2023-11-14T22:13:20Z"));
    private final ByteArrayOutputStream debug = new ByteArrayOutputStream();
    private final List<IncidentEvent> one = List.of(Events.english(IncidentEvent.NEW));

    private Webhook webhook(String path, WebhookFormat format, String secret) {
        return new Webhook(HTTP, server.url(path).toString(), format, secret, time, time,
                new PrintStream(debug, true, StandardCharsets.UTF_8));
    }

    private void answer(int code, String body) {
        queue.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    @Test
    void eachToolsSuccess() throws Exception {
        answer(204, "");
        assertNull(webhook("/psa", WebhookFormat.GENERIC, null).send(one));
        RecordedRequest generic = take();
        assertEquals("POST", generic.getMethod());
        assertEquals("application/json; charset=utf-8", generic.getHeaders().get("Content-Type"));
        assertEquals(Json.mapper().writeValueAsString(one.get(0)), generic.getBody().utf8());
        assertEquals("EX100001-new-k", generic.getHeaders().get("Idempotency-Key"));

        answer(202, "");
        assertNull(webhook("/workflows/x", WebhookFormat.TEAMS, null).send(one));
        assertEquals("AdaptiveCard", Json.mapper().readTree(take().getBody().utf8())
                .at("/attachments/0/content/type").asText());

        answer(200, "ok");
        assertNull(webhook("/services/T/B/x", WebhookFormat.SLACK, null).send(one));
        assertTrue(Json.mapper().readTree(take().getBody().utf8()).has("text"));

        answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        assertNull(webhook("/robot/send?access_token=t", WebhookFormat.DINGTALK, null).send(one));
        assertEquals("markdown", Json.mapper().readTree(take().getBody().utf8()).get("msgtype").asText());

        answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        assertNull(webhook("/cgi-bin/webhook/send?key=k", WebhookFormat.WECOM, null).send(one));
        assertEquals("markdown", Json.mapper().readTree(take().getBody().utf8()).get("msgtype").asText());

        answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}");
        answer(200, "{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}");
        Webhook feishu = webhook("/open-apis/bot/v2/hook/h", WebhookFormat.FEISHU, null);
        assertNull(feishu.send(one));
        assertNull(feishu.send(one), "the legacy StatusCode");
        assertEquals("text", Json.mapper().readTree(take().getBody().utf8()).get("msg_type").asText());
        take();
    }

    @Test
    void anErrcodeInA200IsAFailure() throws Exception {
        Webhook dingtalk = webhook("/robot/send?access_token=t", WebhookFormat.DINGTALK, null);
        answer(200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}");
        assertEquals(new Destination.Failure("DingTalk refused it: errcode 310000 keywords not in content", "310000",
                false), dingtalk.send(one));
        answer(200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
        assertEquals(new Destination.Failure("DingTalk refused it: errcode 130101 send too fast", "130101", true),
                dingtalk.send(one));
        answer(200, "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}");
        assertFalse(dingtalk.send(one).retryLater(), "an unknown code is a refusal");

        Webhook wecom = webhook("/cgi-bin/webhook/send?key=k", WebhookFormat.WECOM, null);
        answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
        assertEquals(new Destination.Failure("WeCom refused it: errcode 93000 invalid webhook url", "93000", false),
                wecom.send(one));
        answer(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        assertTrue(wecom.send(one).retryLater());

        Webhook feishu = webhook("/open-apis/bot/v2/hook/h", WebhookFormat.FEISHU, null);
        answer(200, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}");
        assertEquals(new Destination.Failure("Feishu refused it: code 9499 Bad Request", "9499", false), feishu.send(one));
        answer(200, "{\"StatusCode\":19021,\"StatusMessage\":\"sign match fail\"}");
        assertEquals(new Destination.Failure("Feishu refused it: code 19021 sign match fail", "19021", false),
                feishu.send(one));
        for (int i = 0; i < 7; i++) {
            take();
        }
    }

    @Test
    void aBodyThatIsNotTheToolsAnswerIsAFailure() throws Exception {
        answer(200, "<html>captive portal</html>");
        assertEquals(new Destination.Failure("DingTalk answered HTTP 200 with a body that is not DingTalk's answer",
                "200", false), webhook("/robot/send?access_token=t", WebhookFormat.DINGTALK, null).send(one));
        answer(200, "{\"data\":{}}");
        assertEquals("Feishu answered HTTP 200 with a body that is not Feishu's answer",
                webhook("/hook/h", WebhookFormat.FEISHU, null).send(one).message());
        answer(200, "");
        assertEquals("WeCom answered HTTP 200 with a body that is not WeCom's answer",
                webhook("/send?key=k", WebhookFormat.WECOM, null).send(one).message());
        answer(200, "fine");
        assertEquals("Slack answered HTTP 200 with a body that is not Slack's answer",
                webhook("/services/x", WebhookFormat.SLACK, null).send(one).message());
        // an answer of a megabyte is read only as far as 64 KiB, and is not DingTalk's
        answer(200, "{\"errcode\":0,\"errmsg\":\"" + "x".repeat(1 << 20) + "\"}");
        assertEquals("200", webhook("/robot/send?access_token=t", WebhookFormat.DINGTALK, null).send(one).receiverCode());
        for (int i = 0; i < 5; i++) {
            take();
        }
    }

    @Test
    void a429IsRetriedLaterAndHoldsTheNextMessage() throws Exception {
        Webhook teams = webhook("/workflows/x", WebhookFormat.TEAMS, null);
        queue.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
        Destination.Failure f = teams.send(one);
        assertEquals(new Destination.Failure("Teams throttled it (HTTP 429), retry after 30 s", "429", true,
                Duration.ofSeconds(30)), f);
        answer(202, "");
        assertNull(teams.send(one));
        assertEquals(List.of(Duration.ofSeconds(30)), time.sleeps, "the next message waited for the Retry-After");
        take();
        take();
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        queue.enqueue(new MockResponse.Builder().code(302).addHeader("Location", server.url("/elsewhere")).build());
        Destination.Failure f = webhook("/robot/send?access_token=t", WebhookFormat.DINGTALK, null).send(one);
        assertEquals(new Destination.Failure("DingTalk answered HTTP 302, a redirect pcx does not follow "
                + "(a message goes only to the webhook's own URL)", "302", false), f);
        assertEquals("/robot/send?access_token=t", take().getTarget());
        assertEquals(1, server.getRequestCount(), "nothing was posted to /elsewhere");
    }

    @Test
    void serverErrorsAndLostConnectionsMayPassLater() throws Exception {
        answer(503, "{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        assertEquals(new Destination.Failure("WeCom answered HTTP 503 (errcode -1 system busy)", "503", true),
                webhook("/send?key=k", WebhookFormat.WECOM, null).send(one));
        answer(400, "invalid_payload");
        assertEquals(new Destination.Failure("Slack refused it: HTTP 400 invalid_payload", "invalid_payload", false),
                webhook("/services/x", WebhookFormat.SLACK, null).send(one));
        answer(404, "{\"error\":{\"code\":\"TriggerNotFound\",\"message\":\"no such flow\"}}");
        assertEquals(new Destination.Failure("Teams refused it: HTTP 404 (TriggerNotFound no such flow)", "404", false),
                webhook("/workflows/x", WebhookFormat.TEAMS, null).send(one));
        queue.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        Destination.Failure lost = webhook("/psa", WebhookFormat.GENERIC, null).send(one);
        assertTrue(lost.retryLater());
        assertTrue(lost.message().startsWith("Webhook could not be reached: "), lost.message());
        assertNull(lost.receiverCode());
        for (int i = 0; i < 4; i++) {
            take();
        }
    }

    @Test
    void signedOnTheWireAsEachToolSays() throws Exception {
        answer(200, "{\"errcode\":0}");
        time.advance(Duration.ofMillis(123));
        assertNull(webhook("/robot/send?access_token=t", WebhookFormat.DINGTALK, "SECtest-secret-0123456789abcdef")
                .send(one));
        assertEquals("/robot/send?access_token=t&timestamp=1700000000123&sign=p%2Fkvy6OU9CGg9aWLFev%2FhJp6dz5Kssp94Zcv7sxelyM%3D",
                take().getTarget());

        answer(200, "{\"code\":0}");
        assertNull(webhook("/hook/h", WebhookFormat.FEISHU, "feishu-secret-XYZ").send(one));
        JsonNode feishu = Json.mapper().readTree(take().getBody().utf8());
        assertEquals("1700000000", feishu.get("timestamp").asText());
        assertEquals("o1KBpJTznX8C4fxbt8J7Da9Mp4a6EeqmnxCnoApf2vI=", feishu.get("sign").asText());

        answer(200, "");
        assertNull(webhook("/psa", WebhookFormat.GENERIC, "generic-secret").send(one));
        RecordedRequest generic = take();
        assertEquals("1700000000", generic.getHeaders().get("X-Pcx-Timestamp"));
        assertEquals(Signatures.generic("generic-secret", 1700000000L, generic.getBody().toByteArray()),
                generic.getHeaders().get("X-Pcx-Signature"));
    }

    @Test
    void dingTalkIsPacedAtTwentyAMinute() throws Exception {
        Webhook dingtalk = webhook("/robot/send?access_token=t", WebhookFormat.DINGTALK, null);
        for (int i = 0; i < 21; i++) {
            answer(200, "{\"errcode\":0}");
        }
        for (int i = 0; i < 21; i++) {
            assertNull(dingtalk.send(one));
            take();
        }
        assertEquals(List.of(Duration.ofSeconds(61)), time.sleeps);
    }

    @Test
    void batchesAsTheFormatHolds() {
        assertEquals(1, webhook("/psa", WebhookFormat.GENERIC, null).batch(Events.many(5, "Contoso", 1)));
        assertEquals(10, webhook("/x", WebhookFormat.DINGTALK, null).batch(Events.many(12, "Contoso", 1)));
        assertEquals(3, webhook("/x", WebhookFormat.SLACK, null).batch(Events.many(3, "Contoso", 1)));
        int wecom = webhook("/x", WebhookFormat.WECOM, null).batch(Events.many(10, "上海云计算科技服务有限公司第一分公司华东区域运营中心", 12));
        assertTrue(wecom > 0 && wecom < 10, "" + wecom);
        assertEquals(1, webhook("/x", WebhookFormat.WECOM, null).batch(Events.many(1, "Contoso", 1)));
    }

    @Test
    void idAndLabelHoldNoSecret() {
        assertLabel("dingtalk webhook oapi.dingtalk.com/robot/send?access_token=…",
                "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef", null);
        assertLabel("wecom webhook qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", null);
        assertLabel("feishu webhook open.feishu.cn/open-apis/bot/v2/hook/…",
                "https://open.feishu.cn/open-apis/bot/v2/hook/2ff6bd4d-0xxx-4f4f-8d2e-6c5e5e5e5e5e", null);
        assertLabel("slack webhook hooks.slack.com/services/…/…/…",
                "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", null);
        assertLabel("teams webhook prod-12.westeurope.logic.azure.com/workflows/…/triggers/manual/paths/invoke"
                        + "?api-version=…&sp=…&sv=…&sig=…",
                "https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c/triggers/manual/paths/invoke"
                        + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbCdEf123", null);
        assertLabel("teams webhook contoso.webhook.office.com/webhookb2/…/IncomingWebhook/…/…",
                "https://contoso.webhook.office.com/webhookb2/g1@t1/IncomingWebhook/abc123/g2", null);
        assertLabel("generic webhook psa.example.com/api/…/incidents",
                "https://user:pw@psa.example.com/api/s3cr3tTok/incidents", null);
        Webhook a = new Webhook(HTTP, "https://oapi.dingtalk.com/robot/send?access_token=abc", null, null, time, time, null);
        assertTrue(a.id().matches("dingtalk:[0-9a-f]{12}"), a.id());
        assertEquals(a.id(), new Webhook(HTTP, "https://oapi.dingtalk.com/robot/send?access_token=abc", null, null, time,
                time, null).id(), "the same in every run");
        assertFalse(a.id().equals(new Webhook(HTTP, "https://oapi.dingtalk.com/robot/send?access_token=abd", null, null,
                time, time, null).id()));
    }

    private void assertLabel(String label, String url, String secret) {
        assertEquals(label, new Webhook(HTTP, url, null, secret, time, time, null).label());
    }

    @Test
    void refusedAtConstruction() {
        assertEquals("the webhook URL is not an http or https URL", refused("ftp://example.com/hook", null, null));
        assertEquals("the webhook URL is not an http or https URL", refused("example.com/hook", null, null));
        assertEquals("the webhook URL must be https (plain http only to this machine: localhost, 127.0.0.1 or ::1); "
                + "oapi.dingtalk.com is not", refused("http://oapi.dingtalk.com/robot/send?access_token=x", null, null));
        assertEquals("Teams webhooks have no signing: a secret cannot be used with them (signing is for dingtalk, "
                + "feishu and generic)", refused("https://api.powerautomate.com/x", null, "s"));
        assertTrue(refused("https://hooks.slack.com/services/x", null, "s").startsWith("Slack webhooks have no signing"));
        assertTrue(refused("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null, "s")
                .startsWith("WeCom webhooks have no signing"));
        assertTrue(refused("http://127.0.0.1/x", WebhookFormat.WECOM, "s").startsWith("WeCom webhooks have no signing"));
        assertEquals("the webhook's signing secret is empty", refused("https://open.feishu.cn/hook/x", null, ""));
        // loopback in every spelling is plain http's one place
        for (String ok : List.of("http://localhost:9/x", "http://127.0.0.1:9/x", "http://127.1.2.3/x", "http://[::1]:9/x")) {
            new Webhook(HTTP, ok, null, null, time, time, null);
        }
    }

    private String refused(String url, WebhookFormat format, String secret) {
        return assertThrows(IllegalArgumentException.class,
                () -> new Webhook(HTTP, url, format, secret, time, time, null)).getMessage();
    }

    /** THE SECRET RULE: neither the URL's key nor the signing secret shows, whatever happens. */
    @Test
    void theKeyAndTheSecretAreNeverShown() throws Exception {
        String key = "KEYMARKER7f3a9c";
        String secret = "SECMARKER51d0e2";
        List<String> trace = new ArrayList<>();
        OkHttpClient traced = PartnerCenter.traced(HTTP, trace::add, System::nanoTime);
        List<String> shown = new ArrayList<>();
        record Shape(WebhookFormat format, String path, String secret, String ok) {
        }
        List<Shape> shapes = List.of(
                new Shape(WebhookFormat.GENERIC, "/hooks/" + key + "/in?token=" + key, secret, ""),
                new Shape(WebhookFormat.TEAMS, "/workflows/" + key + "/triggers/manual/paths/invoke?sig=" + key, null, ""),
                new Shape(WebhookFormat.SLACK, "/services/T0/B0/" + key, null, "ok"),
                new Shape(WebhookFormat.DINGTALK, "/robot/send?access_token=" + key, secret, "{\"errcode\":0}"),
                new Shape(WebhookFormat.WECOM, "/cgi-bin/webhook/send?key=" + key, null, "{\"errcode\":0}"),
                new Shape(WebhookFormat.FEISHU, "/open-apis/bot/v2/hook/" + key, secret, "{\"code\":0}"));
        for (Shape s : shapes) {
            String url = server.url(s.path()).toString();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Webhook w = new Webhook(traced, url, s.format(), s.secret(), time, time, new PrintStream(out, true, StandardCharsets.UTF_8));
            shown.add(w.id());
            shown.add(w.label());
            answer(200, s.ok());
            // a hostile tool echoes the URL and its secret (when it has one) back in its error
            String known = s.secret() == null ? "" : s.secret();
            String echo = "{\"errcode\":310000,\"errmsg\":\"bad " + url + " " + key + " " + known + "\",\"code\":1,"
                    + "\"msg\":\"" + key + known + "\",\"error\":{\"code\":\"" + key + "\",\"message\":\"" + known + "\"}}";
            answer(200, echo);
            answer(500, echo);
            answer(400, key);
            queue.enqueue(new MockResponse.Builder().code(302).addHeader("Location", url).body(echo).build());
            queue.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            assertNull(w.send(one), s.format() + " succeeds");
            for (int i = 0; i < 5; i++) {
                Destination.Failure f = w.send(one);
                if (f != null) {
                    shown.add(f.message());
                    shown.add(String.valueOf(f.receiverCode()));
                }
            }
            for (int i = 0; i < 6; i++) {
                take();
            }
            shown.add(out.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("webhook: POST http://"), out.toString());
            // the URL refused, with the key in it
            shown.add(assertThrows(IllegalArgumentException.class, () -> new Webhook(HTTP,
                    url.replace("http://" + server.getHostName(), "http://pcx.example.com"), s.format(), s.secret(), time,
                    time, null)).getMessage());
            if (s.secret() == null) {
                shown.add(assertThrows(IllegalArgumentException.class,
                        () -> new Webhook(HTTP, url, s.format(), secret, time, time, null)).getMessage());
            }
        }
        shown.add(assertThrows(IllegalArgumentException.class,
                () -> new Webhook(HTTP, "ftp://x/" + key, null, secret, time, time, null)).getMessage());
        shown.add(assertThrows(IllegalArgumentException.class,
                () -> new Webhook(HTTP, "not a url " + key, null, secret, time, time, null)).getMessage());
        assertTrue(trace.isEmpty(), "pcx's own --debug trace, which prints whole URLs, is left out: " + trace);
        String all = String.join("\n", shown);
        assertFalse(all.contains(key), all);
        assertFalse(all.contains(secret), all);
        assertFalse(all.contains("KEYMARKER") || all.contains("SECMARKER"), all);
        assertTrue(all.contains("generic webhook " + server.getHostName() + ":" + server.getPort() + "/hooks/…/…?token=…"),
                all);
    }

    @Test
    void theDebugTraceIsOneRedactedLinePerPost() throws Exception {
        answer(200, "{\"errcode\":0}");
        assertNull(webhook("/robot/send?access_token=abcdef", WebhookFormat.DINGTALK, "SECabc").send(one));
        take();
        assertEquals("webhook: POST http://" + server.getHostName() + ":" + server.getPort()
                + "/robot/send?access_token=…&timestamp=…&sign=… -> 200 (0 ms)\n", debug.toString(StandardCharsets.UTF_8)
                .replace("\r\n", "\n"));
    }
}
