package dev.pcx.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacerTest {
    private final FakeTime time = new FakeTime(Instant.parse("2026-12-01T09:00:00Z"));

    @Test
    void twentyAMinuteThenAWaitUntilTheFirstLeavesTheWindow() throws InterruptedException {
        Pacer pacer = new Pacer(WebhookFormat.DINGTALK.rates(), time, time);
        for (int i = 0; i < 20; i++) {
            pacer.await();
            time.advance(Duration.ofMillis(100));
        }
        assertTrue(time.sleeps.isEmpty(), "20 go at once");
        pacer.await();
        assertEquals(List.of(Duration.ofSeconds(61).minusMillis(2000)), time.sleeps,
                "the 21st waits until the first is 61 s old");
    }

    @Test
    void neverMoreThanTheRateInAnyWindow() throws InterruptedException {
        Pacer pacer = new Pacer(WebhookFormat.WECOM.rates(), time, time);
        Instant[] sent = new Instant[100];
        for (int i = 0; i < sent.length; i++) {
            pacer.await();
            sent[i] = time.instant();
        }
        for (int i = 20; i < sent.length; i++) {
            assertTrue(!sent[i].isBefore(sent[i - 20].plusSeconds(61)), "message " + i);
        }
        assertEquals(Duration.ofSeconds(61 * 4), time.slept());
    }

    @Test
    void slackOneASecondFeishuFiveASecondTeamsAndGenericUnpaced() throws InterruptedException {
        Pacer slack = new Pacer(WebhookFormat.SLACK.rates(), time, time);
        slack.await();
        slack.await();
        assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps);
        time.sleeps.clear();
        Pacer feishu = new Pacer(WebhookFormat.FEISHU.rates(), time, time);
        for (int i = 0; i < 6; i++) {
            feishu.await();
        }
        assertEquals(List.of(Duration.ofSeconds(1)), time.sleeps);
        time.sleeps.clear();
        for (WebhookFormat f : List.of(WebhookFormat.TEAMS, WebhookFormat.GENERIC)) {
            Pacer none = new Pacer(f.rates(), time, time);
            for (int i = 0; i < 1000; i++) {
                none.await();
            }
        }
        assertTrue(time.sleeps.isEmpty());
    }

    @Test
    void aRetryAfterHoldsTheNextMessageBoundedByTenMinutes() throws InterruptedException {
        Pacer pacer = new Pacer(WebhookFormat.TEAMS.rates(), time, time);
        pacer.hold(Duration.ofSeconds(30));
        pacer.await();
        pacer.hold(Duration.ofDays(1));
        pacer.await();
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(10)), time.sleeps);
    }
}
