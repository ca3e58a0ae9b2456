package org.edgeslice.meo.host;

import java.util.List;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.pkgm.AppD;

/**
 * Chooses the MEC host for an instantiation. A strategy: the MEO uses {@link LocalityPlacement} by default.
 */
public interface Placement {

    /** What is to be placed: the app, the client's request, and the compute it needs. */
    record Request(AppD appD, InstantiateAppRequest instantiate, long cpuMillis, long memoryMb) {
    }

    /** The chosen host (null when none fits) and why, in words recorded on the op occurrence. */
    record Decision(String hostId, String reason) {

        public boolean placed() {
            return hostId != null;
        }
    }

    Decision place(Request request, List<HostView> hosts);
}
