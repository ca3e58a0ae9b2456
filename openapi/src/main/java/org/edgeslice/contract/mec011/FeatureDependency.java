package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code FeatureDependency}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FeatureDependency")
public record FeatureDependency(String featureName, String version) {
}
