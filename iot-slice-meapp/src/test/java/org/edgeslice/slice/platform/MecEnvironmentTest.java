package org.edgeslice.slice.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.slice.config.SliceConfig;
import org.junit.jupiter.api.Test;

/** The slice inside a MEC container: ports and data directory from the MEPM's environment. */
class MecEnvironmentTest {

    @Test
    void mecPortsGiveThePortsAndANameTheMepmDidNotAllocateIsOff() {
        SliceConfig c = SliceConfig.from(Map.of("SLICE_FUNCTIONS", "registration,retrieve,subscription",
                "MEC_PORTS", "http=40100,registration=40101,retrieve=40102", "MEC_DATA_DIR", "/data/app-1")::get);
        assertEquals(40100, c.mainPort());
        assertEquals(Map.of(CommonServiceFunction.REGISTRATION, 40101, CommonServiceFunction.RETRIEVE, 40102),
                c.functionPorts(), "subscription has no allocated port: off, not 62592");
        assertEquals(Path.of("/data/app-1"), c.dataDir());
        assertEquals("auto", c.platform());
    }

    @Test
    void explicitSliceSettingsWinOverTheMecEnvironment() {
        SliceConfig c = SliceConfig.from(Map.of("MEC_PORTS", "http=40100", "SLICE_HTTP_PORT", "40200",
                "SLICE_DATA_DIR", "/x", "MEC_DATA_DIR", "/y")::get);
        assertEquals(40200, c.mainPort());
        assertEquals(Path.of("/x"), c.dataDir());
    }

    @Test
    void withoutMecPortsTheDefaultsStay() {
        SliceConfig c = SliceConfig.from(k -> null);
        assertEquals(62589, c.mainPort());
        assertEquals(62590, c.functionPorts().get(CommonServiceFunction.REGISTRATION));
    }

    @Test
    void autoSpeaksMp1OnlyWhenTheMepmHandedAPlatform() {
        SliceConfig c = SliceConfig.from(k -> null);
        var none = org.edgeslice.meapp.mp1.Mp1Settings.from(k -> null);
        var some = org.edgeslice.meapp.mp1.Mp1Settings.from(Map.of("MEC_MP1_URL", "http://127.0.0.1:1/mep",
                "MEC_APP_INSTANCE_ID", "a")::get);
        assertTrue(PlatformSelection.of(c, none) instanceof StandalonePlatformLifecycle);
        assertTrue(PlatformSelection.of(c, some) instanceof Mp1PlatformLifecycle);
        assertFalse(PlatformSelection.of(SliceConfig.from(Map.of("SLICE_PLATFORM", "standalone")::get), some)
                instanceof Mp1PlatformLifecycle);
    }
}
