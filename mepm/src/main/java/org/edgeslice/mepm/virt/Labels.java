package org.edgeslice.mepm.virt;

import java.util.Map;

/**
 * The labels every container of a MEPM carries: they tie it to its app instance, to its MEC host and to the MEPM
 * that manages it. The manager (the MEPM's apiRoot) is part of every selector so that two MEPMs sharing one engine
 * (a developer's second {@code ./mec up}, concurrent test runs) never take each other's containers for orphans.
 */
public final class Labels {

    public static final String MANAGED = "org.edgeslice.mepm.managed";
    public static final String HOST = "org.edgeslice.mepm.host";
    public static final String MANAGER = "org.edgeslice.mepm.manager";
    public static final String APP_INSTANCE = "org.edgeslice.mepm.appInstanceId";
    public static final String APP_D = "org.edgeslice.mepm.appDId";
    /** A standby container (started ahead of need for this AppD id); it keeps the label once an instance has it. */
    public static final String STANDBY = "org.edgeslice.mepm.standby";

    private Labels() {
    }

    /** The selector for every container of one MEPM on one host. */
    public static Map<String, String> ofManager(String hostId, String manager) {
        return Map.of(MANAGED, "true", HOST, hostId, MANAGER, manager);
    }

    public static Map<String, String> of(String hostId, String manager, String appInstanceId, String appDId) {
        return Map.of(MANAGED, "true", HOST, hostId, MANAGER, manager, APP_INSTANCE, appInstanceId, APP_D, appDId);
    }
}
