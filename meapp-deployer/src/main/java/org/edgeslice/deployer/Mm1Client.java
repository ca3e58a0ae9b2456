package org.edgeslice.deployer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The MEO's Mm1 reference point (ETSI GS MEC 010-2 {@code app_pkgm/v1} and {@code app_lcm/v1}), as an OSS uses it. */
final class Mm1Client {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String meo;

    Mm1Client(String meoApiRoot) {
        this.meo = meoApiRoot.endsWith("/") ? meoApiRoot.substring(0, meoApiRoot.length() - 1) : meoApiRoot;
    }

    /** MEC 010-2 clause 7.3.1.3.2, app_packages GET. */
    JsonNode appPackages() throws IOException {
        return send("GET", "/app_pkgm/v1/app_packages", null, 200).body();
    }

    /** MEC 010-2 clause 7.3.1.3.1, app_packages POST: create the package and onboard it from appPkgPath. */
    JsonNode createAppPackage(JsonNode createAppPkg) throws IOException {
        return send("POST", "/app_pkgm/v1/app_packages", createAppPkg, 201).body();
    }

    /** MEC 010-2 clause 7.3.2.3.2, individual app package GET. */
    JsonNode appPackage(String id) throws IOException {
        return send("GET", "/app_pkgm/v1/app_packages/" + id, null, 200).body();
    }

    /** MEC 010-2 clause 7.4.2.3.2, app_instances GET. */
    JsonNode appInstances() throws IOException {
        return send("GET", "/app_lcm/v1/app_instances", null, 200).body();
    }

    /** MEC 010-2 clause 7.4.2.3.1, app_instances POST. */
    JsonNode createAppInstance(JsonNode request) throws IOException {
        return send("POST", "/app_lcm/v1/app_instances", request, 201).body();
    }

    /** MEC 010-2 clause 7.4.3.3.2, individual app instance GET. */
    JsonNode appInstance(String id) throws IOException {
        return send("GET", "/app_lcm/v1/app_instances/" + id, null, 200).body();
    }

    /** MEC 010-2 clause 7.4.6.3.1, instantiate POST: answers 202 with the op occurrence's Location. */
    String instantiate(String id, JsonNode request) throws IOException {
        return send("POST", "/app_lcm/v1/app_instances/" + id + "/instantiate", request, 202).location();
    }

    /** MEC 010-2 clause 7.4.10.3.2, individual app LCM op occurrence GET. */
    JsonNode get(String absoluteUrl) throws IOException {
        return send("GET", absoluteUrl, null, 200).body();
    }

    /** The MEO's MEC host inventory (project API, docs/interfaces.md): one host with its MEPM's apiRoot. */
    JsonNode host(String hostId) throws IOException {
        return send("GET", "/mec_hosts/v1/hosts/" + hostId, null, 200).body();
    }

    record Reply(JsonNode body, String location) {
    }

    private Reply send(String method, String path, JsonNode body, int expected) throws IOException {
        URI uri = URI.create(path.startsWith("http") ? path : meo + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IOException(method + " " + uri + " answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode json = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            String location = r.headers().firstValue("Location").orElse(null);
            if (location != null && !location.startsWith("http")) {
                location = uri.resolve(location).toString();
            }
            return new Reply(json, location);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
