package org.edgeslice.mepm.virt;

import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param exitCode         the exit code once it stopped, else null
 * @param oomKilled        killed by the kernel for exceeding its memory limit
 * @param memoryLimitBytes the applied memory limit (0 = none)
 * @param nanoCpus         the applied CPU limit in 1e-9 CPUs (0 = none)
 */
public record ContainerStatus(String id, String name, String image, Map<String, String> labels, boolean running,
                              Integer exitCode, boolean oomKilled, long memoryLimitBytes, long nanoCpus) {
}
