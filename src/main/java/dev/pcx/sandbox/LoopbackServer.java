package dev.pcx.sandbox;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's HTTP server as the sandbox and its webhook receiver run it: on one address, handled by
 * a pool of daemon threads (a test or a {@code pcx --sandbox} run never waits for them to end), with
 * Nagle's algorithm off, stopped at once.
 */
final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Listens on {@code host}:{@code port} (0: a free one) and hands every request to {@code handler}.
     * A port in use is an {@link UncheckedIOException} naming it.
     */
    static LoopbackServer start(String host, int port, int backlog, int threads, String threadName, HttpHandler handler) {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each answer
        // then waits for the client's delayed ACK (some 40 ms a page). Read once, when the server
        // classes initialise.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), backlog);
            ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.createContext("/", handler);
            server.start();
            return new LoopbackServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
