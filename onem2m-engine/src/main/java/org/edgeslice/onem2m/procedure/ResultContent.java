package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.ResourceStore;

/**
 * Builds response content per Result Content {@code rcn} (TS-0004 §6.3.4.2.22 and the per-operation rules of
 * §7.3.x): 0 nothing, 1 attributes, 2 hierarchical address, 3 address and attributes, 4 attributes and child
 * resources, 5 attributes and child-resource references, 6 child-resource references, 8 child resources.
 */
final class ResultContent {
    static final Set<Integer> CREATE = Set.of(0, 1, 2, 3);
    static final Set<Integer> RETRIEVE = Set.of(1, 4, 5, 6, 8);
    static final Set<Integer> UPDATE = Set.of(0, 1, 9);
    static final Set<Integer> DELETE = Set.of(0, 1);

    private ResultContent() {
    }

    /** @throws Onem2mException 4000 when the value is not valid for the operation (notes §1.5) */
    static int choose(Integer requested, int dflt, Set<Integer> allowed) {
        int rcn = requested == null ? dflt : requested;
        if (!allowed.contains(rcn)) {
            throw Onem2mException.badRequest("rcn=" + rcn + " is not valid for this operation");
        }
        return rcn;
    }

    static JsonNode representation(Resource r) {
        return Json.object().set(r.type().root(), r.attrs());
    }

    static JsonNode render(Resource r, int rcn, ResourceStore store) {
        switch (rcn) {
            case 0:
                return null;
            case 1:
                return representation(r);
            case 2:
                return Json.object().put("m2m:uri", r.path());
            case 3: {
                ObjectNode rce = Json.object();
                rce.set(r.type().root(), r.attrs());
                rce.put("uri", r.path());
                return Json.object().set("m2m:rce", rce);
            }
            case 4: {
                ObjectNode body = r.attrs().deepCopy();
                addChildren(body, store.children(r.ri()));
                return Json.object().set(r.type().root(), body);
            }
            case 5: {
                ObjectNode body = r.attrs().deepCopy();
                body.set("ch", references(store.children(r.ri())));
                return Json.object().set(r.type().root(), body);
            }
            case 6: {
                ObjectNode rrl = Json.object();
                rrl.set("rrf", references(store.children(r.ri())));
                return Json.object().set("m2m:rrl", rrl);
            }
            case 8: {
                ObjectNode body = Json.object();
                addChildren(body, store.children(r.ri()));
                return Json.object().set(r.type().root(), body);
            }
            default:
                throw Onem2mException.badRequest("unsupported rcn " + rcn);
        }
    }

    private static void addChildren(ObjectNode body, List<Resource> children) {
        for (Resource c : children) {
            JsonNode existing = body.get(c.type().root());
            ArrayNode arr = existing instanceof ArrayNode a ? a : body.putArray(c.type().root());
            arr.add(c.attrs());
        }
    }

    private static ArrayNode references(List<Resource> children) {
        ArrayNode arr = Json.NODES.arrayNode();
        for (Resource c : children) {
            ObjectNode ref = arr.addObject();
            ref.put("nm", c.rn());
            ref.put("typ", c.type().ty());
            ref.put("val", c.path());
        }
        return arr;
    }
}
