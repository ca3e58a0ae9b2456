package org.edgeslice.mepm.host;

import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Project API {@code GET mepm_mgmt/v1/host}: the host as registered at the MEO, and the MEPM's view of it. */
@Schema(name = "MepmHostStatus")
public record HostStatus(
        @Schema(required = true) MecHostInfo host,
        @Schema(required = true, description = "docker or process") String driver,
        @Schema(required = true) String driverEndpoint,
        @Schema(required = true, description = "whether the engine answers now") boolean driverHealthy,
        @Schema(required = true) boolean registeredAtMeo,
        @Schema(required = true, description = "host ports handed to apps, LOW-HIGH") String portRange,
        @Schema(required = true) int appInstances,
        @Schema(required = true) int runningAppInstances,
        @Schema(required = true, description = "the labels that select this MEPM's containers on its engine")
        java.util.Map<String, String> containerLabels) {
}
