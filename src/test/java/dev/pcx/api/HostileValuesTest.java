package dev.pcx.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values a broken or hostile server sends, read without a crash (issue 12). */
class HostileValuesTest {
    @Test
    void characterReferencesBeyondUnicodeBecomeAReplacementCharacter() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFD'", ErrorBodies.unescape("a&#x110000;b&#99999999999;c&#xD800;&#39;"));
    }

    @Test
    void aRetryAfterBeyondReasonIsADay() {
        assertEquals(Duration.ofDays(1), RetryInterceptor.retryAfter("10000000000"));
        assertEquals(Duration.ofDays(1), RetryInterceptor.retryAfter("99999999999999999999999"));
        assertEquals(Duration.ofSeconds(3), RetryInterceptor.retryAfter("3"));
    }

    @Test
    void dotSegmentsAreNeverIds() {
        for (String id : new String[] {"..", ".", "", "%2e%2E", " .. "}) {
            assertThrows(MalformedResponseException.class, () -> ApiRequest.segment(id), id);
        }
        assertEquals("a%2Fb", ApiRequest.segment("a/b"));
    }
}
