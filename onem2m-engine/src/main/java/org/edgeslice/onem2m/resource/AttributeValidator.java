package org.edgeslice.onem2m.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.resource.AttributePolicy.Presence;

/**
 * Checks a CREATE or UPDATE body against the resource type's attribute policies (TS-0004 §7.3.2.1 step
 * "check the validity of the attributes"): unknown attributes, NP attributes and missing mandatory ones are all
 * 4000 BAD_REQUEST, and so are values of the wrong JSON type.
 */
public final class AttributeValidator {
    private AttributeValidator() {
    }

    public static void validateCreate(ResourceSchema schema, ObjectNode body) {
        check(schema, body, true);
        for (Map.Entry<String, AttributePolicy> e : schema.attributes().entrySet()) {
            if (e.getValue().onCreate() == Presence.MANDATORY && isAbsent(body.get(e.getKey()))) {
                throw Onem2mException.badRequest("missing mandatory attribute " + e.getKey());
            }
        }
    }

    public static void validateUpdate(ResourceSchema schema, ObjectNode body) {
        check(schema, body, false);
    }

    private static void check(ResourceSchema schema, ObjectNode body, boolean create) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            AttributePolicy p = schema.attribute(e.getKey());
            if (p == null) {
                throw Onem2mException.badRequest("unknown attribute " + e.getKey() + " for " + schema.type().root());
            }
            Presence presence = create ? p.onCreate() : p.onUpdate();
            if (presence == Presence.NOT_PERMITTED) {
                throw Onem2mException.badRequest("attribute " + e.getKey() + " is not permitted in "
                        + (create ? "CREATE" : "UPDATE"));
            }
            JsonNode v = e.getValue();
            // null in an UPDATE deletes an optional attribute (TS-0004 §7.3.3.2.3); never valid for mandatory ones
            if (v.isNull()) {
                if (create || presence == Presence.MANDATORY) {
                    throw Onem2mException.badRequest("attribute " + e.getKey() + " must not be null");
                }
                continue;
            }
            if (!p.type().accepts(v)) {
                throw Onem2mException.badRequest("attribute " + e.getKey() + " has an invalid value");
            }
        }
    }

    private static boolean isAbsent(JsonNode v) {
        return v == null || v.isNull();
    }
}
