package dev.pcx.notify;

import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a webhook URL expects: pcx's own event JSON ({@code generic}) or one chat tool's message
 * (shared/chat-webhooks.md). Each tool's limits live here, in one place: how many events one
 * message may carry, how many bytes its text may take, how fast it may be posted to, whether it
 * can be signed. Where the tool documents no limit, the numbers are pcx's own, kept well below
 * what such tools take.
 */
public enum WebhookFormat {
    /** pcx's own: one POST per event, the event's JSON as is. */
    GENERIC("generic", "Webhook", 1, Integer.MAX_VALUE, List.of(), true),
    /** A Teams Workflows trigger; no documented limits (UNCONFIRMED), so pcx's own bound of 16 kB of body. */
    TEAMS("teams", "Teams", 10, 16_000, List.of(), false),
    /** About one message a second per webhook (UNCONFIRMED); the body bounded by pcx at 16 kB. */
    SLACK("slack", "Slack", 10, 16_000, List.of(new Pacer.Rate(1, Duration.ofSeconds(1))), false),
    /**
     * 20 messages a minute per robot, throttled for 10 minutes beyond; counted over 61 s so that
     * network jitter cannot put a 21st in DingTalk's minute. No size limit is documented: pcx's own
     * 16 kB of body.
     */
    DINGTALK("dingtalk", "DingTalk", 10, 16_000, List.of(new Pacer.Rate(20, Duration.ofSeconds(61))), true),
    /** 20 messages a minute per robot (61 s as for DingTalk); markdown content at most 4096 bytes. */
    WECOM("wecom", "WeCom", 10, 4096, List.of(new Pacer.Rate(20, Duration.ofSeconds(61))), false),
    /**
     * The whole body at most 20 kB (taken as 20,000 bytes, the signature fields counted); 5 a second
     * and 100 a minute, the commonly quoted limits (UNCONFIRMED).
     */
    FEISHU("feishu", "Feishu", 10, 20_000, List.of(new Pacer.Rate(5, Duration.ofSeconds(1)),
            new Pacer.Rate(100, Duration.ofSeconds(61))), true);

    private final String word;
    private final String tool;
    private final int maxEvents;
    private final int maxBytes;
    private final List<Pacer.Rate> rates;
    private final boolean signs;

    WebhookFormat(String word, String tool, int maxEvents, int maxBytes, List<Pacer.Rate> rates, boolean signs) {
        this.word = word;
        this.tool = tool;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.rates = rates;
        this.signs = signs;
    }

    /** The option's word: {@code dingtalk}. */
    public String word() {
        return word;
    }

    /** The tool's name for a person: {@code DingTalk}. */
    public String tool() {
        return tool;
    }

    /** At most this many events in one message. */
    int maxEvents() {
        return maxEvents;
    }

    /** At most this many UTF-8 bytes: of the markdown content for WeCom (its documented limit), of the whole body for the others. */
    int maxBytes() {
        return maxBytes;
    }

    List<Pacer.Rate> rates() {
        return rates;
    }

    /** Whether a signing secret means something to this format. */
    public boolean signs() {
        return signs;
    }

    @Override
    public String toString() {
        return word;
    }

    /** The format {@code word} names, in any case. */
    public static WebhookFormat parse(String word) {
        String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        for (WebhookFormat f : values()) {
            if (f.word.equals(w)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown webhook format '" + Markup.PLAIN.clean(word == null ? "" : word, 40)
                + "': use " + words());
    }

    /** {@code generic, teams, slack, dingtalk, wecom or feishu}. */
    public static String words() {
        List<String> all = Arrays.stream(values()).map(WebhookFormat::word).collect(Collectors.toList());
        return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }

    /**
     * The format a URL's host says, when none was given: the chat tools' webhook hosts
     * (Teams: the Power Automate / Power Platform and Logic Apps hosts of a Workflows trigger, and
     * the retired connectors' webhook.office.com); anything else, loopback included, is generic.
     */
    public static WebhookFormat infer(HttpUrl url) {
        String host = url.host().toLowerCase(Locale.ROOT);
        if (host.equals("oapi.dingtalk.com")) {
            return DINGTALK;
        }
        if (host.equals("qyapi.weixin.qq.com")) {
            return WECOM;
        }
        if (host.equals("open.feishu.cn") || host.equals("open.larksuite.com")) {
            return FEISHU;
        }
        if (host.equals("hooks.slack.com")) {
            return SLACK;
        }
        for (String domain : List.of("powerautomate.com", "powerplatform.com", "flow.microsoft.com", "logic.azure.com",
                "webhook.office.com")) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return TEAMS;
            }
        }
        return byPath(url);
    }

    /**
     * The format a URL's path and query say, whatever the host (a relay, a proxy, the sandbox's
     * receiver): each tool's own path shape. GENERIC when none matches.
     */
    private static WebhookFormat byPath(HttpUrl url) {
        String path = url.encodedPath();
        if (path.equals("/robot/send") && url.queryParameter("access_token") != null) {
            return DINGTALK;
        }
        if (path.equals("/cgi-bin/webhook/send") && url.queryParameter("key") != null) {
            return WECOM;
        }
        if (path.startsWith("/open-apis/bot/v2/hook/")) {
            return FEISHU;
        }
        if (path.matches("/services/T[^/]+/B[^/]+/[^/]+")) {
            return SLACK;
        }
        if (path.matches("/workflows/[^/]+/triggers/manual/paths/invoke")) {
            return TEAMS;
        }
        return GENERIC;
    }
}
