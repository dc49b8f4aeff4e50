package dev.pcx.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signatures a signed webhook carries, each exactly as its tool documents it
 * (shared/chat-webhooks.md): DingTalk and Feishu both HMAC-SHA256 the string
 * {@code timestamp + "\n" + secret}, but DingTalk uses it as the message under the secret as key,
 * with the timestamp in milliseconds, while Feishu uses it as the key over an empty message, with
 * the timestamp in seconds. The generic one is pcx's own.
 */
final class Signatures {
    private Signatures() {
    }

    /** DingTalk's {@code sign} query value, URL-encoded: Base64(HmacSHA256(key=secret, timestamp + "\n" + secret)). */
    static String dingtalk(String secret, long timestampMillis) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /** Feishu's {@code sign} body field: Base64(HmacSHA256(key=timestamp + "\n" + secret, empty message)). */
    static String feishu(String secret, long timestampSeconds) {
        byte[] mac = hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Base64.getEncoder().encodeToString(mac);
    }

    /**
     * pcx's generic {@code X-Pcx-Signature}: {@code sha256=} and the hex HMAC-SHA256, under the
     * secret, of the {@code X-Pcx-Timestamp} value, a dot and the body, so a captured request cannot
     * be replayed later under a new timestamp (as Stripe and Slack sign theirs).
     */
    static String generic(String secret, long timestampSeconds, byte[] body) {
        byte[] prefix = (timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), message));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA256; an empty key is refused before we get here
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
