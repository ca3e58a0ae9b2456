package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code FeatureDependency}. */
@Schema(name = "FeatureDependency")
public record FeatureDependency(@Schema(required = true) String featureName,
                                @Schema(required = true) String version) {
}
