package org.edgeslice.mepm.virt;

import java.util.Map;

/** The labels every container of a MEPM carries: they tie it to its app instance and to its MEC host. */
public final class Labels {

    public static final String MANAGED = "org.edgeslice.mepm.managed";
    public static final String HOST = "org.edgeslice.mepm.host";
    public static final String APP_INSTANCE = "org.edgeslice.mepm.appInstanceId";
    public static final String APP_D = "org.edgeslice.mepm.appDId";

    private Labels() {
    }

    /** The selector for every container of one host. */
    public static Map<String, String> ofHost(String hostId) {
        return Map.of(MANAGED, "true", HOST, hostId);
    }

    public static Map<String, String> of(String hostId, String appInstanceId, String appDId) {
        return Map.of(MANAGED, "true", HOST, hostId, APP_INSTANCE, appInstanceId, APP_D, appDId);
    }
}
