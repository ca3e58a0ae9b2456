package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgeslice.contract.common.LinkType;

/** ETSI GS MEC 011 {@code ServiceInfo} (clause 8.1.2.2) with the v2.2.1+ liveness attributes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServiceInfo")
public record ServiceInfo(String serInstanceId, String serName, CategoryRef serCategory, String version, ServiceState state,
        String transportId, TransportInfo transportInfo, SerializerType serializer, LocalityType scopeOfLocality,
        Boolean consumedLocalOnly, @JsonProperty("isLocal") Boolean isLocal, Integer livenessInterval, @JsonProperty("_links") @Schema(name = "_links") Links links) {

    /** {@code _links}: the service itself and, when it has a livenessInterval, its liveness resource. */
    @Schema(name = "ServiceInfoLinks")
    public record Links(LinkType self, LinkType liveness) {
    }
}
