package org.edgeslice.cloud.iss;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgeslice.cloud.issm.FunctionSelection;
import org.edgeslice.onem2m.function.CommonServiceFunction;

/**
 * Where an instantiated slice answers (step 08): read from the MEO's AppInstanceInfo. MEC 010-2 has no attribute
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
