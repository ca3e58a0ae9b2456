package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.edgeslice.contract.common.LinkType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.3.3 {@code AppPkgInfo}: an application package resource. Before onboarding
 * completes, the AppD-derived attributes ({@code appDId}, {@code appName}, ...) are absent.
 */
@Schema(name = "AppPkgInfo", description = "Information about an application package")
public record AppPkgInfo(
        @Schema(required = true) String id,
        @Schema(required = true) String appDId,
        String appProvider,
        @Schema(required = true) String appName,
        @Schema(required = true) String appSoftwareVersion,
        @Schema(required = true) String appDVersion,
        @Schema(required = true) Checksum checksum,
        @Schema(required = true) List<AppPkgSwImageInfo> softwareImages,
        List<AppPkgArtifactInfo> additionalArtifacts,
        @Schema(required = true) OnboardingState onboardingState,
        @Schema(required = true) AppPkgOperationalState operationalState,
        @Schema(required = true) UsageState usageState,
        @Schema(description = "v3.x: where the package was fetched from") String appPkgPath,
        Map<String, Object> userDefinedData,
        @Schema(description = "Why onboarding failed (project extension, present only then)") String onboardingFailure,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppPkgInfoLinks") @JsonProperty("_links") Links links) {

    /** {@code AppPkgInfo._links}. */
    @Schema(name = "AppPkgInfoLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType self,
                        @Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appD,
                        @Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appPkgContent) {
    }
}
