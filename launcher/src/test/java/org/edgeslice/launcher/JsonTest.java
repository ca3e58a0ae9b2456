package org.edgeslice.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedObjectsArraysAndEscapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a\"b\\c\n");
        m.put("n", 3);
        m.put("none", null);
        m.put("list", List.of(true, 1.5));
        assertEquals("{\"name\":\"a\\\"b\\\\c\\n\",\"n\":3,\"none\":null,\"list\":[true,1.5]}", Json.write(m));
    }
}
