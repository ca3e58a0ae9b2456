package org.edgeslice.meapp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec011.AccessTokenResponse;
import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceState;
import org.junit.jupiter.api.Test;

/**
 * RecordJson against the ObjectMapper it replaces (configured as the Mp1 client's was), on every record of the
 * MEC 011 contract: same JSON written, same records read.
 */
class RecordJsonTest {
    /** The Mp1 client's mapper before RecordJson: the oracle. */
    private static final ObjectMapper DATABIND = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    @Test
    void writesAndReadsEveryMec011RecordAsDatabindDid() throws Exception {
        List<Class<?>> records = contractRecords();
        assertTrue(records.size() > 30, "contract records found: " + records);
        for (Class<?> type : records) {
            for (boolean sparse : new boolean[] {false, true}) {
                Object value = sample(type, sparse, 0);
                byte[] ours = RecordJson.write(value);
                assertEquals(DATABIND.valueToTree(value), DATABIND.readTree(ours),
                        type.getSimpleName() + (sparse ? " (sparse)" : "") + ": " + new String(ours,
                                StandardCharsets.UTF_8));
                byte[] theirs = DATABIND.writeValueAsBytes(value);
                assertEquals(DATABIND.readValue(theirs, type), RecordJson.read(theirs, type), type.getSimpleName());
            }
        }
    }

    @Test
    void ignoresUnknownPropertiesAndReadsUnknownEnumConstantsAsNull() throws IOException {
        ServiceInfo s = RecordJson.read(("{\"serName\":\"onem2m\",\"state\":\"HIBERNATING\",\"future\":{\"a\":[1,{}]},"
                + "\"_links\":{\"self\":{\"href\":\"/s/1\"}}}").getBytes(StandardCharsets.UTF_8), ServiceInfo.class);
        assertEquals("onem2m", s.serName());
        assertNull(s.state());
        assertEquals(new LinkType("/s/1"), s.links().self());
        assertEquals(ServiceState.ACTIVE, RecordJson.read("{\"state\":\"ACTIVE\"}".getBytes(StandardCharsets.UTF_8),
                ServiceInfo.class).state());
    }

    @Test
    void coercesScalarsAsDatabindDoes() throws IOException {
        for (String json : List.of("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":\"3600\"}",
                "{\"access_token\":42,\"token_type\":true,\"expires_in\":3600.0}",
                "{\"access_token\":\"t\",\"expires_in\":\"\"}")) {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            assertEquals(DATABIND.readValue(b, AccessTokenResponse.class), RecordJson.read(b, AccessTokenResponse.class),
                    json);
        }
        byte[] flags = "{\"serName\":\"s\",\"isLocal\":\"true\",\"consumedLocalOnly\":\"false\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(DATABIND.readValue(flags, ServiceInfo.class), RecordJson.read(flags, ServiceInfo.class));
        assertThrows(IOException.class, () -> RecordJson.read("{\"expires_in\":\"soon\"}".getBytes(
                StandardCharsets.UTF_8), AccessTokenResponse.class));
    }

    @Test
    void readsListsAndStringMaps() throws IOException {
        List<ServiceInfo> list = RecordJson.readList("[{\"serName\":\"a\"},{\"serName\":\"b\"}]".getBytes(
                StandardCharsets.UTF_8), ServiceInfo.class);
        assertEquals(List.of("a", "b"), list.stream().map(ServiceInfo::serName).toList());
        assertEquals(Map.of("MEC_APP_ID", "x", "B", "y"), RecordJson.readStringMap(
                "{\"MEC_APP_ID\":\"x\",\"B\":\"y\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedOrMistypedJsonIsAnIoException() {
        assertThrows(IOException.class, () -> RecordJson.read("{\"serName\":".getBytes(StandardCharsets.UTF_8),
                ServiceInfo.class));
        assertThrows(IOException.class, () -> RecordJson.read("{\"serName\":[1]}".getBytes(StandardCharsets.UTF_8),
                ServiceInfo.class));
        assertThrows(IOException.class, () -> RecordJson.read("{} {}".getBytes(StandardCharsets.UTF_8),
                AppInfo.class));
        assertThrows(IOException.class, () -> RecordJson.readStringMap("{\"a\":{}}".getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Class<?>> contractRecords() throws URISyntaxException, IOException {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> anchor : List.of(AppInfo.class, LinkType.class)) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            String dir = anchor.getPackageName().replace('.', '/') + "/";
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(dir))) {
                    files.forEach(f -> names.add(dir + f.getFileName()));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().forEach(e -> names.add(e.getName()));
                }
            }
            for (String n : names) {
                if (n.startsWith(dir) && n.endsWith(".class") && n.indexOf('/', dir.length()) < 0) {
                    try {
                        Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'));
                        if (c.isRecord()) {
                            out.add(c);
                        }
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    /** Every property set (or, sparse, every other one null and collections empty), nested records too. */
    private static Object sample(Type type, boolean sparse, int depth) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType pt) {
            Type raw = pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (raw == List.class) {
                return sparse ? List.of() : List.of(sample(args[0], false, depth + 1));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            if (!sparse) {
                m.put("k", sample(args[1], false, depth + 1));
                if (args[1] == Object.class) {
                    m.put("n", 3);
                    m.put("none", null);
                    m.put("nested", Map.of("list", List.of(1, "two", true)));
                }
            }
            return m;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == Object.class) {
            return sparse ? "" : "text-" + depth;
        }
        if (c == Integer.class || c == int.class) {
            return 7;
        }
        if (c == Long.class || c == long.class) {
            return 1_700_000_000_000L;
        }
        if (c == Boolean.class || c == boolean.class) {
            return true;
        }
        if (c == Double.class || c == double.class) {
            return 1.5;
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (c.isRecord()) {
            RecordComponent[] rcs = c.getRecordComponents();
            Object[] values = new Object[rcs.length];
            Class<?>[] types = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
                boolean leaveNull = (sparse && i % 2 == 1 || depth > 3) && !types[i].isPrimitive();
                values[i] = leaveNull ? null : sample(rcs[i].getGenericType(), sparse, depth + 1);
            }
            return c.getDeclaredConstructor(types).newInstance(values);
        }
        throw new IllegalStateException("no sample for " + type);
    }
}
