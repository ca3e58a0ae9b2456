package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 v3.x {@code AppInfo} (clause 7.1.2.6): what an app registers with {@code POST registrations}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppInfo")
public record AppInfo(String appName, String appProvider, CategoryRef appCategory, @JsonProperty("appDId") String appDId,
        String appInstanceId, EndPointInfo endpoint, List<ServiceDependency> appServiceRequired,
        List<ServiceDependency> appServiceOptional, List<FeatureDependency> appFeatureRequired,
        List<FeatureDependency> appFeatureOptional, @JsonProperty("isInsByMec") Boolean isInsByMec, Map<String, Object> appProfile) {
}
