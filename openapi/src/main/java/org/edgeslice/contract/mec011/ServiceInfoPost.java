package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code ServiceInfo.Post}: the body of POST applications/{appInstanceId}/services; exactly one of transportId and transportInfo. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServiceInfoPost")
public record ServiceInfoPost(String serInstanceId, String serName, CategoryRef serCategory, String version, ServiceState state,
        String transportId, TransportInfo transportInfo, SerializerType serializer, LocalityType scopeOfLocality,
        Boolean consumedLocalOnly, @JsonProperty("isLocal") Boolean isLocal, Integer livenessInterval) {
}
