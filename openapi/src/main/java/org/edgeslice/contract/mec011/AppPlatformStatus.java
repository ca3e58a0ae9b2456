package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Mm5 (project API): an app's platform configuration (without its secret) and its Mp1 progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppPlatformStatus")
public record AppPlatformStatus(String appInstanceId, String appName, String appProvider, @JsonProperty("appDId") String appDId, String clientId,
        List<TrafficRuleDescriptor> appTrafficRule, @JsonProperty("appDNSRule") List<DnsRuleDescriptor> appDNSRule,
        List<Map<String, Object>> appServiceRequired, List<Map<String, Object>> appServiceProduced,
        boolean registered, boolean readyConfirmed) {
}
