package org.edgeslice.mepm.host;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where an app instance runs on this host: its container and the loopback ports the MEPM allocated to it
 * (the {@code MEC_PORTS} the app was given), with the URL of each, so that an operator or a device-facing
 * directory can find the app's endpoints.
 */
@Schema(name = "MepmAppPlacement")
public record AppPlacement(
        @Schema(required = true) String appInstanceId,
        @Schema(required = true) String hostId,
        @Schema(required = true) String driver,
        String containerId,
        @Schema(required = true, description = "port name -> host port") Map<String, Integer> ports,
        @Schema(required = true, description = "port name -> http://127.0.0.1:port") Map<String, String> endpoints) {
}
