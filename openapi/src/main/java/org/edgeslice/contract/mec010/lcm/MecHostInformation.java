package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code MECHostInformation}: {@code hostId} (KeyValuePairs in the v2.1.1 file) and
 * {@code hostName}. Clients write the id as a plain string, as {@code {"hostId": "h1"}} or {@code {"id": "h1"}}
 * inside the KeyValuePairs; all are accepted and the id is emitted as a plain string.
 */
@Schema(name = "MECHostInformation")
public record MecHostInformation(@Schema(required = true) String hostId, String hostName) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static MecHostInformation fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("MECHostInformation must be an object");
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!f.equals("hostId") && !f.equals("hostName")) {
                throw new IllegalArgumentException("unknown attribute '" + f + "' in MECHostInformation");
            }
        });
        JsonNode id = node.get("hostId");
        String hostId;
        if (id == null || id.isNull()) {
            throw new IllegalArgumentException("MECHostInformation.hostId is required");
        } else if (id.isTextual()) {
            hostId = id.asText();
        } else if (id.isObject() && id.size() == 1 && id.elements().next().isTextual()) {
            hostId = id.elements().next().asText();
        } else {
            throw new IllegalArgumentException("MECHostInformation.hostId must be a string or {key: string}");
        }
        JsonNode name = node.get("hostName");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw new IllegalArgumentException("MECHostInformation.hostName must be a string");
        }
        return new MecHostInformation(hostId, name == null || name.isNull() ? null : name.asText());
    }

    @JsonValue
    JsonNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("hostId", hostId);
        if (hostName != null) {
            o.put("hostName", hostName);
        }
        return o;
    }
}
