package dev.pcx.notify;

import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A webhook URL, which is a credential: the chat tools put the robot's key in it (DingTalk's
 * {@code access_token}, WeCom's {@code key}, Feishu's, Slack's and Teams' path tokens). Checked
 * once (http(s); plain http only to this machine), and shown only redacted: the host, the path
 * segments that are words of the tools' URL shapes ({@code robot}, {@code send}, {@code hook}, ...),
 * every other segment and every query value as {@code …}, never a user or password. As a last
 * guard, {@link #scrub} takes every secret part out of any text pcx is about to show.
 */
final class WebhookUrl {
    static final String MASK = "…";
    /** Path segments shown as they are: the fixed words of the tools' URL shapes, never a token. */
    private static final Set<String> WORDS = Set.of("robot", "send", "cgi-bin", "webhook", "webhooks", "open-apis",
            "bot", "v1", "v2", "hook", "hooks", "services", "workflows", "triggers", "manual", "paths", "invoke",
            "webhookb2", "incomingwebhook", "api", "apis", "powerautomate", "automations", "instances", "events",
            "incidents", "notify", "notifications", "pcx");

    private final HttpUrl url;
    private final List<String> secrets;

    private WebhookUrl(HttpUrl url, List<String> secrets) {
        this.url = url;
        this.secrets = secrets;
    }

    /**
     * {@code text} as a webhook URL, with {@code secret} (may be null) as one more thing never to show.
     *
     * @throws IllegalArgumentException not http(s), or plain http to another machine; the message
     *                                  never holds the URL
     */
    static WebhookUrl parse(String text, String secret) {
        HttpUrl url = text == null ? null : HttpUrl.parse(text.strip());
        if (url == null) {
            throw new IllegalArgumentException("the webhook URL is not an http or https URL");
        }
        if (!url.isHttps() && !loopback(url.host())) {
            throw new IllegalArgumentException("the webhook URL must be https (plain http only to this machine: "
                    + "localhost, 127.0.0.1 or ::1); " + url.host() + " is not");
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(text.strip());
        secrets.add(url.toString());
        for (String part : new String[] {url.username(), url.password(), url.encodedUsername(), url.encodedPassword()}) {
            secrets.add(part);
        }
        for (int i = 0; i < url.querySize(); i++) {
            secrets.add(url.queryParameterValue(i));
        }
        for (int i = 0; i < url.pathSize(); i++) {
            if (!shown(url.pathSegments().get(i))) {
                secrets.add(url.pathSegments().get(i));
                secrets.add(url.encodedPathSegments().get(i));
            }
        }
        if (secret != null) {
            secrets.add(secret);
        }
        // longest first, so that a secret holding another is taken out whole; short values (an
        // empty one, "1") would mask ordinary words and are not secrets anyway
        List<String> kept = secrets.stream().filter(s -> s != null && s.length() >= 4).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new WebhookUrl(url, kept);
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static boolean shown(String segment) {
        return segment.isEmpty() || WORDS.contains(segment.toLowerCase(Locale.ROOT));
    }

    HttpUrl url() {
        return url;
    }

    /** The first 12 hex digits of the SHA-256 of the whole URL: stable, and no way back to the key. */
    String digest() {
        return Digest.sha256(url.toString(), 6);
    }

    /** Host (and port when not the scheme's), path and query with every secret part {@code …}, no scheme. */
    String label() {
        return redact(url, false);
    }

    /** {@code u} (this URL, maybe with signing parameters added) as {@link #label} shows it, with its scheme. */
    static String redacted(HttpUrl u) {
        return redact(u, true);
    }

    private static String redact(HttpUrl u, boolean scheme) {
        StringBuilder out = new StringBuilder();
        if (scheme) {
            out.append(u.scheme()).append("://");
        }
        out.append(u.host().contains(":") ? "[" + u.host() + "]" : u.host());
        if (u.port() != HttpUrl.defaultPort(u.scheme())) {
            out.append(':').append(u.port());
        }
        for (String segment : u.encodedPathSegments()) {
            out.append('/').append(shown(segment) ? segment : MASK);
        }
        for (int i = 0; i < u.querySize(); i++) {
            out.append(i == 0 ? '?' : '&').append(Markup.PLAIN.clean(u.queryParameterName(i), 40)).append('=').append(MASK);
        }
        return out.toString();
    }

    /** {@code text} with every secret part of this URL (and the signing secret) replaced by {@code …}. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
