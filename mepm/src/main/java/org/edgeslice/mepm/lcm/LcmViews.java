package org.edgeslice.mepm.lcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.lcm.AppInstanceInfo;
import org.edgeslice.contract.mec010.lcm.AppLcmOpOcc;
import org.edgeslice.contract.mec010.lcm.InstantiationState;
import org.edgeslice.contract.mec010.lcm.MecHostInformation;
import org.edgeslice.support.json.Json;

/** Records to their ETSI GS MEC 010-2 representations; {@code root} is the apiRoot with a trailing slash. */
public final class LcmViews {

    private LcmViews() {
    }

    public static AppInstanceInfo info(AppInstanceEntity i, String root, String hostId, String hostName) {
        String self = root + "app_lcm/v1/app_instances/" + i.id;
        boolean inst = i.instantiationState == InstantiationState.INSTANTIATED;
        return new AppInstanceInfo(i.id, i.instanceName, i.instanceDescription, i.appDId, i.appProvider, i.appName,
                i.appSoftVersion, i.appDVersion, i.appPkgId, null, i.instantiationState,
                inst && i.operationalState != null ? new AppInstanceInfo.InstantiatedAppState(i.operationalState) : null,
                inst ? i.operationalState : null, new MecHostInformation(hostId, hostName),
                new AppInstanceInfo.Links(new LinkType(self), inst ? null : new LinkType(self + "/instantiate"),
                        inst ? new LinkType(self + "/terminate") : null, inst ? new LinkType(self + "/operate") : null,
                        inst ? new LinkType(self + "/configure_platform_for_app") : null));
    }

    public static AppLcmOpOcc opOcc(OpOccEntity o, String root, boolean cancelPending) {
        String self = root + "app_lcm/v1/app_lcm_op_occs/" + o.id;
        try {
            Object params = o.paramsJson == null ? null : Json.mapper().readTree(o.paramsJson);
            ProblemDetails error = o.errorJson == null ? null : Json.mapper().readValue(o.errorJson, ProblemDetails.class);
            return new AppLcmOpOcc(o.id, o.state, ts(o.stateEnteredTime), ts(o.startTime), o.operation, params,
                    o.appInstanceId, cancelPending, error, null, new AppLcmOpOcc.Links(new LinkType(self),
                    new LinkType(root + "app_lcm/v1/app_instances/" + o.appInstanceId), null,
                    o.state.isFinal() ? null : new LinkType(self + "/cancel"), null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TimeStamp ts(long millis) {
        return TimeStamp.of(java.time.Instant.ofEpochMilli(millis));
    }
}
