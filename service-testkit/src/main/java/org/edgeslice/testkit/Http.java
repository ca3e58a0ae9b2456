package org.edgeslice.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for tests against services on loopback: one shared client, JSON bodies. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20)).version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;

    public Http(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /** A response, its body kept as text. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", "application/json"));
    }

    public Reply get(String path, String accept) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Accept", accept));
    }

    public Reply post(String path, String json) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), "POST", json));
    }

    public Reply put(String path, String json) {
        return send(withJson(HttpRequest.newBuilder(uri(path)), "PUT", json));
    }

    public Reply patch(String path, String json, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", contentType).header("Accept", "application/json"));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().header("Accept", "application/json"));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + (path.startsWith("/") ? path.substring(1) : path));
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder b, String method, String json) {
        return b.method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
    }
}
