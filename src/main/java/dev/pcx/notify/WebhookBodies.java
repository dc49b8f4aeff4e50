package dev.pcx.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;
import okhttp3.Headers;
import okhttp3.HttpUrl;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The request for one message, per format, as shared/chat-webhooks.md documents each tool's body
 * and signing: generic is the event's own JSON (the same object {@code --exec} reads), one event
 * per POST; Teams an Adaptive Card 1.4 as a message attachment; Slack {@code text} in mrkdwn;
 * DingTalk and WeCom {@code msgtype: markdown}; Feishu {@code msg_type: text} (its {@code post} and
 * {@code interactive} layouts are UNCONFIRMED). A message never exceeds its format's size: events
 * that do not fit are left out and named by count ("…and 2 more"); {@link #fits} lets the ledger
 * ask for no more than fit, so none is left out in practice.
 */
final class WebhookBodies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The request to make: the URL (DingTalk's with its signature), the body, the headers beyond the content type. */
    record Post(HttpUrl url, byte[] body, Headers headers, boolean complete) {
    }

    private final WebhookFormat format;
    private final String secret;

    WebhookBodies(WebhookFormat format, String secret) {
        this.format = format;
        this.secret = secret;
    }

    /** Whether all of {@code events} go in one message, within the format's count and size. */
    boolean fits(List<IncidentEvent> events, Instant now) {
        return events.size() <= format.maxEvents() && post(null, events, now).complete();
    }

    /**
     * The request for {@code events}, signed as of {@code now}.
     *
     * @param url the webhook's URL; null only to measure
     */
    Post post(HttpUrl url, List<IncidentEvent> events, Instant now) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a message holds at least one event");
        }
        if (format == WebhookFormat.GENERIC) {
            return generic(url, events, now);
        }
        EventText text = new EventText(markup(), events);
        List<List<String>> blocks = new ArrayList<>();
        for (IncidentEvent e : events) {
            blocks.add(text.lines(e));
        }
        for (int k = blocks.size(); k >= 1; k--) {
            byte[] body = chat(text, blocks.subList(0, k), blocks.size() - k, now);
            if (size(body) <= format.maxBytes()) {
                return signed(url, body, now, k == blocks.size());
            }
        }
        // one event alone is too large (names and a title of 4-byte characters, near WeCom's 4096
        // bytes): its text is cut on a whole code point, ending in an ellipsis
        String whole = String.join("\n", blocks.get(0));
        int left = blocks.size() - 1;
        int keep = whole.getBytes(StandardCharsets.UTF_8).length;
        while (true) {
            String cut = cut(whole, keep);
            byte[] body = chat(text, List.of(List.of(cut + "…")), left, now);
            int over = size(body) - format.maxBytes();
            if (over <= 0 || cut.isEmpty()) {
                return signed(url, body, now, false);
            }
            keep = Math.max(0, keep - over - 8);
        }
    }

    /** The longest start of {@code s} that is at most {@code maxBytes} of UTF-8, ending on a whole code point. */
    static String cut(String s, int maxBytes) {
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) {
                return s.substring(0, i);
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s;
    }

    private Markup markup() {
        return switch (format) {
            case SLACK -> Markup.SLACK;
            case FEISHU -> Markup.PLAIN;
            default -> Markup.MARKDOWN;
        };
    }

    /** What the size limit counts: WeCom's markdown content, every other format's whole body. */
    private int size(byte[] body) {
        if (format == WebhookFormat.WECOM) {
            try {
                return Json.mapper().readTree(body).path("markdown").path("content").asText()
                        .getBytes(StandardCharsets.UTF_8).length;
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body.length;
    }

    private byte[] chat(EventText text, List<List<String>> blocks, int left, Instant now) {
        String heading = text.heading(blocks.size() + left);
        ObjectNode body = NODES.objectNode();
        switch (format) {
            case TEAMS -> {
                ArrayNode cardBody = NODES.arrayNode();
                cardBody.addObject().put("type", "TextBlock").put("text", heading).put("weight", "Bolder")
                        .put("wrap", true);
                for (List<String> lines : blocks) {
                    cardBody.addObject().put("type", "TextBlock").put("text", String.join("\n\n", lines))
                            .put("wrap", true).put("separator", true);
                }
                if (left > 0) {
                    cardBody.addObject().put("type", "TextBlock").put("text", text.more(left)).put("wrap", true)
                            .put("separator", true);
                }
                body.put("type", "message");
                ObjectNode attachment = body.putArray("attachments").addObject();
                attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
                attachment.putNull("contentUrl");
                ObjectNode card = attachment.putObject("content");
                card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
                card.put("type", "AdaptiveCard");
                card.put("version", "1.4");
                card.set("body", cardBody);
            }
            case SLACK -> body.put("text", join(Markup.SLACK.bold(heading), blocks, "\n", left, text));
            case DINGTALK -> {
                body.put("msgtype", "markdown");
                body.putObject("markdown").put("title", heading)
                        .put("text", join("#### " + heading, blocks, "\n\n", left, text));
            }
            case WECOM -> {
                body.put("msgtype", "markdown");
                body.putObject("markdown").put("content", join(Markup.MARKDOWN.bold(heading), blocks, "\n", left, text));
            }
            case FEISHU -> {
                if (secret != null) {
                    long seconds = now.getEpochSecond();
                    body.put("timestamp", Long.toString(seconds));
                    body.put("sign", Signatures.feishu(secret, seconds));
                }
                body.put("msg_type", "text");
                body.putObject("content").put("text", join(heading, blocks, "\n", left, text));
            }
            default -> throw new IllegalStateException(format.word());
        }
        return bytes(body);
    }

    /** The heading, then each event's lines (one event after another, a blank line between), then what was left out. */
    private static String join(String heading, List<List<String>> blocks, String lineBreak, int left, EventText text) {
        StringBuilder out = new StringBuilder(heading);
        String between = lineBreak.equals("\n") ? "\n\n" : lineBreak;
        for (List<String> lines : blocks) {
            out.append(between).append(String.join(lineBreak, lines));
        }
        if (left > 0) {
            out.append(between).append(text.more(left));
        }
        return out.toString();
    }

    private Post signed(HttpUrl url, byte[] body, Instant now, boolean complete) {
        HttpUrl target = url;
        if (format == WebhookFormat.DINGTALK && secret != null && url != null) {
            long millis = now.toEpochMilli();
            target = url.newBuilder().addQueryParameter("timestamp", Long.toString(millis))
                    .addEncodedQueryParameter("sign", Signatures.dingtalk(secret, millis)).build();
        }
        return new Post(target, body, Headers.of(), complete);
    }

    /**
     * The event as {@code --exec} reads it. {@code Idempotency-Key} is the event's key: the ledger
     * posts a message again when its answer did not come (a timeout after it was sent), so a receiver
     * may see one twice and can drop the second by it (chat tools have no such header and would show it as text, hence generic only).
     * With a secret, pcx's own signature: {@code X-Pcx-Timestamp} (Unix seconds) and
     * {@code X-Pcx-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" under the secret>}.
     */
    private Post generic(HttpUrl url, List<IncidentEvent> events, Instant now) {
        if (events.size() != 1) {
            throw new IllegalArgumentException("a generic webhook takes one event per message, not " + events.size());
        }
        IncidentEvent event = events.get(0);
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Headers.Builder headers = new Headers.Builder();
        if (event.key() != null && !event.key().isBlank()) {
            headers.add("Idempotency-Key", Markup.PLAIN.clean(event.key(), 200).replaceAll("[^!-~]", "_"));
        }
        if (secret != null) {
            headers.add("X-Pcx-Timestamp", Long.toString(now.getEpochSecond()));
            headers.add("X-Pcx-Signature", Signatures.generic(secret, now.getEpochSecond(), body));
        }
        return new Post(url, body, headers.build(), true);
    }

    private static byte[] bytes(ObjectNode body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
