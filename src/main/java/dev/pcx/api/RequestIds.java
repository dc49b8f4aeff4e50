package dev.pcx.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version-4 UUIDs for {@code MS-CorrelationId}, {@code MS-RequestId} and Graph's
 * {@code client-request-id}: labels that tie a request to the service's logs, not secrets, so
 * they come from {@link ThreadLocalRandom}. {@link UUID#randomUUID()} would seed a secure random
 * generator first, which on JDK 17 loads every security provider: some 20 ms of every command.
 * (What must be unguessable, a certificate assertion's {@code jti}, keeps {@code randomUUID}.)
 */
public final class RequestIds {
    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;              // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
