package dev.pcx.api;

import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long watch: the server closed every pooled connection while pcx waited between polls. One
 * attempt is lost on a closed connection; the next goes on a new one, not on the next closed one.
 */
class StaleConnectionsTest {
    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }

    /**
     * A server that answers each connection's requests; the first {@code held} connections answer
     * one request each only once all of them are open (so the client pools that many), then close.
     */
    private void serve(int held) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        CountDownLatch all = new CountDownLatch(held);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    int n = accepted.incrementAndGet();
                    Thread t = new Thread(() -> answer(s, n <= held ? all : null));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void answer(Socket s, CountDownLatch all) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                while (line != null && !line.isEmpty()) {
                    line = in.readLine();
                }
                if (all != null) {
                    all.countDown();
                    all.await(20, TimeUnit.SECONDS);
                }
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (all != null) {
                    return; // closed by the server once answered: the client keeps it in its pool
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the test has ended
        }
    }

    @Test
    void afterAFailedAttemptTheNextOneTakesANewConnectionNotAnotherClosedOne() throws Exception {
        serve(3);
        List<String> retries = Collections.synchronizedList(new ArrayList<>());
        HttpUrl base = HttpUrl.get("http://127.0.0.1:" + server.getLocalPort() + "/");
        ApiSettings settings = new ApiSettings(base, "en-US", "pcx/test", "c", Duration.ofSeconds(30), null, null, 5,
                d -> { }, System::nanoTime, (method, path, cause, wait, attempt, max) -> retries.add(cause), null);
        ConnectionPool pool = new ConnectionPool(5, 5, TimeUnit.MINUTES);
        OkHttpClient base1 = new OkHttpClient.Builder().connectionPool(pool).retryOnConnectionFailure(false).build();
        OkHttpClient client = base1.newBuilder().addInterceptor(new RetryInterceptor(settings, base1.connectionPool())).build();

        List<Thread> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                try (Response r = client.newCall(new Request.Builder().url(base.resolve("/fill")).build()).execute()) {
                    r.body().string();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            three.add(t);
        }
        for (Thread t : three) {
            t.join(30_000);
        }
        assertEquals(3, accepted.get(), "three connections, now closed by the server, in the pool");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pool.idleConnectionCount() < 3) {
            assertTrue(System.nanoTime() < deadline, "pooled: " + pool.idleConnectionCount());
            Thread.onSpinWait();
        }

        try (Response r = client.newCall(new Request.Builder().url(base.resolve("/poll")).build()).execute()) {
            assertEquals(200, r.code());
        }
        assertEquals(1, retries.size(), "one attempt lost on a closed connection, not one per pooled one: " + retries);
        assertEquals(4, accepted.get(), "the retry opened a new connection");
    }
}
