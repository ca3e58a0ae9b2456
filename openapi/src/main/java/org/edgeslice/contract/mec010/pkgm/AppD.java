package org.edgeslice.contract.mec010.pkgm;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.1.2 {@code AppD}: the MEC application descriptor, the Entry-Definitions file of
 * an application package (JSON or YAML). Returned by the appd resources. The NFV-defined parts that the
 * v2.1.1 file leaves unspecified ({@code virtualComputeDescriptor}, {@code swImageDescriptor}) are modelled on
 * ETSI GS NFV-IFA 011 / SOL 001 (see {@link VirtualComputeDescriptor}, {@link SwImageDescriptor}).
 */
@Schema(name = "AppD", description = "MEC application descriptor")
public record AppD(
        @Schema(required = true) String appDId,
        @Schema(required = true) String appName,
        @Schema(required = true) String appProvider,
        @Schema(required = true) String appSoftVersion,
        @Schema(required = true) String appDVersion,
        @Schema(required = true) List<String> mecVersion,
        String appInfoName,
        @Schema(required = true) String appDescription,
        @Schema(required = true) VirtualComputeDescriptor virtualComputeDescriptor,
        @Schema(required = true) SwImageDescriptor swImageDescriptor,
        List<Map<String, Object>> virtualStorageDescriptor,
        List<Map<String, Object>> appExtCpd,
        List<ServiceDependency> appServiceRequired,
        List<ServiceDependency> appServiceOptional,
        List<ServiceDescriptor> appServiceProduced,
        List<FeatureDependency> appFeatureRequired,
        List<FeatureDependency> appFeatureOptional,
        List<TransportDependency> transportDependencies,
        List<TrafficRuleDescriptor> appTrafficRule,
        List<DnsRuleDescriptor> appDNSRule,
        LatencyDescriptor appLatency,
        TerminateAppInstanceOpConfig terminateAppInstanceOpConfig,
        ChangeAppInstanceStateOpConfig changeAppInstanceStateOpConfig,
        @Schema(description = "Project extension: ports the app listens on, name -> container port; the MEPM "
                + "allocates host ports for them (MEC_PORTS)") Map<String, Integer> appPorts) {
}
