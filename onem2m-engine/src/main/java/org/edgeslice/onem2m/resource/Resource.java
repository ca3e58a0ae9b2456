package org.edgeslice.onem2m.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.edgeslice.onem2m.common.ResourceType;

/**
 * One oneM2M resource (TS-0001 §9.6): its type, its attributes by short name (TS-0004 §8.2.3), and the
 * structured address it was created under. The attributes are kept as a JSON tree because that is both the
 * wire and the log format; typed accessors cover what the procedures need.
 *
 * <p>Instances are treated as immutable once handed to a {@code ResourceStore}: procedures call
 * {@link #copy()} before changing one, so readers never see a half-applied update.
 */
public final class Resource {
    private final ResourceType type;
    private final ObjectNode attrs;
    private final String path;

    /**
     * @param path the structured CSE-relative address without leading slash ({@code cse-mn/ae1/cnt1}); the
     *             store indexes by it, since names are immutable (TS-0001 §9.6.1.3: rn is WO)
     */
    public Resource(ResourceType type, ObjectNode attrs, String path) {
        this.type = type;
        this.attrs = attrs;
        this.path = path;
    }

    public ResourceType type() {
        return type;
    }

    /** The attributes, by short name (never the wrapping root element). */
    public ObjectNode attrs() {
        return attrs;
    }

    public String path() {
        return path;
    }

    public String ri() {
        return text("ri");
    }

    public String pi() {
        return text("pi");
    }

    public String rn() {
        return text("rn");
    }

    public String text(String name) {
        JsonNode n = attrs.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** @return the attribute as a long, or {@code dflt} when absent */
    public long longValue(String name, long dflt) {
        JsonNode n = attrs.get(name);
        return n == null || n.isNull() ? dflt : n.asLong(dflt);
    }

    public boolean has(String name) {
        JsonNode n = attrs.get(name);
        return n != null && !n.isNull();
    }

    public List<String> textList(String name) {
        List<String> out = new ArrayList<>();
        JsonNode n = attrs.get(name);
        if (n != null && n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** A deep copy to modify before handing it back to the store. */
    public Resource copy() {
        return new Resource(type, attrs.deepCopy(), path);
    }

    @Override
    public String toString() {
        return type.root() + "[" + path + "]";
    }
}
