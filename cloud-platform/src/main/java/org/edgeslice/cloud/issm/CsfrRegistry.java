package org.edgeslice.cloud.issm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CSFR's registry side: the OCI distribution API (Docker Registry HTTP API v2) of the registry the MEPMs pull
 * from: catalogue, tags, whether a tag exists, and the labels of an image (from its config blob).
 */
public final class CsfrRegistry {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String MANIFESTS = "application/vnd.docker.distribution.manifest.v2+json, "
            + "application/vnd.oci.image.manifest.v1+json";

    /** Labels by config blob digest: a blob is content-addressed, so what was read once holds for good. */
    private static final Map<String, Map<String, String>> CONFIG_LABELS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String registry;

    /** @param registry host:port, e.g. 127.0.0.1:5000 */
    public CsfrRegistry(String registry) {
        this.registry = registry;
    }

    public String registry() {
        return registry;
    }

    public List<String> repositories() throws IOException {
        List<String> out = new ArrayList<>();
        get("/v2/_catalog?n=1000").path("repositories").forEach(n -> out.add(n.asText()));
        return out;
    }

    public List<String> tags(String repository) throws IOException {
        List<String> out = new ArrayList<>();
        get("/v2/" + repository + "/tags/list").path("tags").forEach(n -> out.add(n.asText()));
        return out;
    }

    public boolean exists(String repository, String tag) throws IOException {
        return send("/v2/" + repository + "/manifests/" + tag, "HEAD").statusCode() == 200;
    }

    /** The image's config labels, or empty when the tag does not exist. */
    public Optional<Map<String, String>> labels(String repository, String tag) throws IOException {
        HttpResponse<byte[]> m = send("/v2/" + repository + "/manifests/" + tag, "GET");
        if (m.statusCode() != 200) {
            return Optional.empty();
        }
        String digest = JSON.readTree(m.body()).path("config").path("digest").asText(null);
        if (digest == null) {
            return Optional.of(Map.of());
        }
        Map<String, String> known = CONFIG_LABELS.get(digest);
        if (known != null) {
            return Optional.of(known);
        }
        JsonNode labels = get("/v2/" + repository + "/blobs/" + digest).path("config").path("Labels");
        java.util.TreeMap<String, String> out = new java.util.TreeMap<>();
        labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        Map<String, String> read = java.util.Collections.unmodifiableMap(out);
        if (CONFIG_LABELS.size() < 1000) {
            CONFIG_LABELS.put(digest, read);
        }
        return Optional.of(read);
    }

    /**
     * Deletes a tag's manifest (the registry must allow deletes; blobs go at its next garbage collection).
     *
     * @return whether a manifest was deleted
     */
    public boolean delete(String repository, String tag) throws IOException {
        HttpResponse<byte[]> head = send("/v2/" + repository + "/manifests/" + tag, "HEAD");
        Optional<String> digest = head.headers().firstValue("Docker-Content-Digest");
        if (head.statusCode() != 200 || digest.isEmpty()) {
            return false;
        }
        int status = send("/v2/" + repository + "/manifests/" + digest.get(), "DELETE").statusCode();
        return status == 202 || status == 200;
    }

    public boolean reachable() {
        try {
            return send("/v2/", "GET").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode get(String path) throws IOException {
        HttpResponse<byte[]> r = send(path, "GET");
        if (r.statusCode() == 404) {
            return JSON.createObjectNode();
        }
        if (r.statusCode() != 200) {
            throw new IOException("registry " + registry + path + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private HttpResponse<byte[]> send(String path, String method) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + registry + path)).timeout(Duration.ofSeconds(10))
                .header("Accept", MANIFESTS + ", application/json").method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
