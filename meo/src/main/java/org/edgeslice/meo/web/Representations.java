package org.edgeslice.meo.web;

import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec010.lcm.AppInstanceInfo;
import org.edgeslice.contract.mec010.lcm.AppLcmOpOcc;
import org.edgeslice.contract.mec010.lcm.MecHostInformation;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.pkgm.AppPkgInfo;
import org.edgeslice.meo.common.ApiRoot;
import org.edgeslice.meo.lcm.AppInstance;
import org.edgeslice.meo.lcm.OpOcc;
import org.edgeslice.meo.pkgm.AppPackage;

/** Domain records as the ETSI GS MEC 010-2 representations, with their {@code _links}. */
final class Representations {

    private Representations() {
    }

    static AppPkgInfo pkg(AppPackage p, ApiRoot root) {
        String self = root.href("app_pkgm/v1/app_packages/" + p.id());
        return new AppPkgInfo(p.id(), p.appDId(), p.appD() == null ? p.appProvider() : p.appD().appProvider(),
                p.appD() == null ? null : p.appD().appName(), p.appD() == null ? null : p.appD().appSoftVersion(),
                p.appD() == null ? null : p.appD().appDVersion(), p.checksum(),
                p.softwareImages() == null ? java.util.List.of() : p.softwareImages(), p.additionalArtifacts(),
                p.onboardingState(), p.operationalState(), p.usageState(), p.appPkgPath(), p.userDefinedData(),
                p.onboardingFailure(),
                new AppPkgInfo.Links(new LinkType(self), new LinkType(self + "/appd"), new LinkType(self + "/package_content")));
    }

    static AppInstanceInfo instance(AppInstance i, ApiRoot root) {
        String self = root.href("app_lcm/v1/app_instances/" + i.id());
        return new AppInstanceInfo(i.id(), i.appInstanceName(), i.appInstanceDescription(), i.appDId(), i.appProvider(),
                i.appName(), i.appSoftVersion(), i.appDVersion(), i.appPkgId(), null, i.instantiationState(),
                i.isInstantiated() ? new AppInstanceInfo.InstantiatedAppState(i.operationalState()) : null,
                i.isInstantiated() ? i.operationalState() : null,
                i.hostId() == null ? null : new MecHostInformation(i.hostId(), i.hostName()),
                new AppInstanceInfo.Links(new LinkType(self),
                        i.isInstantiated() ? null : new LinkType(self + "/instantiate"),
                        i.isInstantiated() ? new LinkType(self + "/terminate") : null,
                        i.isInstantiated() ? new LinkType(self + "/operate") : null, null));
    }

    static AppLcmOpOcc op(OpOcc o, ApiRoot root) {
        String self = root.href("app_lcm/v1/app_lcm_op_occs/" + o.id());
        Object params = o.instantiate() != null ? o.instantiate() : o.terminate() != null ? o.terminate() : o.operate();
        boolean running = o.state() == OperationState.STARTING || o.state() == OperationState.PROCESSING;
        boolean temp = o.state() == OperationState.FAILED_TEMP;
        return new AppLcmOpOcc(o.id(), o.state(), o.stateEnteredTime(), o.startTime(), o.operation(), params,
                o.appInstanceId(), o.cancelPending() ? Boolean.TRUE : Boolean.FALSE, o.error(),
                o.placement() == null ? null : (o.hostId() == null ? "not placed: " : "host " + o.hostId() + ": ") + o.placement(),
                new AppLcmOpOcc.Links(new LinkType(self),
                        new LinkType(root.href("app_lcm/v1/app_instances/" + o.appInstanceId())), null,
                        running ? new LinkType(self + "/cancel") : null, temp ? new LinkType(self + "/retry") : null,
                        temp ? new LinkType(self + "/fail") : null));
    }
}
