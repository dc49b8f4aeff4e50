package dev.pcx.api;

import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Response bodies read whole, but never past {@link RetryInterceptor#MAX_BODY_BYTES}: a hostile answer cannot fill the heap. */
public final class Bodies {
    private Bodies() {
    }

    /** The body as UTF-8 text; an {@link IOException} when it is larger than the bound. */
    public static String text(ResponseBody body) throws IOException {
        Buffer buffer = new Buffer();
        try (BufferedSource source = body.source()) {
            while (source.read(buffer, 64 * 1024) != -1) {
                if (buffer.size() > RetryInterceptor.MAX_BODY_BYTES) {
                    throw new RetryInterceptor.BodyTooLargeException();
                }
            }
        }
        return buffer.readString(StandardCharsets.UTF_8);
    }
}
