package org.edgeslice.cloud.iss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.edgeslice.cloud.issm.FunctionSelection;
import org.junit.jupiter.api.Test;

class SliceEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FunctionSelection REG_RET = FunctionSelection.parse(List.of("registration", "retrieve"));

    @Test
    void portsExtensionGivesLoopbackUrls() throws Exception {
        assertEquals(Map.of("http", "http://127.0.0.1:40001", "retrieve", "http://127.0.0.1:40003"),
                SliceEndpoints.resolve(JSON.readTree("{\"id\":\"x\",\"ports\":{\"http\":40001,\"retrieve\":40003}}"), REG_RET));
    }

    @Test
    void mecPortsStringIsUnderstood() throws Exception {
        assertEquals(Map.of("http", "http://127.0.0.1:40001", "registration", "http://127.0.0.1:40002"),
                SliceEndpoints.resolve(JSON.readTree("{\"mecPorts\":\"http=40001, registration=40002\"}"), REG_RET));
    }

    @Test
    void withoutAnExtensionTheDefaultPortsOfTheHeldFunctionsAreAssumed() throws Exception {
        assertEquals(Map.of("http", "http://127.0.0.1:62589", "registration", "http://127.0.0.1:62590",
                "retrieve", "http://127.0.0.1:62591"), SliceEndpoints.resolve(JSON.readTree("{\"id\":\"x\"}"), REG_RET));
    }
}
