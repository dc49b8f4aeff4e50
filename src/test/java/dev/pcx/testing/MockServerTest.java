package dev.pcx.testing;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command tests against a MockWebServer standing in for Partner Center, with pcx pointed at it. */
public abstract class MockServerTest {
    protected static final String TOKEN = "test-token-3f9a";
    protected MockWebServer server;
    /** The server's queue: a request with no answer queued, or an answer left unused, fails the test. */
    protected StrictDispatcher queue;
    protected Pcx pcx;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        queue = new StrictDispatcher();
        server.setDispatcher(queue);
        server.start();
        pcx = new Pcx().env("PCX_ENDPOINT", server.url("/").toString()).env("PCX_ACCESS_TOKEN", TOKEN);
    }

    /**
     * A new mock server in place of this one, its queue as strict; what the old queue holds is checked
     * first. pcx's endpoints must be pointed at {@link #server} again.
     */
    protected void restartServer() throws IOException {
        List<String> problems = queue.problems();
        assertTrue(problems.isEmpty(), () -> "the mock server's queue: " + problems);
        server.close();
        server = new MockWebServer();
        queue = new StrictDispatcher();
        server.setDispatcher(queue);
        server.start();
    }

    @AfterEach
    void stopServer() {
        List<String> problems = queue.problems(); // before close, which queues a dead letter
        server.close();
        assertTrue(problems.isEmpty(), () -> "the mock server's queue: " + problems);
    }

    /** The next request pcx sent, waiting at most 5 s for it. */
    protected RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(r, "expected a request");
        return r;
    }
}
