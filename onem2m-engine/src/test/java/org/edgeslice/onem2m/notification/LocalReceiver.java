package org.edgeslice.onem2m.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.edgeslice.onem2m.common.Json;

/** A real HTTP notification receiver on 127.0.0.1 (JDK built-in server), answering with a chosen X-M2M-RSC. */
public final class LocalReceiver implements AutoCloseable {
    public record Received(Map<String, String> headers, JsonNode body) {
    }

    public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    public volatile int answer = 2000;
    /** How many of the next requests fail with HTTP 500 before answers are normal again. */
    public final AtomicInteger failNext = new AtomicInteger();
    private final HttpServer server;

    public LocalReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, Json.parse(body)));
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("X-M2M-RSC", "5000");
                exchange.sendResponseHeaders(500, -1);
            } else {
                exchange.getResponseHeaders().add("X-M2M-RSC", String.valueOf(answer));
                exchange.sendResponseHeaders(answer == 2000 ? 200 : 400, -1);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    public Received next() throws InterruptedException {
        Received r = received.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no notification arrived within 5 s");
        }
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
