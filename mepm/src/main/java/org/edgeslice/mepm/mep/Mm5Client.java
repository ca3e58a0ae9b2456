package org.edgeslice.mepm.mep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.http.JsonHttp;
import org.edgeslice.support.json.Json;

/**
 * Mm5 towards the host's MEC platform (project API, docs/interfaces.md), with the bearer secret
 * {@code mepm.mm5.secret}: the app's platform configuration before it starts, readiness, the MEC 011
 * graceful termination handshake, and removal at terminate.
 */
@ApplicationScoped
public class Mm5Client {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Inject
    MepmSettings settings;

    private String url(String appInstanceId) {
        return settings.mepUrl() + "/mm5/v1/app_instances/" + appInstanceId;
    }

    private String secret() {
        return settings.mm5Secret().orElse(null);
    }

    /** {@code PUT mm5/v1/app_instances/{id}}: traffic and DNS rules, services, identity and credentials. */
    public void configure(String appInstanceId, AppD appD, String clientId, String clientSecret) {
        ObjectNode body = configBody(appInstanceId, appD, clientId, clientSecret);
        JsonHttp.Reply r = JsonHttp.send("PUT", url(appInstanceId), body, secret(), TIMEOUT);
        if (!r.ok()) {
            throw new JsonHttp.PeerException("Mm5 configuration of " + appInstanceId + " refused by the MEC platform ("
                    + r.status() + "): " + r.body(), null);
        }
    }

    /** The {@code AppPlatformConfig} body: the AppD's rules and services as the AppD states them. */
    public static ObjectNode configBody(String appInstanceId, AppD appD, String clientId, String clientSecret) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("appInstanceId", appInstanceId);
        body.put("appName", appD.appName());
        body.put("appProvider", appD.appProvider());
        body.put("appDId", appD.appDId());
        body.put("clientId", clientId);
        body.put("clientSecret", clientSecret);
        body.set("appTrafficRule", tree(appD.appTrafficRule()));
        body.set("appDNSRule", tree(appD.appDNSRule()));
        body.set("appServiceRequired", tree(appD.appServiceRequired()));
        body.set("appServiceProduced", tree(appD.appServiceProduced()));
        return body;
    }

    /**
     * Whether the app confirmed ready on Mp1 ({@code readyConfirmed} of {@code GET mm5/v1/app_instances/{id}}),
     * waiting up to {@code waitSeconds} for it (a long poll: {@code Prefer: wait=N}; 0: asked once).
     */
    public boolean readyConfirmed(String appInstanceId, int waitSeconds) {
        JsonHttp.Reply r = waitSeconds <= 0 ? JsonHttp.send("GET", url(appInstanceId), null, secret(), TIMEOUT)
                : JsonHttp.send("GET", url(appInstanceId), null, secret(), TIMEOUT.plusSeconds(waitSeconds),
                Map.of("Prefer", "wait=" + waitSeconds));
        return r.ok() && r.json().path("readyConfirmed").asBoolean(false);
    }

    /** Starts the MEC 011 termination handshake ({@code STOPPING} or {@code TERMINATING}). */
    public void requestTermination(String appInstanceId, String operationAction, long maxGracefulTimeoutSeconds) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("operationAction", operationAction);
        body.put("maxGracefulTimeout", maxGracefulTimeoutSeconds);
        JsonHttp.Reply r = JsonHttp.send("POST", url(appInstanceId) + "/termination", body, secret(), TIMEOUT);
        if (!r.ok()) {
            throw new JsonHttp.PeerException("Mm5 termination request for " + appInstanceId + " refused ("
                    + r.status() + "): " + r.body(), null);
        }
    }

    /** {@code PENDING}, {@code CONFIRMED}, {@code TIMED_OUT} or {@code NOT_SUBSCRIBED}. */
    public String terminationState(String appInstanceId) {
        JsonHttp.Reply r = JsonHttp.send("GET", url(appInstanceId) + "/termination", null, secret(), TIMEOUT);
        if (!r.ok()) {
            throw new JsonHttp.PeerException("Mm5 termination state of " + appInstanceId + ": " + r.status(), null);
        }
        return r.json().path("state").asText("PENDING");
    }

    /** {@code DELETE mm5/v1/app_instances/{id}}: rules, registration, services and credentials go. 404 is fine. */
    public void remove(String appInstanceId) {
        JsonHttp.Reply r = JsonHttp.send("DELETE", url(appInstanceId), null, secret(), TIMEOUT);
        if (!r.ok() && r.status() != 404) {
            throw new JsonHttp.PeerException("Mm5 removal of " + appInstanceId + " failed (" + r.status() + "): " + r.body(), null);
        }
    }

    private static JsonNode tree(Object value) {
        return value == null ? Json.mapper().createArrayNode() : Json.mapper().valueToTree(value);
    }
}
