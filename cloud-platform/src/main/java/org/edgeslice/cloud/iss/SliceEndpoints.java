package org.edgeslice.cloud.iss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.edgeslice.cloud.meo.MeoClient;
import org.edgeslice.cloud.issm.FunctionSelection;
import org.edgeslice.onem2m.function.CommonServiceFunction;

/**
 * Where an instantiated slice answers (step 08): asked of the host's MEPM ({@link #fromMepm}), else read from
 * the MEO's AppInstanceInfo. MEC 010-2 has no attribute
 * for the host ports of a container app, so the ISS accepts these project extensions, in this order: {@code
 * endpoints} (name to URL), {@code ports} / {@code appPorts} / {@code allocatedPorts} (name to host port on
 * loopback), {@code mecPorts} (the MEC_PORTS string {@code http=40001,registration=40002}). Without any of them
 * the slice is assumed on its default ports (host networking without remapping).
 */
public final class SliceEndpoints {

    static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 62589, "registration", 62590,
            "retrieve", 62591, "subscription", 62592, "notification", 62593);

    private SliceEndpoints() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.Map<String, String> MEPM_OF_HOST = new java.util.concurrent.ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3)).build();

    /**
     * The endpoints the host's MEPM allocated to the instance (project API {@code mepm_mgmt/v1/app_instances/{id}},
     * docs/interfaces.md), found through the MEO's host inventory: the authoritative answer, since the MEPM
     * chose the ports. Empty when the host or its MEPM cannot tell.
     */
    public static Optional<Map<String, String>> fromMepm(MeoClient meo,
                                                                   JsonNode instance, String instanceId) {
        String hostId = instance.path("mecHostInformation").path("hostId").asText(null);
        if (hostId == null) {
            return Optional.empty();
        }
        // a host's MEPM does not move while it runs: one inventory lookup per host, not one per slice; a cached
        // apiRoot that fails is looked up again at once (the host may have registered anew elsewhere)
        String cached = MEPM_OF_HOST.get(hostId);
        if (cached != null) {
            Optional<Map<String, String>> e = placement(cached, instanceId);
            if (e.isPresent()) {
                return e;
            }
            MEPM_OF_HOST.remove(hostId);
        }
        try {
            String mepm = meo.get("/mec_hosts/v1/hosts/" + hostId).path("mepmApiRoot").asText(null);
            if (mepm == null) {
                return Optional.empty();
            }
            Optional<Map<String, String>> e = placement(mepm, instanceId);
            e.ifPresent(found -> MEPM_OF_HOST.put(hostId, mepm));
            return e;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, String>> placement(String mepm, String instanceId) {
        try {
            var request = HttpRequest.newBuilder(URI.create(
                            mepm + "/mepm_mgmt/v1/app_instances/" + instanceId))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build();
            var reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode endpoints = JSON.readTree(reply.body()).path("endpoints");
            Map<String, String> out = new LinkedHashMap<>();
            endpoints.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    public static Map<String, String> resolve(JsonNode instance, FunctionSelection functions) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode endpoints = instance.path("endpoints");
        if (endpoints.isObject() && endpoints.size() > 0) {
            endpoints.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        }
        for (String name : new String[] {"ports", "appPorts", "allocatedPorts"}) {
            JsonNode ports = instance.path(name);
            if (ports.isObject() && ports.size() > 0) {
                ports.fields().forEachRemaining(e -> out.put(e.getKey(), "http://127.0.0.1:" + e.getValue().asInt()));
                return out;
            }
        }
        String mecPorts = instance.path("mecPorts").asText("");
        if (!mecPorts.isBlank()) {
            for (String pair : mecPorts.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2) {
                    out.put(kv[0].trim(), "http://127.0.0.1:" + kv[1].trim());
                }
            }
            return out;
        }
        out.put("http", "http://127.0.0.1:" + DEFAULT_PORTS.get("http"));
        for (CommonServiceFunction f : functions.functions()) {
            Integer p = DEFAULT_PORTS.get(f.configName());
            if (p != null) {
                out.put(f.configName(), "http://127.0.0.1:" + p);
            }
        }
        return out;
    }
}
