package org.edgeslice.cloud.ciss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.edgeslice.onem2m.common.Json;

/**
 * A oneM2M HTTP binding client (TS-0009) for the CISS's requests to slices: CREATE, RETRIEVE, DELETE and raw
 * forwarding of a cloud retrieve. One shared {@link HttpClient}: connections to a slice are kept alive.
 */
public final class Onem2mClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicLong RI = new AtomicLong();

    /** A oneM2M answer: HTTP status, {@code X-M2M-RSC}, headers and body. */
    public record Reply(int status, int rsc, Map<String, String> headers, byte[] body) {

        public JsonNode json() {
            return body.length == 0 ? Json.object() : Json.parse(body);
        }

        public boolean ok() {
            return rsc >= 2000 && rsc < 3000;
        }

        @Override
        public String toString() {
            return status + " rsc=" + rsc + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Onem2mClient() {
    }

    /** CREATE: POST with {@code ty} in the Content-Type. */
    public static Reply create(String base, String path, String from, int ty, ObjectNode body) throws IOException {
        return send(HttpRequest.newBuilder(uri(base, path, null))
                .header("Content-Type", "application/json;ty=" + ty)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))), from);
    }

    public static Reply retrieve(String base, String path, String query, String from) throws IOException {
        return send(HttpRequest.newBuilder(uri(base, path, query)).GET(), from);
    }

    public static Reply update(String base, String path, String from, ObjectNode body) throws IOException {
        return send(HttpRequest.newBuilder(uri(base, path, null)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))), from);
    }

    public static Reply delete(String base, String path, String from) throws IOException {
        return send(HttpRequest.newBuilder(uri(base, path, null)).DELETE(), from);
    }

    private static URI uri(String base, String path, String query) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String p = path.startsWith("/") ? path : "/" + path;
        return URI.create(b + p + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    private static Reply send(HttpRequest.Builder b, String from) throws IOException {
        HttpRequest req = b.header("X-M2M-Origin", from)
                .header("X-M2M-RI", "ciss-" + RI.incrementAndGet())
                .header("X-M2M-RVI", "3")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<byte[]> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            r.headers().map().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    headers.put(k, v.get(0));
                }
            });
            int rsc = parse(headers.get("X-M2M-RSC"), r.statusCode());
            return new Reply(r.statusCode(), rsc, headers, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int parse(String rsc, int status) {
        try {
            return rsc == null ? (status / 100 == 2 ? 2000 : status * 10) : Integer.parseInt(rsc.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
