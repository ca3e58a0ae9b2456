package org.edgeslice.meo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.lcm.AppInstance;
import org.edgeslice.support.json.Json;

/**
 * The {@code AppInstanceInfo} JSON of each app instance, rendered once per version of the instance: the read
 * model hands out the same record until the instance changes, so a GET of the collection only concatenates
 * (without selectors) or filters the cached trees (with selectors).
 */
@ApplicationScoped
public class RenderedInstances {

    /** One instance as rendered, for the record {@code source} under the apiRoot {@code root}. */
    record Rendered(AppInstance source, String root, byte[] json, JsonNode tree) {
    }

    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

    List<Rendered> of(List<AppInstance> instances, ApiRoot apiRoot) {
        String root = apiRoot.get();
        List<Rendered> out = new ArrayList<>(instances.size());
        for (AppInstance i : instances) {
            Rendered r = cache.get(i.id());
            if (r == null || r.source() != i || !java.util.Objects.equals(r.root(), root)) {
                JsonNode tree = Json.mapper().valueToTree(Representations.instance(i, apiRoot));
                try {
                    r = new Rendered(i, root, Json.mapper().writeValueAsBytes(tree), tree);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                cache.put(i.id(), r);
            }
            out.add(r);
        }
        if (cache.size() > 2 * instances.size() + 64) {
            // deleted instances: keep only the ones still listed
            java.util.Set<String> ids = new java.util.HashSet<>();
            instances.forEach(i -> ids.add(i.id()));
            cache.keySet().retainAll(ids);
        }
        return out;
    }

    static byte[] array(List<Rendered> items) {
        int size = 2;
        for (Rendered r : items) {
            size += r.json().length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i).json());
        }
        out.write(']');
        return out.toByteArray();
    }
}
