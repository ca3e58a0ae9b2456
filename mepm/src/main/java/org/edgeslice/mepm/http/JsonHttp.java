package org.edgeslice.mepm.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.edgeslice.support.json.Json;

/**
 * The one HTTP client of the MEPM for its calls to the MEO, the MEC platform and subscribers (loopback, JSON).
 * java.net.http rather than an MP Rest Client: the MEPM needs the status code, Location header and timeouts of
 * every call (202 polling, retries), and one shared client keeps connections alive.
 */
public final class JsonHttp {

    /** Reads what peers send leniently: a newer peer's extra attributes must not break the MEPM. */
    public static final ObjectMapper READ = Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();

    private JsonHttp() {
    }

    /** A response: status, body text and the Location header if any. */
    public record Reply(int status, String body, Optional<String> location) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? READ.nullNode() : READ.readTree(body);
            } catch (IOException e) {
                throw new PeerException("not JSON: " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return READ.readValue(body, type);
            } catch (IOException e) {
                throw new PeerException("unexpected body (" + e.getMessage() + "): " + body, e);
            }
        }
    }

    /** A peer did not answer or answered nonsense. */
    public static class PeerException extends RuntimeException {
        public PeerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Reply send(String method, String url, Object body, String bearer, Duration timeout) {
        return send(method, url, body, bearer, timeout, Map.of());
    }

    /** As {@link #send(String, String, Object, String, Duration)}, with more request headers. */
    public static Reply send(String method, String url, Object body, String bearer, Duration timeout,
                             Map<String, String> headers) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.mapper().writeValueAsString(body));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).method(method, publisher)
                    .header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            headers.forEach(b::header);
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Location"));
        } catch (IOException e) {
            throw new PeerException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerException(method + " " + url + " interrupted", e);
        }
    }

    /** Resolves a Location header against the request URL. */
    public static String resolve(String base, String location) {
        return URI.create(base).resolve(location).toString();
    }
}
