package org.edgeslice.meo.lcm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.lcm.AppInstanceState;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.OperationalState;

/**
 * An application instance at the MEO (ETSI GS MEC 010-2 clause 5.3). The same id names it at the MEPM, the MEC
 * platform and on the container. {@code hostId}/{@code hostName} are set while it is instantiated.
 */
public record AppInstance(String id, String appInstanceName, String appInstanceDescription, String appDId,
                          String appPkgId, String appName, String appProvider, String appSoftVersion,
                          String appDVersion, InstantiationState instantiationState,
                          OperationalState operationalState, String hostId, String hostName, TimeStamp createdAt) {

    public AppInstance instantiated(String host, String name) {
        return new AppInstance(id, appInstanceName, appInstanceDescription, appDId, appPkgId, appName, appProvider,
                appSoftVersion, appDVersion, InstantiationState.INSTANTIATED, OperationalState.STARTED, host, name,
                createdAt);
    }

    public AppInstance notInstantiated() {
        return new AppInstance(id, appInstanceName, appInstanceDescription, appDId, appPkgId, appName, appProvider,
                appSoftVersion, appDVersion, InstantiationState.NOT_INSTANTIATED, null, null, null, createdAt);
    }

    public AppInstance withOperationalState(OperationalState state) {
        return new AppInstance(id, appInstanceName, appInstanceDescription, appDId, appPkgId, appName, appProvider,
                appSoftVersion, appDVersion, instantiationState, state, hostId, hostName, createdAt);
    }

    @JsonIgnore
    public boolean isInstantiated() {
        return instantiationState == InstantiationState.INSTANTIATED;
    }

    /** The state subscription filters and notifications name. */
    public AppInstanceState state() {
        if (!isInstantiated()) {
            return AppInstanceState.NOT_INSTANTIATED;
        }
        return operationalState == OperationalState.STOPPED ? AppInstanceState.STOPPED : AppInstanceState.STARTED;
    }
}
