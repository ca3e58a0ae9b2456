package org.edgeslice.contract.mec010.pkgm;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS NFV-IFA 011 {@code VirtualComputeDesc} as referenced by the MEC 010-2 AppD. The compute demand of
 * an app instance: {@code virtualCpu.numVirtualCpu} (whole CPUs) or, finer, {@code virtualCpu.vduCpuRequirements
 * {"cpuMillis": "250"}}; memory {@code virtualMemory.virtualMemSize} in MB.
 *
 * <p>CPU follows the request/limit model of container orchestrators: {@code cpuMillis} is the share the host
 * reserves for the app (capacity accounting, and the app's weight when the CPU is contended), and the optional
 * {@code vduCpuRequirements.cpuLimitMillis} a hard ceiling. Without a ceiling an idle host lets a starting app
 * use every core, which is what makes a JVM-based slice start in a fraction of a second instead of seconds.
 */
@Schema(name = "VirtualComputeDescriptor")
public record VirtualComputeDescriptor(
        @Schema(required = true) String virtualComputeDescId,
        Map<String, Object> logicalNode,
        List<Map<String, Object>> requestAdditionalCapabilities,
        Map<String, Object> computeRequirements,
        @Schema(required = true) VirtualMemory virtualMemory,
        @Schema(required = true) VirtualCpu virtualCpu,
        List<Map<String, Object>> virtualDisk) {

    /** IFA 011 {@code VirtualMemoryData}: size in MB. */
    @Schema(name = "VirtualMemoryData")
    public record VirtualMemory(@Schema(required = true) Double virtualMemSize,
                                Map<String, Object> virtualMemOversubscriptionPolicy,
                                Map<String, String> vduMemRequirements,
                                Boolean numaEnabled) {
    }

    /** IFA 011 {@code VirtualCpuData}. */
    @Schema(name = "VirtualCpuData")
    public record VirtualCpu(String cpuArchitecture,
                             @Schema(required = true) Integer numVirtualCpu,
                             Double virtualCpuClock,
                             String virtualCpuOversubscriptionPolicy,
                             Map<String, String> vduCpuRequirements,
                             Map<String, Object> virtualCpuPinning) {
    }

    /** CPU demand in milli-CPUs: {@code vduCpuRequirements.cpuMillis} if given, else numVirtualCpu x 1000. */
    public long cpuMillis() {
        if (virtualCpu == null) {
            return 0;
        }
        Map<String, String> req = virtualCpu.vduCpuRequirements();
        if (req != null && req.get("cpuMillis") != null) {
            return Long.parseLong(req.get("cpuMillis").trim());
        }
        return virtualCpu.numVirtualCpu() == null ? 0 : virtualCpu.numVirtualCpu() * 1000L;
    }

    /**
     * Hard CPU ceiling in milli-CPUs from {@code vduCpuRequirements.cpuLimitMillis}, or 0 when the AppD sets none
     * (the app may then use idle CPU beyond its share).
     */
    public long cpuLimitMillis() {
        if (virtualCpu == null || virtualCpu.vduCpuRequirements() == null) {
            return 0;
        }
        String limit = virtualCpu.vduCpuRequirements().get("cpuLimitMillis");
        return limit == null ? 0 : Long.parseLong(limit.trim());
    }

    /** Memory demand in MB. */
    public long memoryMb() {
        return virtualMemory == null || virtualMemory.virtualMemSize() == null ? 0
                : (long) Math.ceil(virtualMemory.virtualMemSize());
    }
}
