package org.edgeslice.mepm.virt;

import java.util.List;
import java.util.Map;

/**
 * What the MEPM asks the engine to run for one app instance: the image, the environment it hands to the app,
 * the labels that tie the container to its instance and host, the compute limits from the AppD's
 * virtualComputeDescriptor, and host directories to mount at the same path.
 *
 * @param cpuMillis      CPU share in milli-CPUs: the app's weight when the CPU is contended (0 = engine default)
 * @param cpuLimitMillis hard CPU ceiling in milli-CPUs (0 = none: an idle host lends its spare cores)
 * @param memoryMb    memory limit in MB, swap included (0 = none)
 * @param command     overrides the image's command when not null
 */
public record ContainerSpec(String name, String image, Map<String, String> env, Map<String, String> labels,
                            long cpuMillis, long cpuLimitMillis, long memoryMb, List<String> volumes,
                            List<String> command) {

    /** A spec with a CPU share and no CPU ceiling. */
    public ContainerSpec(String name, String image, Map<String, String> env, Map<String, String> labels,
                         long cpuMillis, long memoryMb, List<String> volumes, List<String> command) {
        this(name, image, env, labels, cpuMillis, 0, memoryMb, volumes, command);
    }

    public ContainerSpec {
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }
}
