package org.edgeslice.meapp.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON for the MEC 011 contract records (package {@code org.edgeslice.contract}) with jackson-core's streaming
 * API, as jackson-databind's {@code ObjectMapper} configured by the Mp1 client wrote and read them: properties named
 * by the record components or their {@link JsonProperty}, {@code null}s left out (and empty collections, maps and
 * strings where {@link JsonInclude.Include#NON_EMPTY} says so); unknown properties ignored and unknown enum
 * constants read as {@code null} (a newer MEC 011 version may add some); scalars coerced as databind does by
 * default ({@code "3600"} for a number, a number for a string). {@code RecordJsonTest} compares the two on every
 * contract record.
 *
 * <p>Why not the {@code ObjectMapper}: building one loads some 400 classes, which every ME App using this client
 * (every deployed IoT slice) would keep resident for the few Mp1 calls it makes; the slice must stay under 48 MB of
 * RSS (docs/evaluation.md "Slice idle RSS").
 *
 * <p>Types: records, enums (by name), {@link String}, boxed and primitive numbers and booleans, {@link BigDecimal},
 * {@link BigInteger}, {@code List}/{@code Collection} and {@code Map<String, V>} of those, and {@link Object} (read as
 * {@link String}, {@link Integer}/{@link Long}/{@link BigInteger}, {@link Double}, {@link Boolean},
 * {@link LinkedHashMap} or {@link ArrayList}, as databind does).
 */
public final class RecordJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private RecordJson() {
    }

    /** The JSON text of {@code value}. */
    public static byte[] write(Object value) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(256)) {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                writeValue(g, value);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** {@code json} read as {@code type}; {@code null} for a JSON {@code null}. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return type.cast(read(json, (Type) type));
    }

    /** A JSON array read as a list of {@code elementType}. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> readList(byte[] json, Class<T> elementType) throws IOException {
        return (List<T>) read(json, new ListOf(elementType));
    }

    /** A JSON object of strings, e.g. an environment. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> readStringMap(byte[] json) throws IOException {
        return (Map<String, String>) read(json, new MapOf(String.class));
    }

    private static Object read(byte[] json, Type type) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonParseException(p, "no JSON value");
            }
            Object value = readValue(p, t, type);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "more than one JSON value");
            }
            return value;
        }
    }

    // ---- writing

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Record r) {
            writeRecord(g, r);
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() != null) { // the mapper's NON_NULL applies to map values too
                    g.writeFieldName(String.valueOf(e.getKey()));
                    writeValue(g, e.getValue());
                }
            }
            g.writeEndObject();
        } else {
            throw new IOException("no JSON form for " + v.getClass().getName());
        }
    }

    private static void writeRecord(JsonGenerator g, Record r) throws IOException {
        RecordShape shape = shape(r.getClass());
        g.writeStartObject();
        for (RecordShape.Property p : shape.properties) {
            Object v = p.get(r);
            if (v != null && !(p.nonEmpty && isEmpty(v))) {
                g.writeFieldName(p.name);
                writeValue(g, v);
            }
        }
        g.writeEndObject();
    }

    private static boolean isEmpty(Object v) {
        return v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()
                || v instanceof String s && s.isEmpty();
    }

    // ---- reading

    private static Object readValue(JsonParser p, JsonToken t, Type type) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (type instanceof ParameterizedType pt) {
            Type raw = pt.getRawType();
            if (raw == List.class || raw == Collection.class) {
                return readList(p, t, pt.getActualTypeArguments()[0]);
            }
            if (raw == Map.class) {
                return readMap(p, t, pt.getActualTypeArguments()[1]);
            }
            throw new IOException("cannot read " + type);
        }
        if (type instanceof ListOf l) {
            return readList(p, t, l.element);
        }
        if (type instanceof MapOf m) {
            return readMap(p, t, m.value);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            if (t == JsonToken.VALUE_STRING || t.isScalarValue()) {
                return p.getText(); // a number or boolean where a string is expected: its text, as databind
            }
            throw new JsonParseException(p, "expected String, got " + t);
        }
        if (Number.class.isAssignableFrom(c) || c == int.class || c == long.class || c == double.class
                || c == float.class) {
            return number(p, t, c);
        }
        if (c == Boolean.class || c == boolean.class) {
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                return t == JsonToken.VALUE_TRUE;
            }
            String text = t == JsonToken.VALUE_STRING ? p.getText().trim() : null;
            if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                return Boolean.parseBoolean(text); // "true" for a boolean: coerced, as databind
            }
            if ("".equals(text)) {
                return null;
            }
            throw new JsonParseException(p, "expected a boolean, got " + t);
        }
        if (c.isEnum()) {
            String name = expect(p, t, JsonToken.VALUE_STRING, c).getText();
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            return null; // an enum constant of a newer version
        }
        if (c.isRecord()) {
            return readRecord(p, t, c);
        }
        if (c == Object.class) {
            return readNatural(p, t);
        }
        throw new IOException("cannot read " + c.getName());
    }

    /** A number from a number, or from a string holding one ("3600"), as databind coerces; "" is null. */
    private static Object number(JsonParser p, JsonToken t, Class<?> c) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            if (c == Integer.class || c == int.class) {
                return p.getIntValue();
            }
            if (c == Long.class || c == long.class) {
                return p.getLongValue();
            }
            if (c == Double.class || c == double.class) {
                return p.getDoubleValue();
            }
            if (c == Float.class || c == float.class) {
                return p.getFloatValue();
            }
            if (c == BigDecimal.class) {
                return p.getDecimalValue();
            }
            if (c == BigInteger.class) {
                return p.getBigIntegerValue();
            }
        } else if (t == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                if (c == Integer.class || c == int.class) {
                    return Integer.valueOf(text);
                }
                if (c == Long.class || c == long.class) {
                    return Long.valueOf(text);
                }
                if (c == Double.class || c == double.class) {
                    return Double.valueOf(text);
                }
                if (c == Float.class || c == float.class) {
                    return Float.valueOf(text);
                }
                if (c == BigDecimal.class) {
                    return new BigDecimal(text);
                }
                if (c == BigInteger.class) {
                    return new BigInteger(text);
                }
            } catch (NumberFormatException e) {
                throw new JsonParseException(p, "not a " + c.getSimpleName() + ": \"" + text + "\"");
            }
        }
        throw new JsonParseException(p, "expected " + c.getSimpleName() + ", got " + t);
    }

    private static Object readRecord(JsonParser p, JsonToken t, Class<?> c) throws IOException {
        expect(p, t, JsonToken.START_OBJECT, c);
        RecordShape shape = shape(c);
        Object[] args = shape.defaults();
        for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
            RecordShape.Property prop = shape.byName.get(p.currentName());
            JsonToken v = p.nextToken();
            if (prop == null) {
                p.skipChildren(); // unknown: ignored
            } else {
                Object value = readValue(p, v, prop.type);
                args[prop.index] = value == null ? prop.nullValue : value;
            }
        }
        return shape.create(args);
    }

    private static List<Object> readList(JsonParser p, JsonToken t, Type element) throws IOException {
        expect(p, t, JsonToken.START_ARRAY, List.class);
        List<Object> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            list.add(readValue(p, e, element));
        }
        return list;
    }

    private static Map<String, Object> readMap(JsonParser p, JsonToken t, Type value) throws IOException {
        expect(p, t, JsonToken.START_OBJECT, Map.class);
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
            String name = p.currentName();
            map.put(name, readValue(p, p.nextToken(), value));
        }
        return map;
    }

    private static Object readNatural(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> readMap(p, t, Object.class);
            case START_ARRAY -> readList(p, t, Object.class);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue(); // Integer, Long or BigInteger by size, as databind
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private static JsonParser expect(JsonParser p, JsonToken t, JsonToken wanted, Class<?> type) throws IOException {
        if (t != wanted) {
            throw new JsonParseException(p, "expected " + type.getSimpleName() + ", got " + t);
        }
        return p;
    }

    private static RecordShape shape(Class<?> c) {
        return SHAPES.computeIfAbsent(c, RecordShape::new);
    }

    /** {@code List<element>} without a {@link ParameterizedType} implementation. */
    private record ListOf(Type element) implements Type {
    }

    /** {@code Map<String, value>}. */
    private record MapOf(Type value) implements Type {
    }

    /** A record's JSON properties and canonical constructor, found once per record class. */
    private static final class RecordShape {
        final Property[] properties;
        final Map<String, Property> byName = new HashMap<>();
        private final Constructor<?> constructor;
        private final String type;

        RecordShape(Class<?> c) {
            RecordComponent[] components = c.getRecordComponents();
            JsonInclude classInclude = c.getAnnotation(JsonInclude.class);
            boolean classNonEmpty = classInclude != null && classInclude.value() == JsonInclude.Include.NON_EMPTY;
            properties = new Property[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                types[i] = rc.getType();
                JsonProperty named = annotation(c, rc, JsonProperty.class);
                JsonInclude include = annotation(c, rc, JsonInclude.class);
                boolean nonEmpty = include != null ? include.value() == JsonInclude.Include.NON_EMPTY : classNonEmpty;
                String name = named != null && !named.value().isEmpty() ? named.value() : rc.getName();
                properties[i] = new Property(i, name, rc, nonEmpty);
                byName.put(name, properties[i]);
            }
            try {
                constructor = c.getDeclaredConstructor(types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + c.getName(), e);
            }
            type = c.getSimpleName();
        }

        /** The component's annotation: on records, Jackson's annotations land on the field (and accessor). */
        private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> c, RecordComponent rc,
                                                                                Class<A> a) {
            A on = rc.getAnnotation(a);
            if (on == null) {
                try {
                    on = c.getDeclaredField(rc.getName()).getAnnotation(a);
                } catch (NoSuchFieldException e) {
                    return null;
                }
            }
            return on != null ? on : rc.getAccessor().getAnnotation(a);
        }

        Object[] defaults() {
            Object[] args = new Object[properties.length];
            for (Property p : properties) {
                args[p.index] = p.nullValue;
            }
            return args;
        }

        Object create(Object[] args) throws IOException {
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IOException("invalid " + type + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot create " + type, e);
            }
        }

        static final class Property {
            final int index;
            final String name;
            final Type type;
            final boolean nonEmpty;
            /** What a missing or null property becomes: 0 or false for a primitive, as databind. */
            final Object nullValue;
            private final RecordComponent component;

            Property(int index, String name, RecordComponent component, boolean nonEmpty) {
                this.index = index;
                this.name = name;
                this.component = component;
                this.type = component.getGenericType();
                this.nonEmpty = nonEmpty;
                this.nullValue = primitiveDefault(component.getType());
            }

            Object get(Record r) throws IOException {
                try {
                    return component.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot read " + name + " of " + r.getClass().getSimpleName(), e);
                }
            }

            private static Object primitiveDefault(Class<?> t) {
                if (!t.isPrimitive()) {
                    return null;
                }
                if (t == boolean.class) {
                    return false;
                }
                if (t == long.class) {
                    return 0L;
                }
                if (t == double.class) {
                    return 0.0;
                }
                if (t == float.class) {
                    return 0.0f;
                }
                return 0; // int (short, byte and char do not occur in the contract)
            }
        }
    }
}
