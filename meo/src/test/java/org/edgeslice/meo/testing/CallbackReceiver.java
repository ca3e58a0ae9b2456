package org.edgeslice.meo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A notification consumer on 127.0.0.1 in the test JVM: records every POSTed body, answers 204 (or 503 for the
 * first {@code failFirst} requests, to exercise redelivery).
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    public CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                synchronized (received) {
                    received.add(JSON.readTree(body));
                    received.notifyAll();
                }
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    public void failNext(int n) {
        failuresLeft.set(n);
    }

    public int refused() {
        return refused.get();
    }

    public List<JsonNode> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** Waits until some received notification satisfies the predicate; returns it or throws after the timeout. */
    public JsonNode await(Predicate<JsonNode> wanted, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (received) {
            while (true) {
                for (JsonNode n : received) {
                    if (wanted.test(n)) {
                        return n;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no matching notification within " + timeoutMs + " ms; received " + received);
                }
                try {
                    received.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
