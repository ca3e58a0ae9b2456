package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Mm5 (project API, docs/interfaces.md): what the MEPM configures on the platform before an app starts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppPlatformConfig")
public record AppPlatformConfig(String appInstanceId, String appName, String appProvider, @JsonProperty("appDId") String appDId, String clientId,
        String clientSecret, List<TrafficRuleDescriptor> appTrafficRule,
        @JsonProperty("appDNSRule") List<DnsRuleDescriptor> appDNSRule,
        List<Map<String, Object>> appServiceRequired, List<Map<String, Object>> appServiceProduced) {
}
