package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code TrafficRule} (clause 7.1.2.2): configured from the AppD by the MEPM, readable and changeable by its app. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TrafficRule")
public record TrafficRule(String trafficRuleId, FilterType filterType, Integer priority, List<TrafficFilter> trafficFilter,
        TrafficRuleAction action, DestinationInterface dstInterface, RuleState state) {
}
