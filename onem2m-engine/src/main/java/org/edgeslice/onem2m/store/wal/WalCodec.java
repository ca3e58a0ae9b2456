package org.edgeslice.onem2m.store.wal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * One log record per {@link WriteBatch}: a line {@code <crc32 as 8 hex digits> <json>\n}. The checksum lets replay
 * tell a torn last record (the process died inside write) from a good one; JSON keeps the log readable with
 * ordinary tools.
 *
 * <p>Changes: {@code C} create and {@code U} update carry the whole resource, {@code D} delete its id, and {@code P}
 * (patch) an update as the attributes it sets ({@code s}) and removes ({@code r}) relative to the resource as it
 * stood before the batch. Every content instance created updates its container's counters, and logging the whole
 * container each time was about half of the record; replay applies a patch to the state the records before it
 * built, which is the state it was computed from (the store logs batches in the order it applies them). Logs
 * written before patches existed replay unchanged.
 */
final class WalCodec {
    private WalCodec() {
    }

    static byte[] encode(WriteBatch batch) {
        return encode(batch, ri -> null);
    }

    /** @param before the resource as it stands before this batch (null if none): the base of a patch */
    static byte[] encode(WriteBatch batch, Function<String, Resource> before) {
        // streamed, not built as a tree first: one record per write, so this is on every request's path
        byte[] json = Json.write(g -> {
            g.writeStartArray();
            for (WriteBatch.Change c : batch.changes()) {
                g.writeStartObject();
                Resource base = c.kind() == WriteBatch.Kind.UPDATE ? before.apply(c.ri()) : null;
                if (base != null && base.type() == c.resource().type() && base.path().equals(c.resource().path())) {
                    g.writeStringField("k", "P");
                    g.writeStringField("i", c.ri());
                    writePatch(g, base.attrs(), c.resource().attrs());
                    g.writeEndObject();
                    continue;
                }
                switch (c.kind()) {
                    case CREATE, UPDATE -> {
                        g.writeStringField("k", c.kind() == WriteBatch.Kind.CREATE ? "C" : "U");
                        g.writeNumberField("t", c.resource().type().ty());
                        g.writeStringField("p", c.resource().path());
                        g.writeFieldName("a");
                        Json.writeTree(g, c.resource().attrs());
                    }
                    case DELETE -> {
                        g.writeStringField("k", "D");
                        g.writeStringField("i", c.ri());
                    }
                    default -> throw new IllegalStateException();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] head = hex8(crc.getValue());
        byte[] line = new byte[head.length + json.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(json, 0, line, head.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** The attributes {@code after} sets that differ from {@code before} ("s"), and those it no longer has ("r"). */
    private static void writePatch(JsonGenerator g, ObjectNode before, ObjectNode after) throws IOException {
        g.writeFieldName("s");
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().equals(before.get(e.getKey()))) {
                g.writeFieldName(e.getKey());
                Json.writeTree(g, e.getValue());
            }
        }
        g.writeEndObject();
        boolean removals = false;
        for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!after.has(name)) {
                if (!removals) {
                    g.writeFieldName("r");
                    g.writeStartArray();
                    removals = true;
                }
                g.writeString(name);
            }
        }
        if (removals) {
            g.writeEndArray();
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The checksum as 8 lower-case hex digits and a space (String.format is far too slow for every write). */
    private static byte[] hex8(long v) {
        byte[] out = new byte[9];
        for (int i = 7; i >= 0; i--) {
            out[i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
        out[8] = ' ';
        return out;
    }

    /** @return the batch, or {@code null} if the line is damaged (bad checksum, truncated, not JSON) */
    static WriteBatch decode(byte[] buf, int from, int to) {
        return decode(buf, from, to, ri -> null);
    }

    /**
     * @param before the resource as the records before this one left it: the base of a patch
     * @return the batch, or {@code null} if the line is damaged (bad checksum, truncated, not JSON, or a patch of a
     *         resource that does not exist)
     */
    static WriteBatch decode(byte[] buf, int from, int to, Function<String, Resource> before) {
        if (to - from < 10 || buf[from + 8] != ' ') {
            return null;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(buf, from, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update(buf, from + 9, to - from - 9);
        if (crc.getValue() != expected) {
            return null;
        }
        try {
            JsonNode changes = Json.readTree(buf, from + 9, to - from - 9);
            WriteBatch batch = new WriteBatch();
            for (JsonNode c : changes) {
                String k = c.get("k").asText();
                if ("D".equals(k)) {
                    batch.delete(c.get("i").asText());
                } else if ("P".equals(k)) {
                    Resource base = before.apply(c.get("i").asText());
                    if (base == null) {
                        return null;
                    }
                    Resource patched = base.copy();
                    patched.attrs().setAll((ObjectNode) c.get("s"));
                    JsonNode removed = c.get("r");
                    if (removed != null) {
                        removed.forEach(n -> patched.attrs().remove(n.asText()));
                    }
                    batch.update(patched);
                } else {
                    Resource r = new Resource(ResourceType.fromTy(c.get("t").asInt()), (ObjectNode) c.get("a"),
                            c.get("p").asText());
                    if ("C".equals(k)) {
                        batch.create(r);
                    } else {
                        batch.update(r);
                    }
                }
            }
            return batch;
        } catch (Exception e) {
            return null;
        }
    }
}
