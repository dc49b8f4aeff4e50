package dev.pcx.notify;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookFormatTest {
    @Test
    void theOptionsWordInAnyCase() {
        assertEquals(WebhookFormat.DINGTALK, WebhookFormat.parse("DingTalk"));
        assertEquals(WebhookFormat.WECOM, WebhookFormat.parse(" wecom "));
        assertEquals(WebhookFormat.GENERIC, WebhookFormat.parse("GENERIC"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookFormat.parse("lark"));
        assertEquals("unknown webhook format 'lark': use generic, teams, slack, dingtalk, wecom or feishu", e.getMessage());
    }

    @Test
    void inferredFromTheHost() {
        assertEquals(WebhookFormat.DINGTALK, infer("https://oapi.dingtalk.com/robot/send?access_token=x"));
        assertEquals(WebhookFormat.WECOM, infer("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x"));
        assertEquals(WebhookFormat.FEISHU, infer("https://open.feishu.cn/open-apis/bot/v2/hook/x"));
        assertEquals(WebhookFormat.FEISHU, infer("https://open.larksuite.com/open-apis/bot/v2/hook/x"));
        assertEquals(WebhookFormat.SLACK, infer("https://hooks.slack.com/services/T0/B0/x"));
        assertEquals(WebhookFormat.TEAMS, infer("https://prod-12.westeurope.logic.azure.com:443/workflows/x/triggers/manual/paths/invoke?sig=y"));
        assertEquals(WebhookFormat.TEAMS, infer("https://default1234.ab.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/x"));
        assertEquals(WebhookFormat.TEAMS, infer("https://api.powerautomate.com/x"));
        assertEquals(WebhookFormat.TEAMS, infer("https://flow.microsoft.com/x"));
        assertEquals(WebhookFormat.TEAMS, infer("https://contoso.webhook.office.com/webhookb2/x"));
        assertEquals(WebhookFormat.GENERIC, infer("http://127.0.0.1:8080/robot/send"), "a path alone is not DingTalk's URL");
        assertEquals(WebhookFormat.GENERIC, infer("http://127.0.0.1:8080/hook/x"));
        assertEquals(WebhookFormat.GENERIC, infer("https://psa.example.com/hooks/pcx"));
        assertEquals(WebhookFormat.GENERIC, infer("https://notlogic.azure.com.evil.example/x"), "a suffix, not a substring");
        assertEquals(WebhookFormat.GENERIC, infer("https://evilhooks.slack.com.example/x"));
    }

    @Test
    void otherwiseFromTheToolsPathShapeBehindARelayOrOnTheSandboxsReceiver() {
        assertEquals(WebhookFormat.DINGTALK, infer("http://127.0.0.1:8080/robot/send?access_token=x"));
        assertEquals(WebhookFormat.WECOM, infer("https://relay.example.cn/cgi-bin/webhook/send?key=x"));
        assertEquals(WebhookFormat.FEISHU, infer("http://127.0.0.1:8080/open-apis/bot/v2/hook/x"));
        assertEquals(WebhookFormat.SLACK, infer("http://127.0.0.1:8080/services/T0/B0/x"));
        assertEquals(WebhookFormat.TEAMS, infer("http://127.0.0.1:8080/workflows/x/triggers/manual/paths/invoke"));
        assertEquals(WebhookFormat.GENERIC, infer("http://127.0.0.1:8080/services/T0/x"));
    }

    private static WebhookFormat infer(String url) {
        return WebhookFormat.infer(HttpUrl.get(url));
    }
}
