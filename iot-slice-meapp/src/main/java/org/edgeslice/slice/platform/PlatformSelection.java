package org.edgeslice.slice.platform;

import org.edgeslice.meapp.mp1.Mp1Settings;
import org.edgeslice.slice.config.SliceConfig;

/** SLICE_PLATFORM: standalone, mp1, or auto (mp1 when the MEPM handed MEC_MP1_URL and MEC_APP_INSTANCE_ID). */
public final class PlatformSelection {
    private PlatformSelection() {
    }

    public static PlatformLifecycle of(SliceConfig config, Mp1Settings mp1) {
        String name = config.platform();
        if ("standalone".equalsIgnoreCase(name) || "auto".equalsIgnoreCase(name) && !mp1.hasPlatform()) {
            return new StandalonePlatformLifecycle();
        }
        if ("mp1".equalsIgnoreCase(name) || "auto".equalsIgnoreCase(name)) {
            return new Mp1PlatformLifecycle(mp1, config.httpRoot(), config.bind(), config.cseId(), config.cseName());
        }
        throw new IllegalArgumentException("unknown SLICE_PLATFORM " + name + " (supported: auto, mp1, standalone)");
    }
}
