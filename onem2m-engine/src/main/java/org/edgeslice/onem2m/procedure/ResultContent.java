package org.edgeslice.onem2m.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.resource.Resource;

/**
 * Builds response content per Result Content {@code rcn} (TS-0004 §6.3.4.2.22 and the per-operation rules of
 * §7.3.x): 0 nothing, 1 attributes, 2 hierarchical address, 3 address and attributes, 4 attributes and child
 * resources, 5 attributes and child-resource references, 6 child-resource references, 8 child resources, 9
 * modified attributes, 11 discovery result references.
 */
final class ResultContent {
    static final Set<Integer> CREATE = Set.of(0, 1, 2, 3, 9);
    static final Set<Integer> RETRIEVE = Set.of(1, 4, 5, 6, 8);
    static final Set<Integer> DISCOVERY = Set.of(6, 11);
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

    /** The answer to a CREATE or UPDATE (rcn 0, 1, 2, 3; 9 is built by the procedure from what it changed). */
    static JsonNode render(Resource r, int rcn) {
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
            default:
                throw Onem2mException.badRequest("unsupported rcn " + rcn);
        }
    }

    /**
     * The answer to a RETRIEVE with rcn 4, 5, 6 or 8 (and a discovery with rcn 6).
     *
     * @param found the selected descendants of {@code r}, parents before children; for the nested forms (4, 8) a
     *              resource appears only under a parent that was selected too
     * @param drt   1: references carry structured addresses, 2: resource ids
     */
    static JsonNode render(Resource r, int rcn, List<Resource> found, int drt) {
        switch (rcn) {
            case 4: {
                ObjectNode body = r.attrs().deepCopy();
                nest(body, r.ri(), byParent(found));
                return Json.object().set(r.type().root(), body);
            }
            case 5: {
                ObjectNode body = r.attrs().deepCopy();
                body.set("ch", references(found, drt));
                return Json.object().set(r.type().root(), body);
            }
            case 6: {
                ObjectNode rrl = Json.object();
                rrl.set("rrf", references(found, drt));
                return Json.object().set("m2m:rrl", rrl);
            }
            case 8: {
                ObjectNode body = Json.object();
                nest(body, r.ri(), byParent(found));
                return Json.object().set(r.type().root(), body);
            }
            default:
                throw Onem2mException.badRequest("unsupported rcn " + rcn);
        }
    }

    private static Map<String, List<Resource>> byParent(List<Resource> found) {
        Map<String, List<Resource>> out = new HashMap<>();
        for (Resource c : found) {
            out.computeIfAbsent(c.pi(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** Adds the selected children of {@code ri} to {@code body} by type root, each with its own children. */
    private static void nest(ObjectNode body, String ri, Map<String, List<Resource>> byParent) {
        List<Resource> children = byParent.get(ri);
        if (children == null) {
            return;
        }
        for (Resource c : children) {
            JsonNode existing = body.get(c.type().root());
            ArrayNode arr = existing instanceof ArrayNode a ? a : body.putArray(c.type().root());
            ObjectNode child = byParent.containsKey(c.ri()) ? c.attrs().deepCopy() : c.attrs();
            nest(child, c.ri(), byParent);
            arr.add(child);
        }
    }

    private static ArrayNode references(List<Resource> found, int drt) {
        ArrayNode arr = Json.NODES.arrayNode();
        for (Resource c : found) {
            ObjectNode ref = arr.addObject();
            ref.put("nm", c.rn());
            ref.put("typ", c.type().ty());
            ref.put("val", drt == 2 ? c.ri() : c.path());
        }
        return arr;
    }
}
