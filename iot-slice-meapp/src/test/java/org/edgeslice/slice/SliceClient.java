package org.edgeslice.slice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A oneM2M HTTP client for the tests: java.net.http on 127.0.0.1, one client reused for every request. */
final class SliceClient {
    private static final AtomicInteger RI = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    HttpResponse<String> send(String method, int port, String path, String origin, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .header("X-M2M-RI", "t" + RI.incrementAndGet())
                .header("X-M2M-RVI", "3");
        if (origin != null) {
            b.header("X-M2M-Origin", origin);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        b.method(method, p);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(int port, String path, String origin) throws IOException, InterruptedException {
        return send("GET", port, path, origin, null, null);
    }

    HttpResponse<String> create(int port, String path, String origin, int ty, String body)
            throws IOException, InterruptedException {
        return send("POST", port, path, origin, "application/json;ty=" + ty, body);
    }

    static String rsc(HttpResponse<?> r) {
        return r.headers().firstValue("X-M2M-RSC").orElse(null);
    }
}
