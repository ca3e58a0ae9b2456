package org.edgeslice.meo.pkgm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.edgeslice.contract.common.TimeStamp;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.contract.mec010.pkgm.AppPkgArtifactInfo;
import org.edgeslice.contract.mec010.pkgm.AppPkgOperationalState;
import org.edgeslice.contract.mec010.pkgm.AppPkgSwImageInfo;
import org.edgeslice.contract.mec010.pkgm.Checksum;
import org.edgeslice.contract.mec010.pkgm.OnboardingState;
import org.edgeslice.contract.mec010.pkgm.UsageState;

/**
 * An application package (ETSI GS MEC 010-2 clause 5.2): what the client declared at creation and, once
 * onboarded, the AppD read from the package file. {@code appDFile} keeps the AppD text as written in the package.
 */
public record AppPackage(String id, String appPkgName, String appPkgVersion, String appProvider, Checksum checksum,
                         String appPkgPath, Map<String, Object> userDefinedData, OnboardingState onboardingState,
                         AppPkgOperationalState operationalState, UsageState usageState, AppD appD,
                         String appDFileName, String appDFile, List<AppPkgSwImageInfo> softwareImages,
                         List<AppPkgArtifactInfo> additionalArtifacts, String onboardingFailure, TimeStamp createdAt) {

    public AppPackage withOnboarding(OnboardingState state, String failure) {
        return new AppPackage(id, appPkgName, appPkgVersion, appProvider, checksum, appPkgPath, userDefinedData, state,
                operationalState, usageState, appD, appDFileName, appDFile, softwareImages, additionalArtifacts,
                failure, createdAt);
    }

    public AppPackage onboarded(PackageArchive.Contents contents) {
        return new AppPackage(id, appPkgName, appPkgVersion, appProvider, checksum, appPkgPath, userDefinedData,
                OnboardingState.ONBOARDED, operationalState, usageState, contents.appD(), contents.appDFileName(),
                contents.appDFile(), contents.softwareImages(), contents.artifacts(), null, createdAt);
    }

    public AppPackage withOperationalState(AppPkgOperationalState state) {
        return new AppPackage(id, appPkgName, appPkgVersion, appProvider, checksum, appPkgPath, userDefinedData,
                onboardingState, state, usageState, appD, appDFileName, appDFile, softwareImages, additionalArtifacts,
                onboardingFailure, createdAt);
    }

    public AppPackage withUsageState(UsageState state) {
        return new AppPackage(id, appPkgName, appPkgVersion, appProvider, checksum, appPkgPath, userDefinedData,
                onboardingState, operationalState, state, appD, appDFileName, appDFile, softwareImages,
                additionalArtifacts, onboardingFailure, createdAt);
    }

    @JsonIgnore
    public boolean isOnboarded() {
        return onboardingState == OnboardingState.ONBOARDED;
    }

    public String appDId() {
        return appD == null ? null : appD.appDId();
    }
}
