package org.edgeslice.onem2m.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON for the engine: parsing into and writing from Jackson trees with the streaming API of jackson-core only.
 * The engine needs no data binding, and building an {@code ObjectMapper} loads and initialises ~500 classes of
 * jackson-databind (serializer/deserializer factories, introspection, type machinery): about a third of a
 * slice's start-up class loading. {@link #mapper()} still gives one, built on first use, for callers that bind.
 */
public final class Json {
    /** Strict duplicate detection: a body naming an attribute twice is a 4000 BAD_REQUEST, not "last wins". */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** The shared, thread-safe mapper for data binding (same parsing rules as {@link #parse}); built lazily. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Parses a request body; anything that is not one JSON value is a 4000 BAD_REQUEST, never a 5xx. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = readTree(body, 0, body.length);
            if (node == null) {
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
     * Reads one JSON value as a tree, like {@code ObjectMapper.readTree} with default settings (integers as
     * int/long/big-integer nodes by size, other numbers as doubles, content after the first value ignored) but
     * with duplicate keys rejected.
     *
     * @return the tree, or {@code null} if the input holds no value
     */
    public static JsonNode readTree(byte[] buf, int offset, int length) throws IOException {
        try (JsonParser p = FACTORY.createParser(buf, offset, length)) {
            JsonToken t = p.nextToken();
            return t == null ? null : readValue(p, t);
        }
    }

    /** {@link #readTree(byte[], int, int)} of a string. */
    public static JsonNode readTree(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            return t == null ? null : readValue(p, t);
        }
    }

    private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, readValue(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(readValue(p, e));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + t);
        }
    }

    /**
     * Serialises a tree. Walks the tree with a bare generator instead of {@code ObjectMapper.writeValueAsBytes},
     * which builds a serializer provider per call: a measurable share of every response at slice request rates.
     */
    public static byte[] write(JsonNode node) {
        ByteArrayBuilder out = new ByteArrayBuilder(FACTORY._getBufferRecycler(), 512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writeNode(g, node);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen writing to memory
        }
        byte[] bytes = out.toByteArray();
        out.release();
        return bytes;
    }

    /** Writes JSON with a generator of its own. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Serialises what {@code writer} writes: for records that are not trees themselves (a log record around
     * resource trees), without building a tree first.
     */
    public static byte[] write(Writer writer) {
        ByteArrayBuilder out = new ByteArrayBuilder(FACTORY._getBufferRecycler(), 512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen writing to memory
        }
        byte[] bytes = out.toByteArray();
        out.release();
        return bytes;
    }

    /** Writes a tree with {@code g}, as {@link #write(JsonNode)} does. */
    public static void writeTree(JsonGenerator g, JsonNode n) throws IOException {
        writeNode(g, n);
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
