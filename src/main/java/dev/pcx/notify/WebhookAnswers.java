package dev.pcx.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pcx.api.Json;
import dev.pcx.api.Answer;
import okhttp3.Headers;

import java.time.Duration;
import java.util.Set;

/**
 * What a tool's answer to a message means, read every time: DingTalk, WeCom and Feishu answer
 * HTTP 200 to a message they refused, with their own code in the body, so a 200 alone is never
 * taken as delivered. Whatever the tool, a 429 is throttling (its {@code Retry-After} kept), a 5xx
 * may pass later, and a 3xx is a failure: the message is not followed elsewhere.
 *
 * <p>Which refusals may pass later: only the tools' throttling codes (DingTalk 130101 "send too
 * fast", WeCom 45009 "frequency limit"; both UNCONFIRMED). Every other code, the documented ones
 * (310000 DingTalk's keyword/signature/IP settings, 93000 WeCom's bad key) and unknown ones alike,
 * is a refusal of the message as it is: these are robot settings a person must fix, and posting
 * the same message again would only be refused again (and, for DingTalk, count against its rate).
 */
final class WebhookAnswers {
    /** Throttling codes in an HTTP 200 answer: the message may pass later. */
    private static final Set<Long> THROTTLED = Set.of(130101L, 45009L);
    static final int CODE_CHARS = 40;
    static final int MESSAGE_CHARS = 200;

    private WebhookAnswers() {
    }

    /**
     * The failure {@code status} and {@code body} say, or null when the tool took the message.
     *
     * @param body       the start of the body as text (bounded by the caller), empty when none
     * @param headers    the answer's headers
     */
    static Destination.Failure read(WebhookFormat format, int status, String body, Headers headers) {
        String tool = format.tool();
        if (status == 429) {
            Duration wait = new Answer(status, null, headers).retryAfter(); // seconds or an HTTP date, bounded
            return new Destination.Failure(tool + " throttled it (HTTP 429)"
                    + (wait == null ? "" : ", retry after " + wait.toSeconds() + " s"), "429", true, wait);
        }
        if (status >= 300 && status < 400) {
            return new Destination.Failure(tool + " answered HTTP " + status + ", a redirect pcx does not follow "
                    + "(a message goes only to the webhook's own URL)", Integer.toString(status), false);
        }
        if (status >= 500) {
            return new Destination.Failure(tool + " answered HTTP " + status + detail(format, body),
                    Integer.toString(status), true);
        }
        if (status >= 400 || status < 200) {
            String code = format == WebhookFormat.SLACK ? slackCode(body) : null;
            return new Destination.Failure(tool + " refused it: HTTP " + status + detail(format, body),
                    code != null ? code : Integer.toString(status), false);
        }
        return switch (format) {
            case GENERIC, TEAMS -> null;
            case SLACK -> body.strip().equals("ok") ? null : notTheAnswer(tool, status);
            case DINGTALK, WECOM -> errcode(tool, status, body);
            case FEISHU -> feishu(status, body);
        };
    }

    private static Destination.Failure errcode(String tool, int status, String body) {
        JsonNode answer = json(body);
        JsonNode code = answer == null ? null : answer.get("errcode");
        if (code == null || !code.canConvertToLong()) {
            return notTheAnswer(tool, status);
        }
        long errcode = code.asLong();
        if (errcode == 0) {
            return null;
        }
        String errmsg = Markup.PLAIN.clean(answer.path("errmsg").asText(""), MESSAGE_CHARS);
        return new Destination.Failure(tool + " refused it: errcode " + errcode + (errmsg.isEmpty() ? "" : " " + errmsg),
                Long.toString(errcode), THROTTLED.contains(errcode));
    }

    /** {@code code} 0, or the legacy {@code StatusCode} 0, is success. */
    private static Destination.Failure feishu(int status, String body) {
        JsonNode answer = json(body);
        JsonNode code = answer == null ? null : answer.has("code") ? answer.get("code") : answer.get("StatusCode");
        if (code == null || !code.canConvertToLong()) {
            return notTheAnswer("Feishu", status);
        }
        if (code.asLong() == 0) {
            return null;
        }
        String msg = Markup.PLAIN.clean(answer.has("msg") ? answer.path("msg").asText("")
                : answer.path("StatusMessage").asText(""), MESSAGE_CHARS);
        return new Destination.Failure("Feishu refused it: code " + code.asLong() + (msg.isEmpty() ? "" : " " + msg),
                Long.toString(code.asLong()), false);
    }

    private static Destination.Failure notTheAnswer(String tool, int status) {
        return new Destination.Failure(tool + " answered HTTP " + status + " with a body that is not " + tool
                + "'s answer", Integer.toString(status), false);
    }

    /** The tool's own words in a 4xx or 5xx: an errcode/code and its message, Slack's text code, else nothing. */
    private static String detail(WebhookFormat format, String body) {
        if (format == WebhookFormat.SLACK) {
            String code = slackCode(body);
            return code == null ? "" : " " + code;
        }
        JsonNode answer = json(body);
        if (answer == null) {
            return "";
        }
        for (String[] pair : new String[][] {{"errcode", "errmsg"}, {"code", "msg"}, {"StatusCode", "StatusMessage"}}) {
            if (answer.has(pair[0])) {
                String msg = Markup.PLAIN.clean(answer.path(pair[1]).asText(""), MESSAGE_CHARS);
                return " (" + pair[0] + " " + Markup.PLAIN.clean(answer.get(pair[0]).asText(), CODE_CHARS)
                        + (msg.isEmpty() ? "" : " " + msg) + ")";
            }
        }
        JsonNode error = answer.get("error"); // Azure's {"error": {"code", "message"}}
        if (error != null && error.isObject()) {
            return " (" + Markup.PLAIN.clean(error.path("code").asText(""), CODE_CHARS) + " "
                    + Markup.PLAIN.clean(error.path("message").asText(""), MESSAGE_CHARS) + ")";
        }
        return "";
    }

    /** Slack's short text code ({@code invalid_payload}), when the body is one. */
    private static String slackCode(String body) {
        String s = body.strip();
        return s.matches("[a-z0-9_]{1,40}") ? s : null;
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
