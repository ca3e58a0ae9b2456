package org.edgeslice.handler.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks a device request strictly: unknown attributes, wrong JSON types (a string for a number, a number
 * for a string, an object for a list...) and out-of-range values are refused with a message naming the attribute.
 * Functions are normalised (lower case, canonical order, no duplicates).
 */
public final class DeviceRequestParser {

    /** As the ISCL accepts (TaskSpec.MAX_PATH_LENGTH in the cloud contract): the CISS indexes tasks by path. */
    static final int MAX_TASK_PATH = 512;
    /** Common service functions a slice can be composed of, in canonical order. */
    public static final List<String> KNOWN_FUNCTIONS = List.of("registration", "retrieve", "subscription",
            "notification", "data-management");

    private static final ObjectMapper STRICT = strictMapper();

    private DeviceRequestParser() {
    }

    static ObjectMapper strictMapper() {
        ObjectMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType t : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Collection, LogicalType.POJO)) {
            m.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, t == LogicalType.Float ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual ? CoercionAction.TryConvert
                            : CoercionAction.Fail);
        }
        return m;
    }

    public static DeviceRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException("A JSON body is required");
        }
        DeviceRequest r;
        try {
            r = STRICT.readValue(body, DeviceRequest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException("Unknown attribute '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")");
        } catch (JsonMappingException e) {
            throw new InvalidRequestException("Attribute '" + path(e) + "' has the wrong type or value: "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException("Unreadable body: " + e.getMessage());
        }
        if (r == null) {
            throw new InvalidRequestException("The body must be a JSON object");
        }
        return check(r);
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "(body)" : b.toString();
    }

    static DeviceRequest check(DeviceRequest r) {
        require(r.deviceId() != null && !r.deviceId().isBlank(), "deviceId is required");
        require(r.serviceType() != null && !r.serviceType().isBlank(), "serviceType is required");
        require(r.functions() != null && !r.functions().isEmpty(), "functions is required (at least one of "
                + KNOWN_FUNCTIONS + ")");
        Set<String> fns = new LinkedHashSet<>();
        for (String f : r.functions()) {
            require(f != null, "functions must not contain null");
            String n = f.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            require(KNOWN_FUNCTIONS.contains(n), "Unknown function '" + f + "' (known: " + KNOWN_FUNCTIONS + ")");
            fns.add(n);
        }
        require(r.tasks() != null && !r.tasks().isEmpty(), "tasks is required (oneM2M paths in the cloud CSE,"
                + " e.g. /in-cse/Cars/CarA)");
        List<String> tasks = new ArrayList<>();
        for (String t : r.tasks()) {
            require(t != null && t.startsWith("/") && t.length() > 1 && !t.contains(" "),
                    "tasks entries must be oneM2M structured paths starting with '/': " + t);
            require(t.length() <= MAX_TASK_PATH, "tasks entries are at most " + MAX_TASK_PATH + " characters long");
            if (!tasks.contains(t)) {
                tasks.add(t);
            }
        }
        require(r.latencyMs() == null || r.latencyMs() > 0, "latencyMs must be a positive number of milliseconds");
        require(r.dataRate() == null || r.dataRate() >= 0 && Double.isFinite(r.dataRate()),
                "dataRate must be a non-negative number");
        DeviceLocation l = r.location();
        if (l != null) {
            require(l.latitude() == null || l.latitude() >= -90 && l.latitude() <= 90, "location.latitude out of range");
            require(l.longitude() == null || l.longitude() >= -180 && l.longitude() <= 180,
                    "location.longitude out of range");
        }
        List<String> ordered = KNOWN_FUNCTIONS.stream().filter(fns::contains).toList();
        return new DeviceRequest(r.deviceId().trim(), r.serviceType().trim(), ordered, List.copyOf(tasks), l,
                r.latencyMs(), r.dataRate());
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new InvalidRequestException(message);
        }
    }
}
