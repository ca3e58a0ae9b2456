package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code TrafficRuleDescriptor} (AppD; Mm5 input). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TrafficRuleDescriptor")
public record TrafficRuleDescriptor(String trafficRuleId, FilterType filterType, Integer priority, List<TrafficFilter> trafficFilter,
        TrafficRuleAction action, List<InterfaceDescriptor> dstInterface) {
}
