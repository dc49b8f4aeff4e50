package dev.pcx.api;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteOnceTest {
    private final List<String> said = new ArrayList<>();
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();

    private WriteOnce<String> note() {
        return WriteOnce.<String>of(new WriteOnce.Words("the note", "the note on request 7", "the request",
                "shows it added", "added"), said::add).check("check with: pcx tickets show 7");
    }

    private String lostSend() {
        sends.incrementAndGet();
        throw new TransportException("timeout", "host:443", null);
    }

    @Test
    void anAnswerIsReturnedWithoutReadingBack() {
        assertEquals("after", note().send(() -> "after", () -> {
            reads.incrementAndGet();
            return "x";
        }, s -> true));
        assertEquals(0, reads.get());
        assertTrue(said.isEmpty());
    }

    @Test
    void aLostAnswerWhoseWriteShowsIsTheOutcomeSentOnce() {
        assertEquals("with note", note().send(this::lostSend, () -> "with note", s -> s.contains("note")));
        assertEquals(1, sends.get());
        assertEquals(List.of("the answer to the note was lost; the request shows it added"), said);
    }

    @Test
    void aLostAnswerWhoseWriteDoesNotShowIsNotDoneAndNotSentAgain() {
        TransportException e = assertThrows(TransportException.class,
                () -> note().rerun("run it again").send(this::lostSend, () -> "bare", s -> false));
        assertEquals(1, sends.get());
        assertEquals("the answer to the note on request 7 was lost (timeout), and the request does not show it: "
                + "it was not added (or not yet)", e.getMessage());
        assertEquals("run it again", e.fix());
        assertTrue(!(e instanceof OutcomeUnknownException));
    }

    @Test
    void aNamedWriteIsSentAgainUpToItsAttempts() {
        TransportException e = assertThrows(TransportException.class, () -> note()
                .attempts(3, "filing it again under the same name")
                .missing(s -> "is not there: it was not filed")
                .send(this::lostSend, () -> null, s -> true));
        assertEquals(3, sends.get());
        assertEquals(2, said.size());
        assertTrue(said.get(0).endsWith("does not show it; filing it again under the same name"), said.get(0));
        assertTrue(e.getMessage().startsWith("the answers to the note on request 7 were lost 3 times (timeout)"));
        assertTrue(e.getMessage().endsWith("and the request is not there: it was not filed"), e.getMessage());
    }

    @Test
    void anUnreadableResourceMakesTheOutcomeUnknownWithTheCheck() {
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> note().send(this::lostSend,
                () -> {
                    throw new TransportException("down", "host:443", null);
                }, s -> true));
        assertTrue(e.getMessage().contains("could not be read again: it may or may not have been added"));
        assertEquals("check with: pcx tickets show 7", e.fix());
        assertEquals(1, sends.get());
    }

    @Test
    void anAcceptedWriteWhoseProgressWasLostIsNeverSentAgain() {
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> note().attempts(3, "again")
                .send(() -> {
                    sends.incrementAndGet();
                    throw new OutcomeUnknownException("accepted, then lost", "host:443", null, null);
                }, () -> "x", s -> true));
        assertEquals(1, sends.get());
        assertEquals(0, reads.get());
        assertEquals("check with: pcx tickets show 7", e.fix());
    }

    @Test
    void ctrlCIsThePersonsAndIsNotReadBack() {
        CancelledException c = new CancelledException("host:443", null);
        CancelledException e = assertThrows(CancelledException.class, () -> note().attempts(3, "again").send(() -> {
            sends.incrementAndGet();
            throw c;
        }, () -> {
            reads.incrementAndGet();
            return "x";
        }, s -> true));
        assertSame(c, e);
        assertEquals(1, sends.get());
        assertEquals(0, reads.get());
        assertEquals(List.of("interrupted during the note: it may have been added; check with: pcx tickets show 7"),
                said);
    }

    @Test
    void refusalsPassThroughUntouched() {
        ApiException refused = new ApiException(409, "Conflict", null, null, null, "POST", "/x", null);
        assertSame(refused, assertThrows(ApiException.class, () -> note().send(() -> {
            throw refused;
        }, () -> "x", s -> true)));
    }
}
