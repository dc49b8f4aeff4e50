package dev.pcx.notify;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Signatures against fixed values. The vendors publish the formula and sample code, but no worked
 * example with fixed inputs and output (the copies searched print {@code time.time()}'s), so the
 * expected strings were computed apart, with Python's {@code hmac} from the formula in
 * chat-webhooks.md, and are checked here against a javax.crypto computation of the same formula too.
 */
class SignaturesTest {
    @Test
    void dingTalkSignsTimestampNewlineSecretUnderTheSecretUrlEncoded() throws Exception {
        String secret = "SECtest-secret-0123456789abcdef";
        long ts = 1700000000123L;
        // python3: quote_plus(b64encode(hmac.new(secret, f"{ts}\n{secret}", sha256).digest()))
        assertEquals("p%2Fkvy6OU9CGg9aWLFev%2FhJp6dz5Kssp94Zcv7sxelyM%3D", Signatures.dingtalk(secret, ts));
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8), (ts + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        assertEquals(URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8),
                Signatures.dingtalk(secret, ts));
    }

    @Test
    void feishuSignsAnEmptyMessageUnderTimestampNewlineSecret() throws Exception {
        String secret = "feishu-secret-XYZ";
        long ts = 1700000000L;
        // python3: b64encode(hmac.new(f"{ts}\n{secret}", b"", sha256).digest())
        assertEquals("o1KBpJTznX8C4fxbt8J7Da9Mp4a6EeqmnxCnoApf2vI=", Signatures.feishu(secret, ts));
        byte[] mac = hmac((ts + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertEquals(Base64.getEncoder().encodeToString(mac), Signatures.feishu(secret, ts));
    }

    @Test
    void genericIsHexHmacOfTheTimestampADotAndTheBody() {
        // python3: hmac.new(b"generic-secret", b'1700000000.{"key":"k1"}', sha256).hexdigest()
        assertEquals("sha256=74e75c745857605be56b9a53a9fe9063fff3cdee7c15b8f3b0d0332bf5afe01e",
                Signatures.generic("generic-secret", 1700000000L, "{\"key\":\"k1\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
