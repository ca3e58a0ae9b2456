package org.edgeslice.cloud.meo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.LcmSubscriptionRequest;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.contract.mec010.pkgm.CreateAppPkg;

/**
 * The ISS's and ISSM's client of the MEO's Mm1 reference point (ETSI GS MEC 010-2: app_pkgm/v1, app_lcm/v1).
 * Requests are written with the shared contract records; responses are read as trees, tolerantly (a client
 * ignores what it does not use, so a newer MEO stays compatible). Every non-2xx answer is a {@link MeoException}
 * carrying the MEO's ProblemDetails.
 */
public final class MeoClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final String apiRoot;

    public MeoClient(String apiRoot) {
        this.apiRoot = apiRoot.endsWith("/") ? apiRoot.substring(0, apiRoot.length() - 1) : apiRoot;
    }

    public String apiRoot() {
        return apiRoot;
    }

    /** A non-2xx answer (or no answer) from the MEO. */
    public static final class MeoException extends RuntimeException {
        private final int status;

        public MeoException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A 2xx answer: status, Location header, body. */
    public record Reply(int status, Optional<String> location, JsonNode body) {
    }

    /** MEC 010-2 clause 7.3.1, AppPackages GET. */
    public JsonNode appPackages() {
        return send("GET", "/app_pkgm/v1/app_packages", null).body();
    }

    /** MEC 010-2 clause 7.3.1, AppPackages POST. */
    public JsonNode createAppPackage(CreateAppPkg body) {
        return send("POST", "/app_pkgm/v1/app_packages", body).body();
    }

    /** MEC 010-2 clause 7.3.2, IndividualAppPackage GET. */
    public JsonNode appPackage(String id) {
        return send("GET", "/app_pkgm/v1/app_packages/" + id, null).body();
    }

    /** MEC 010-2 clause 7.4.2, AppInstances POST. */
    public JsonNode createAppInstance(CreateAppInstanceRequest body) {
        return send("POST", "/app_lcm/v1/app_instances", body).body();
    }

    /** MEC 010-2 clause 7.4.3, IndividualAppInstance GET. */
    public JsonNode appInstance(String id) {
        return send("GET", "/app_lcm/v1/app_instances/" + id, null).body();
    }

    /** MEC 010-2 clause 7.4.3, IndividualAppInstance DELETE. */
    public void deleteAppInstance(String id) {
        send("DELETE", "/app_lcm/v1/app_instances/" + id, null);
    }

    /** MEC 010-2 clause 7.4.4, InstantiateAppInstance POST: returns the op occurrence id (from Location). */
    public String instantiate(String id, InstantiateAppRequest body) {
        return opOccId(send("POST", "/app_lcm/v1/app_instances/" + id + "/instantiate", body));
    }

    /** MEC 010-2 clause 7.4.5, TerminateAppInstance POST. */
    public String terminate(String id, TerminateAppRequest body) {
        return opOccId(send("POST", "/app_lcm/v1/app_instances/" + id + "/terminate", body));
    }

    /** MEC 010-2 clause 7.4.9, IndividualAppLcmOpOcc GET. */
    public JsonNode opOcc(String id) {
        return send("GET", "/app_lcm/v1/app_lcm_op_occs/" + id, null).body();
    }

    /** MEC 010-2 clause 7.4.6, Subscriptions GET: the subscription link list. */
    public JsonNode subscriptions() {
        return send("GET", "/app_lcm/v1/subscriptions", null).body();
    }

    /** MEC 010-2 clause 7.4.6, Subscriptions POST: returns the subscription id. */
    public String subscribe(LcmSubscriptionRequest body) {
        return send("POST", "/app_lcm/v1/subscriptions", body).body().path("id").asText();
    }

    /** Any GET under the apiRoot (project APIs of the MEO, e.g. mec_hosts/v1). */
    public JsonNode get(String path) {
        return send("GET", path, null).body();
    }

    public boolean reachable() {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(apiRoot + "/app_lcm/v1/app_instances"))
                    .timeout(Duration.ofSeconds(2)).header("Accept", "application/json").GET().build();
            return CLIENT.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String opOccId(Reply r) {
        String loc = r.location().orElseThrow(() -> new MeoException(r.status(), "the MEO answered "
                + r.status() + " without the Location of the operation occurrence"));
        return loc.substring(loc.lastIndexOf('/') + 1);
    }

    private Reply send(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiRoot + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = r.body().length == 0 ? JSON.createObjectNode() : readOrText(r.body());
            if (r.statusCode() / 100 != 2) {
                String detail = json.path("detail").asText(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                throw new MeoException(r.statusCode(), method + " " + path + " -> " + r.statusCode() + ": " + detail);
            }
            return new Reply(r.statusCode(), r.headers().firstValue("Location"), json);
        } catch (IOException e) {
            throw new MeoException(503, "the MEO at " + apiRoot + " is unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeoException(503, "interrupted");
        }
    }

    private static JsonNode readOrText(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
