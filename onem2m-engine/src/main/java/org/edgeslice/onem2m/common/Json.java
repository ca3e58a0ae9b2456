package org.edgeslice.onem2m.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** The one shared Jackson mapper (thread-safe, expensive to build) and JSON helpers. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Parses a request body; anything that is not one JSON value is a 4000 BAD_REQUEST, never a 5xx. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw Onem2mException.badRequest("empty body");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw Onem2mException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Onem2mException.badRequest("unreadable body");
        }
    }

    /**
     * Serialises a tree. Walks the tree with a bare generator instead of {@code ObjectMapper.writeValueAsBytes},
     * which builds a serializer provider per call: a measurable share of every response at slice request rates.
     */
    public static byte[] write(JsonNode node) {
        ByteArrayBuilder out = new ByteArrayBuilder(MAPPER.getFactory()._getBufferRecycler(), 512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writeNode(g, node);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen writing to memory
        }
        byte[] bytes = out.toByteArray();
        out.release();
        return bytes;
    }

    private static void writeNode(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    writeNode(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode e : n) {
                    writeNode(g, e);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                if (n.isInt() || n.isShort()) {
                    g.writeNumber(n.intValue());
                } else if (n.isLong()) {
                    g.writeNumber(n.longValue());
                } else if (n.isBigInteger()) {
                    g.writeNumber(n.bigIntegerValue());
                } else if (n.isBigDecimal()) {
                    g.writeNumber(n.decimalValue());
                } else if (n.isFloat()) {
                    g.writeNumber(n.floatValue());
                } else {
                    g.writeNumber(n.doubleValue());
                }
            }
            case BINARY -> g.writeBinary(n.binaryValue());
            default -> g.writeString(n.asText()); // POJO nodes do not occur in resource trees
        }
    }
}
