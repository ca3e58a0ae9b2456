package org.edgeslice.mepm.lcm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.Labels;

/**
 * What an app instance's container looks like (docs/interfaces.md, "What the MEPM hands to an app container"):
 * the AppD's image, limits from its virtualComputeDescriptor, the MEC_* environment, our labels, and its data
 * directory mounted at the same path.
 */
public final class ContainerSpecs {

    private ContainerSpecs() {
    }

    /** The port names an app gets: the AppD's {@code appPorts} keys, else one port named {@code http}. */
    public static List<String> portNames(AppD appD) {
        return appD.appPorts() == null || appD.appPorts().isEmpty() ? List.of("http") : new ArrayList<>(appD.appPorts().keySet());
    }

    public static String containerName(String hostId, String appInstanceId) {
        return ("mepm-" + hostId + "-" + appInstanceId).replaceAll("[^a-zA-Z0-9_.-]", "-");
    }

    /** @param manager the MEPM's apiRoot, for the {@link Labels#MANAGER} label */
    public static ContainerSpec of(AppInstanceEntity instance, AppD appD, Map<String, Integer> ports, String hostId,
                                   String manager, String mp1Url, Path dataRoot) {
        Path data = dataDir(instance, dataRoot);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the app's data directory " + data, e);
        }
        return forAppD(appD, containerName(hostId, instance.id), environment(instance, ports, hostId, mp1Url, data),
                Labels.of(hostId, manager, instance.id, appD.appDId()), data);
    }

    /** A container of the AppD's image with the limits of its virtualComputeDescriptor and its data directory. */
    static ContainerSpec forAppD(AppD appD, String name, Map<String, String> env, Map<String, String> labels, Path data) {
        var vcd = appD.virtualComputeDescriptor();
        return new ContainerSpec(name, appD.swImageDescriptor().swImage(), env, labels, vcd == null ? 0 : vcd.cpuMillis(),
                vcd == null ? 0 : vcd.cpuLimitMillis(), vcd == null ? 0 : vcd.memoryMb(), List.of(data.toString()), null);
    }

    /** The instance's data directory: the standby container's it took over, else {@code dataRoot/id}. */
    public static Path dataDir(AppInstanceEntity instance, Path dataRoot) {
        return instance.dataDir != null ? Path.of(instance.dataDir) : dataRoot.resolve(instance.id).toAbsolutePath();
    }

    /** The MEC_* environment of an instance's app (also what a standby container is activated with). */
    public static Map<String, String> environment(AppInstanceEntity instance, Map<String, Integer> ports, String hostId,
                                                  String mp1Url, Path data) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MEC_APP_INSTANCE_ID", instance.id);
        env.put("MEC_APP_D_ID", instance.appDId);
        env.put("MEC_MP1_URL", mp1Url);
        env.put("MEC_CLIENT_ID", instance.clientId);
        env.put("MEC_CLIENT_SECRET", instance.clientSecret);
        env.put("MEC_PORTS", PortRepository.format(ports));
        env.put("MEC_HOST_ID", hostId);
        env.put("MEC_DATA_DIR", data.toString());
        return env;
    }

    /**
     * Project convention: the AppD asks for a restart of a container that died unasked by
     * {@code changeAppInstanceStateOpConfig.parameters.restartOnFailure = true}.
     */
    public static boolean restartOnFailure(AppD appD) {
        var cfg = appD.changeAppInstanceStateOpConfig();
        if (cfg == null || cfg.parameters() == null) {
            return false;
        }
        Object v = cfg.parameters().get("restartOnFailure");
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }
}
