package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code TrafficRuleDescriptor} (AppD; Mm5 input). Its {@code action} values and its
 * filter's {@code tag} differ from MEC 011's {@code TrafficRule}; the platform maps them (both spellings are
 * accepted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TrafficRuleDescriptor")
public record TrafficRuleDescriptor(String trafficRuleId, FilterType filterType, Integer priority,
        List<TrafficFilterDescriptor> trafficFilter, Action action, List<InterfaceDescriptor> dstInterface) {

    /** MEC 010-2 {@code Action}, plus MEC 011's spellings. */
    @Schema(name = "TrafficRuleDescriptorAction")
    public enum Action {
        DROP, FORWARD_DECAPSULATED, FORWARD_AS_IS, PASSTHROUGH, DUPLICATED_DECAPSULATED, DUPLICATE_AS_IS,
        FORWARD_ENCAPSULATED, DUPLICATE_DECAPSULATED, DUPLICATE_ENCAPSULATED;

        /** The MEC 011 action: "as is" forwards the packet as received, that is still encapsulated. */
        public TrafficRuleAction toMec011() {
            return switch (this) {
                case DROP -> TrafficRuleAction.DROP;
                case FORWARD_DECAPSULATED -> TrafficRuleAction.FORWARD_DECAPSULATED;
                case FORWARD_AS_IS, FORWARD_ENCAPSULATED -> TrafficRuleAction.FORWARD_ENCAPSULATED;
                case PASSTHROUGH -> TrafficRuleAction.PASSTHROUGH;
                case DUPLICATED_DECAPSULATED, DUPLICATE_DECAPSULATED -> TrafficRuleAction.DUPLICATE_DECAPSULATED;
                case DUPLICATE_AS_IS, DUPLICATE_ENCAPSULATED -> TrafficRuleAction.DUPLICATE_ENCAPSULATED;
            };
        }
    }
}
