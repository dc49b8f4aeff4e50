package dev.pcx.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable name for a text that cannot be turned back into it: a destination's id, an event key's digest. */
final class Digest {
    private Digest() {
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text} (UTF-8), in hex. */
    static String sha256(String text, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
