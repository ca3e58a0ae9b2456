package org.edgeslice.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A device's HTTP side: the handler's device API ({@code iot_slicing/v1}) and the oneM2M HTTP binding
 * (TS-0009) towards a CSE, over one keep-alive client.
 */
final class Device {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong RI = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;

    Device(String origin) {
        this.origin = origin;
    }

    /** {@code servedBy}: the CISS's {@code X-EdgeSlice-Served-By} when a redirected retrieve was answered by a slice. */
    record Reply(int status, JsonNode body, String location, String rsc, String servedBy) {
    }

    /** POST a slicing request to the handler (step 01); returns the request's Location. */
    String requestService(String handler, JsonNode request) throws IOException {
        Reply r = send(HttpRequest.newBuilder(URI.create(handler + "/iot_slicing/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        if (r.status() != 201 || r.location() == null) {
            throw new IOException("the handler refused the request: " + r.status() + " " + r.body());
        }
        return r.location();
    }

    /**
     * POST a slicing request with {@code Prefer: wait=N} (RFC 7240): the handler answers once the request is
     * COMPLETED or FAILED, or after N seconds; then this long polls for the rest. The request's final state.
     */
    JsonNode requestServiceAndAwait(String handler, JsonNode request, int waitSeconds) throws IOException {
        Reply r = send(HttpRequest.newBuilder(URI.create(handler + "/iot_slicing/v1/requests"))
                .header("Content-Type", "application/json").header("Prefer", "wait=" + waitSeconds)
                .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
        if (r.status() != 201 || r.location() == null) {
            throw new IOException("the handler refused the request: " + r.status() + " " + r.body());
        }
        return "PROCESSING".equals(r.body().path("state").asText()) ? awaitOutcome(r.location()) : r.body();
    }

    JsonNode get(String url) throws IOException {
        Reply r = send(HttpRequest.newBuilder(URI.create(url)).GET());
        if (r.status() != 200) {
            throw new IOException("GET " + url + " -> " + r.status() + " " + r.body());
        }
        return r.body();
    }

    /**
     * The handler's request resource once it is no longer PROCESSING. Long polls: each GET after the first carries
     * the last ETag and {@code Prefer: wait=20} (RFC 7240), and the handler answers when the request changes (304
     * after 20 s unchanged). A handler without ETags answers at once; then this polls every 5 ms.
     */
    JsonNode awaitOutcome(String url) throws IOException {
        String etag = null;
        try {
            while (true) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
                if (etag != null) {
                    b.header("If-None-Match", etag).header("Prefer", "wait=20");
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 304) {
                    continue;
                }
                if (r.statusCode() != 200) {
                    throw new IOException("GET " + url + " -> " + r.statusCode() + " " + r.body());
                }
                JsonNode body = JSON.readTree(r.body());
                if (!"PROCESSING".equals(body.path("state").asText())) {
                    return body;
                }
                etag = r.headers().firstValue("ETag").orElse(null);
                if (etag == null) {
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** PUT of a JSON document (not oneM2M): the answer's body, or an IOException if it is not a 2xx. */
    JsonNode put(String url, String json) throws IOException {
        Reply r = send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (r.status() / 100 != 2) {
            throw new IOException("PUT " + url + " -> " + r.status() + " " + r.body());
        }
        return r.body();
    }

    int delete(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE()).status();
    }

    /** oneM2M CREATE (TS-0009: POST with {@code ty} in the Content-Type). */
    Reply create(String target, int ty, String body) throws IOException {
        return send(oneM2M(target).header("Content-Type", "application/json;ty=" + ty)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** oneM2M RETRIEVE. */
    Reply retrieve(String target) throws IOException {
        return send(oneM2M(target).GET());
    }

    private HttpRequest.Builder oneM2M(String target) {
        return HttpRequest.newBuilder(URI.create(target)).header("X-M2M-Origin", origin)
                .header("X-M2M-RI", "demo-" + RI.incrementAndGet()).header("X-M2M-RVI", "3")
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            String location = r.headers().firstValue("Location").orElse(null);
            if (location != null && !location.startsWith("http")) {
                location = r.uri().resolve(location).toString();
            }
            return new Reply(r.statusCode(), body, location, r.headers().firstValue("X-M2M-RSC").orElse(null),
                    r.headers().firstValue("X-EdgeSlice-Served-By").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
