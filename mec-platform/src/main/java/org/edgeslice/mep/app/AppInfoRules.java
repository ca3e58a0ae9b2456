package org.edgeslice.mep.app;

import org.edgeslice.contract.mec011.AppInfo;
import org.edgeslice.support.problem.ProblemException;

/**
 * The registration rules of ETSI GS MEC 011 v3.x {@code AppInfo} (clause 7.1.2.6) as this platform applies them:
 * appName is required; an app instantiated by the MEC management ({@code isInsByMec} absent or true) must name the
 * appDId it was configured with; an app not instantiated by the MEC management must give its endpoint; an app
 * can only register itself.
 */
public final class AppInfoRules {

    private AppInfoRules() {
    }

    public static AppInfo check(AppInfo info, String appInstanceId, String configuredAppDId) {
        if (info.appName() == null || info.appName().isBlank()) {
            throw ProblemException.badRequest("AppInfo.appName is required");
        }
        if (info.appInstanceId() != null && !info.appInstanceId().equals(appInstanceId)) {
            throw ProblemException.forbidden("An app can only register itself (appInstanceId " + appInstanceId + ")");
        }
        boolean byMec = info.isInsByMec() == null || info.isInsByMec();
        if (!byMec && info.endpoint() == null) {
            throw ProblemException.badRequest("AppInfo.endpoint is required when isInsByMec is false");
        }
        if (byMec && (info.appDId() == null || info.appDId().isBlank())) {
            throw ProblemException.badRequest("AppInfo.appDId is required for an app instantiated by the MEC management");
        }
        if (info.appDId() != null && configuredAppDId != null && !info.appDId().equals(configuredAppDId)) {
            throw ProblemException.badRequest("AppInfo.appDId " + info.appDId() + " is not the appDId this instance was"
                    + " instantiated from (" + configuredAppDId + ")");
        }
        return new AppInfo(info.appName(), info.appProvider(), info.appCategory(), info.appDId(), appInstanceId,
                info.endpoint(), info.appServiceRequired(), info.appServiceOptional(), info.appFeatureRequired(),
                info.appFeatureOptional(), info.isInsByMec(), info.appProfile());
    }
}
