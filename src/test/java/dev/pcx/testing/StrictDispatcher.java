package dev.pcx.testing;

import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The mock server's queue of answers, strict both ways (as gh's httpmock registry is): a request
 * that finds no answer waiting is recorded as unexpected and answered at once with a 599 (never
 * left to hang), and an answer nobody asked for is a stub the test did not need. {@link
 * MockServerTest} fails the test on either, after it has run.
 */
public final class StrictDispatcher extends QueueDispatcher {
    private final List<String> unexpected = new ArrayList<>();
    private int optional;

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse next = getResponseQueue().poll();
        if (next != null) {
            return next;
        }
        synchronized (this) {
            unexpected.add(request.getMethod() + " " + request.getTarget());
        }
        return new MockResponse.Builder().code(599).body("{\"error\":\"no answer was queued for this request\"}")
                .build();
    }

    /**
     * Lets the last {@code count} answers queued go unused: for a walk that may fetch one page
     * ahead, or not, depending on when the reader stops.
     */
    public synchronized void mayLeaveUnused(int count) {
        optional = count;
    }

    /** What went wrong with the queue: requests that found no answer, answers never asked for. */
    public synchronized List<String> problems() {
        List<String> out = new ArrayList<>();
        for (String r : unexpected) {
            out.add("unexpected request: " + r);
        }
        int left = getResponseQueue().size();
        if (left > optional) {
            out.add((left - optional) + " queued answer(s) never asked for");
        }
        return out;
    }
}
