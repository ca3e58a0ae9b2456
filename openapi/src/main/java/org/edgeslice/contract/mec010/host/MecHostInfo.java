package org.edgeslice.contract.mec010.host;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Project API (docs/interfaces.md) {@code PUT {meo}/mec_hosts/v1/hosts/{hostId}}: a MEC host as its MEPM
 * registers it at the MEO. {@code driver} is the MEPM's virtualisation driver (e.g. {@code docker},
 * {@code process}). In responses the MEO adds {@code allocated} (reserved by granted instances) and
 * {@code registeredAt}.
 */
@Schema(name = "MecHostInfo")
public record MecHostInfo(
        @Schema(required = true) String hostId,
        @Schema(required = true) String name,
        @Schema(required = true) Location location,
        @Schema(required = true) Capacity capacity,
        @Schema(required = true) String mepmApiRoot,
        String mepApiRoot,
        String dockerEndpoint,
        String driver,
        @Schema(readOnly = true) Capacity allocated,
        @Schema(readOnly = true) org.edgeslice.contract.common.TimeStamp registeredAt) {

    public MecHostInfo(String hostId, String name, Location location, Capacity capacity, String mepmApiRoot,
                       String mepApiRoot, String dockerEndpoint, String driver) {
        this(hostId, name, location, capacity, mepmApiRoot, mepApiRoot, dockerEndpoint, driver, null, null);
    }

    /** Where the host is: WGS84 degrees and a zone name (matched by placement). */
    @Schema(name = "MecHostLocation")
    public record Location(Double latitude, Double longitude, String zone) {
    }

    /** Compute capacity in milli-CPUs and MB. */
    @Schema(name = "MecHostCapacity")
    public record Capacity(@Schema(required = true) Long cpuMillis, @Schema(required = true) Long memoryMb) {
    }
}
