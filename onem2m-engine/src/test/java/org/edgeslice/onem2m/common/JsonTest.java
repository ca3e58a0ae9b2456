package org.edgeslice.onem2m.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writeRoundTripsEveryNodeType() throws Exception {
        String text = "{\"s\":\"a\\\"b\\u00e9\",\"i\":1,\"l\":12345678901234,\"d\":1.5,\"big\":123456789012345678901234567890,"
                + "\"t\":true,\"f\":false,\"n\":null,\"arr\":[1,\"x\",{\"o\":[]}],\"o\":{}}";
        JsonNode node = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        byte[] written = Json.write(node);
        assertEquals(node, Json.parse(written));
        assertEquals(Json.mapper().writeValueAsString(node), new String(written, StandardCharsets.UTF_8));
    }

    @Test
    void malformedAndDuplicateKeysAreBadRequest() {
        assertThrows(Onem2mException.class, () -> Json.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThrows(Onem2mException.class, () -> Json.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(Onem2mException.class, () -> Json.parse(new byte[0]));
    }
}
