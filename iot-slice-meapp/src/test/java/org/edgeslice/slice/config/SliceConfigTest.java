package org.edgeslice.slice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.store.wal.FsyncPolicy;
import org.junit.jupiter.api.Test;

class SliceConfigTest {

    @Test
    void defaultsBindLoopbackAndUseThePaperPorts() {
        SliceConfig c = SliceConfig.from(k -> null);
        assertEquals("127.0.0.1", c.bind());
        assertEquals(62590, c.functionPorts().get(CommonServiceFunction.REGISTRATION));
        assertEquals(62591, c.functionPorts().get(CommonServiceFunction.RETRIEVE));
        assertEquals(62592, c.functionPorts().get(CommonServiceFunction.SUBSCRIPTION));
        assertEquals(62593, c.functionPorts().get(CommonServiceFunction.NOTIFICATION));
        assertEquals(FsyncPolicy.INTERVAL, c.fsync());
        assertTrue(c.functions().contains(CommonServiceFunction.DATA_MANAGEMENT));
    }

    @Test
    void onlySelectedFunctionsGetPortsAndOffDisablesOne() {
        SliceConfig c = SliceConfig.from(Map.of("SLICE_FUNCTIONS", "retrieve,registration",
                "SLICE_PORT_REGISTRATION", "off", "SLICE_PORT_RETRIEVE", "7001")::get);
        assertEquals(Map.of(CommonServiceFunction.RETRIEVE, 7001), c.functionPorts());
        assertFalse(c.functions().contains(CommonServiceFunction.SUBSCRIPTION));
    }

    @Test
    void invalidValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SliceConfig.from(Map.of("SLICE_FUNCTIONS", "magic")::get));
        assertThrows(IllegalArgumentException.class, () -> SliceConfig.from(Map.of("SLICE_HTTP_PORT", "70000")::get));
        assertThrows(IllegalArgumentException.class, () -> SliceConfig.from(Map.of("SLICE_WAL_FSYNC", "sometimes")::get));
    }

    @Test
    void systemPropertyOverridesEnvironment() {
        System.setProperty("slice.cse.name", "from-property");
        try {
            assertEquals("from-property", SliceConfig.fromEnvironment().cseName());
        } finally {
            System.clearProperty("slice.cse.name");
        }
    }
}
