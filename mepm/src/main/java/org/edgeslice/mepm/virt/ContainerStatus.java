package org.edgeslice.mepm.virt;

import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param exitCode         the exit code once it stopped, else null
 * @param oomKilled        killed by the kernel for exceeding its memory limit
 * @param memoryLimitBytes the applied memory limit (0 = none)
 * @param nanoCpus         the applied CPU ceiling in 1e-9 CPUs (0 = none)
 * @param cpuShares        the applied CPU weight (1024 = one CPU; 0 = engine default)
 */
public record ContainerStatus(String id, String name, String image, Map<String, String> labels, boolean running,
                              Integer exitCode, boolean oomKilled, long memoryLimitBytes, long nanoCpus,
                              long cpuShares) {
}
