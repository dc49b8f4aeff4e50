package dev.pcx.api;

import dev.pcx.api.model.Link;
import dev.pcx.api.model.Links;
import dev.pcx.api.model.ResourceCollection;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A call on the wire whose answer nobody needs any more is cancelled, not waited out (an interrupt would not stop it). */
class CallScopeTest {
    private MockWebServer server;
    private final OkHttpClient client = new OkHttpClient.Builder().addInterceptor(CallScope.INTERCEPTOR)
            .readTimeout(60, TimeUnit.SECONDS).build();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
        client.dispatcher().executorService().shutdown();
    }

    private static MockResponse slow() {
        return new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("{}").build();
    }

    @Test
    void cancellingTheScopeEndsItsCallOnTheWire() throws Exception {
        server.enqueue(slow());
        CallScope scope = new CallScope();
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> scope.run(() -> {
            try (Response r = client.newCall(new Request.Builder().url(server.url("/slow")).build()).execute()) {
                return "answered " + r.code();
            } catch (IOException e) {
                return "failed: " + e.getMessage();
            }
        }));
        assertNotNull(server.takeRequest(10, TimeUnit.SECONDS), "the call reached the server");
        long start = System.nanoTime();
        scope.cancel();
        String outcome = call.get(10, TimeUnit.SECONDS);
        assertTrue(outcome.startsWith("failed"), outcome);
        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 10, "cancelled, not waited out");
    }

    @Test
    void aReaderThatStopsCancelsThePageFetchedAheadOnTheWire() throws Exception {
        server.enqueue(slow());
        CountDownLatch ended = new CountDownLatch(1);
        String[] how = new String[1];
        Pages<String> pages = new Pages<>(request -> {
            if (request.target().contains("page=2")) {
                try (Response r = client.newCall(new Request.Builder().url(server.url("/customers?page=2")).build())
                        .execute()) {
                    how[0] = "answered " + r.code();
                } catch (IOException e) {
                    how[0] = "cancelled: " + e.getMessage();
                } finally {
                    ended.countDown();
                }
                return new ResourceCollection<>(null, List.of(), null, null, null);
            }
            Links links = new Links();
            links.put("next", new Link("/customers?page=2", "GET", List.of()));
            return new ResourceCollection<>(null, List.of("1a", "1b"), links, null, null);
        }, ApiRequest.get("customers").build());
        boolean more = pages.forEach(-1, item -> {
            if (item.equals("1a")) {
                try {
                    assertNotNull(server.takeRequest(10, TimeUnit.SECONDS), "page 2 was asked for ahead");
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }, () -> false); // the reader has gone ('| head')
        assertEquals(false, more);
        assertTrue(ended.await(10, TimeUnit.SECONDS), "the fetch ahead was left on the wire");
        assertTrue(how[0].startsWith("cancelled"), how[0]);
    }
}
