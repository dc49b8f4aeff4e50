package dev.pcx.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookBodiesTest {
    private static final Instant NOW = Instant.parse("2023-11-14T22:13:20Z"); // 1700000000
    private static final HttpUrl URL = HttpUrl.get("https://example.com/hook");

    @Test
    void genericIsTheEventItself() throws Exception {
        IncidentEvent e = Events.english(IncidentEvent.SPREAD);
        WebhookBodies.Post post = new WebhookBodies(WebhookFormat.GENERIC, null).post(URL, List.of(e), NOW);
        assertEquals(Json.mapper().writeValueAsString(e), new String(post.body(), StandardCharsets.UTF_8));
        assertEquals(e, Json.mapper().readValue(post.body(), IncidentEvent.class));
        assertEquals("EX100001-spread-k", post.headers().get("Idempotency-Key"));
        assertEquals(null, post.headers().get("X-Pcx-Signature"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookBodies(WebhookFormat.GENERIC, null)
                .post(URL, List.of(e, e), NOW));
    }

    @Test
    void genericSignedWithPcxsOwnHeaders() {
        WebhookBodies.Post post = new WebhookBodies(WebhookFormat.GENERIC, "generic-secret")
                .post(URL, List.of(Events.english(IncidentEvent.NEW)), NOW);
        assertEquals("1700000000", post.headers().get("X-Pcx-Timestamp"));
        assertEquals(Signatures.generic("generic-secret", 1700000000L, post.body()), post.headers().get("X-Pcx-Signature"));
    }

    @Test
    void teamsIsAnAdaptiveCardAttachment() {
        JsonNode body = body(WebhookFormat.TEAMS, null, List.of(Events.english(IncidentEvent.NEW),
                Events.english(IncidentEvent.RESOLVED)));
        assertEquals("message", body.get("type").asText());
        JsonNode attachment = body.get("attachments").get(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.get("contentType").asText());
        assertTrue(attachment.has("contentUrl") && attachment.get("contentUrl").isNull(), attachment.toString());
        JsonNode card = attachment.get("content");
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals("1.4", card.get("version").asText());
        assertEquals("http://adaptivecards.io/schemas/adaptive-card.json", card.get("$schema").asText());
        JsonNode blocks = card.get("body");
        assertEquals(3, blocks.size());
        assertEquals("pcx: 2 incident changes", blocks.get(0).get("text").asText());
        for (JsonNode b : blocks) {
            assertEquals("TextBlock", b.get("type").asText());
            assertTrue(b.get("wrap").asBoolean());
        }
        assertTrue(blocks.get(1).get("text").asText().startsWith("**New incident** EX100001\n\nService: Exchange Online"));
        assertTrue(blocks.get(2).get("text").asText().startsWith("**Resolved** EX100001"));
    }

    @Test
    void slackIsText() {
        JsonNode body = body(WebhookFormat.SLACK, null, List.of(Events.english(IncidentEvent.NEW)));
        assertEquals(List.of("text"), names(body));
        assertTrue(body.get("text").asText().startsWith("*pcx: 1 incident change*\n\n*New incident* EX100001\nService:"),
                body.toString());
    }

    @Test
    void dingTalkIsMarkdownWithATitle() {
        JsonNode body = body(WebhookFormat.DINGTALK, null, List.of(Events.chinese(IncidentEvent.NEW)));
        assertEquals("markdown", body.get("msgtype").asText());
        assertEquals("pcx：1 条事件变化", body.get("markdown").get("title").asText());
        assertTrue(body.get("markdown").get("text").asText().startsWith("#### pcx：1 条事件变化\n\n**新事件** EX100002\n\n服务："));
        assertEquals(List.of("msgtype", "markdown"), names(body));
    }

    @Test
    void dingTalkIsSignedInTheQuery() {
        WebhookBodies.Post post = new WebhookBodies(WebhookFormat.DINGTALK, "SECtest-secret-0123456789abcdef")
                .post(HttpUrl.get("https://oapi.dingtalk.com/robot/send?access_token=abc"),
                        List.of(Events.english(IncidentEvent.NEW)), Instant.ofEpochMilli(1700000000123L));
        assertEquals("access_token=abc&timestamp=1700000000123&sign=p%2Fkvy6OU9CGg9aWLFev%2FhJp6dz5Kssp94Zcv7sxelyM%3D",
                post.url().encodedQuery());
    }

    @Test
    void weComIsMarkdownContent() {
        JsonNode body = body(WebhookFormat.WECOM, null, List.of(Events.english(IncidentEvent.UPDATED)));
        assertEquals("markdown", body.get("msgtype").asText());
        assertEquals(List.of("content"), names(body.get("markdown")));
        assertTrue(body.get("markdown").get("content").asText()
                .startsWith("**pcx: 1 incident change**\n\n**Updated: status serviceDegradation** EX100001\n"));
    }

    @Test
    void feishuIsTextSignedInTheBody() {
        JsonNode body = body(WebhookFormat.FEISHU, "feishu-secret-XYZ", List.of(Events.english(IncidentEvent.RECEDE)));
        assertEquals(List.of("timestamp", "sign", "msg_type", "content"), names(body));
        assertEquals("1700000000", body.get("timestamp").asText());
        assertTrue(body.get("timestamp").isTextual(), "seconds, as a string");
        assertEquals("o1KBpJTznX8C4fxbt8J7Da9Mp4a6EeqmnxCnoApf2vI=", body.get("sign").asText());
        assertEquals("text", body.get("msg_type").asText());
        assertTrue(body.get("content").get("text").asText().startsWith("pcx: 1 incident change\n\nReceded from 2 customers EX100001\n"));
        assertEquals(List.of("msg_type", "content"), names(body(WebhookFormat.FEISHU, null,
                List.of(Events.english(IncidentEvent.RECEDE)))), "unsigned: no timestamp, no sign");
    }

    @Test
    void weComBatchesWhatFits4096BytesOfChinese() {
        // each event: five long Chinese names, about 1.3 kB of UTF-8
        List<IncidentEvent> pending = Events.many(10, "上海云计算科技服务有限公司第一分公司华东区域运营中心", 12);
        WebhookBodies wecom = new WebhookBodies(WebhookFormat.WECOM, null);
        int fit = 0;
        while (fit < pending.size() && wecom.fits(pending.subList(0, fit + 1), NOW)) {
            fit++;
        }
        assertTrue(fit >= 1 && fit < 10, "fit " + fit);
        String content = content(wecom.post(URL, pending.subList(0, fit), NOW));
        assertTrue(content.getBytes(StandardCharsets.UTF_8).length <= 4096);
        assertFalse(content.contains("……另有"));
        // handed more than fit: whole events are left out and counted, never a character cut in two
        String over = content(wecom.post(URL, pending, NOW));
        assertTrue(over.getBytes(StandardCharsets.UTF_8).length <= 4096, over.length() + "");
        assertTrue(over.endsWith("……另有 " + (10 - fit) + " 条事件变化未列出"), over);
        assertFalse(over.contains("\uFFFD"));
        assertEquals(over, new String(over.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void oneEventOfFourByteCharactersIsCutOnACodePointToFitWeCom() throws Exception {
        String emoji = "😀".repeat(1000);
        IncidentEvent huge = new IncidentEvent("k", IncidentEvent.UPDATED, "t", new IncidentEvent.Issue(emoji, emoji, emoji,
                emoji, emoji, null, null), Events.customers(emoji, 9), 9);
        WebhookBodies wecom = new WebhookBodies(WebhookFormat.WECOM, null);
        assertFalse(wecom.fits(List.of(huge), NOW));
        WebhookBodies.Post post = wecom.post(URL, List.of(huge, huge), NOW);
        String content = content(post);
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 4096 && bytes > 3500, "" + bytes);
        assertTrue(content.endsWith("…\n\n…and 1 more incident change"), content);
        assertEquals(content, new String(content.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                "no surrogate left alone");
        assertTrue(content.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE));
    }

    @Test
    void cutNeverSplitsACodePoint() {
        assertEquals("ab", WebhookBodies.cut("ab中", 4));
        assertEquals("ab中", WebhookBodies.cut("ab中", 5));
        assertEquals("a", WebhookBodies.cut("a😀b", 4));
        assertEquals("a😀", WebhookBodies.cut("a😀b", 5));
        assertEquals("", WebhookBodies.cut("中", 2));
    }

    @Test
    void atMostTenEventsAMessage() {
        WebhookBodies dingtalk = new WebhookBodies(WebhookFormat.DINGTALK, null);
        assertTrue(dingtalk.fits(Events.many(10, "Contoso", 1), NOW));
        assertFalse(dingtalk.fits(Events.many(11, "Contoso", 1), NOW));
        assertFalse(new WebhookBodies(WebhookFormat.GENERIC, null).fits(Events.many(2, "Contoso", 1), NOW));
    }

    @Test
    void feishuBodyStaysUnder20kB() {
        List<IncidentEvent> pending = Events.many(10, "北京" + "长".repeat(78), 5);
        WebhookBodies feishu = new WebhookBodies(WebhookFormat.FEISHU, "s3cret");
        for (int n = 1; n <= 10; n++) {
            WebhookBodies.Post post = feishu.post(URL, pending.subList(0, n), NOW);
            assertTrue(post.body().length <= 20_000, n + ": " + post.body().length);
        }
    }

    private static String content(WebhookBodies.Post post) {
        try {
            return Json.mapper().readTree(post.body()).get("markdown").get("content").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode body(WebhookFormat format, String secret, List<IncidentEvent> events) {
        try {
            return Json.mapper().readTree(new WebhookBodies(format, secret).post(URL, events, NOW).body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
