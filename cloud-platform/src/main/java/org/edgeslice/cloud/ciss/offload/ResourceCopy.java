package org.edgeslice.cloud.ciss.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResourceType;

/**
 * Which attributes of a resource travel when the CISS copies it to another CSE (offload) or back (sync): the
 * writable ones a CREATE may carry (TS-0004: NP attributes such as ri, ct, cni are 4000 in a CREATE). Access
 * control policy ids and expiration times stay behind: they name the source CSE's policies and defaults.
 */
public final class ResourceCopy {

    private static final Map<ResourceType, Set<String>> CREATE = Map.of(
            ResourceType.AE, Set.of("rn", "api", "rr", "poa", "srv", "lbl", "apn", "csz"),
            ResourceType.CONTAINER, Set.of("rn", "mni", "mbs", "mia", "lbl"),
            ResourceType.CONTENT_INSTANCE, Set.of("rn", "con", "cnf", "lbl"),
            ResourceType.SUBSCRIPTION, Set.of("rn", "nu", "enc", "nct", "exc", "su", "lbl"));
    private static final Map<ResourceType, Set<String>> UPDATE = Map.of(
            ResourceType.AE, Set.of("rr", "poa", "lbl", "apn"),
            ResourceType.CONTAINER, Set.of("mni", "mbs", "mia", "lbl"));

    private ResourceCopy() {
    }

    public static boolean copiable(ResourceType type) {
        return CREATE.containsKey(type);
    }

    /** The CREATE body, e.g. {@code {"m2m:cin": {"rn": ..., "con": ...}}}. */
    public static ObjectNode forCreate(ResourceType type, JsonNode attrs) {
        ObjectNode inner = pick(attrs, CREATE.getOrDefault(type, Set.of()));
        if (type == ResourceType.AE && !inner.has("srv")) {
            inner.putArray("srv").add("3");
        }
        if (type == ResourceType.AE && !inner.has("rr")) {
            inner.put("rr", false);
        }
        ObjectNode body = Json.object();
        body.set(type.root(), inner);
        return body;
    }

    /** The UPDATE body, or null when nothing of the type can be updated. */
    public static ObjectNode forUpdate(ResourceType type, JsonNode attrs) {
        Set<String> names = UPDATE.get(type);
        if (names == null) {
            return null;
        }
        ObjectNode inner = pick(attrs, names);
        if (inner.isEmpty()) {
            return null;
        }
        ObjectNode body = Json.object();
        body.set(type.root(), inner);
        return body;
    }

    private static ObjectNode pick(JsonNode attrs, Set<String> names) {
        ObjectNode out = Json.object();
        attrs.fields().forEachRemaining(e -> {
            if (names.contains(e.getKey()) && !e.getValue().isNull()) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return out;
    }

    /** The type of a {@code {"m2m:xxx": {...}}} representation, or null. */
    public static ResourceType typeOf(JsonNode rep) {
        if (rep == null || !rep.isObject() || rep.size() != 1) {
            return null;
        }
        String root = rep.fieldNames().next();
        for (ResourceType t : ResourceType.values()) {
            if (t.root().equals(root)) {
                return t;
            }
        }
        return null;
    }
}
