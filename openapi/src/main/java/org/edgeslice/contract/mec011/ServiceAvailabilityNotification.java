package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgeslice.contract.common.LinkType;

/** ETSI GS MEC 011 {@code ServiceAvailabilityNotification} (clause 8.1.4.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ServiceAvailabilityNotification")
public record ServiceAvailabilityNotification(String notificationType, List<ServiceReference> serviceReferences, @JsonProperty("_links") @Schema(name = "_links") Links links) {

    public static final String TYPE = "SerAvailabilityNotification";

    /** One changed service. */
    @Schema(name = "ServiceReference")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceReference(LinkType link, String serName, String serInstanceId, ServiceState state,
                                   ServiceChangeType changeType) {
    }

    /** {@code _links}: the subscription this notification belongs to. */
    @Schema(name = "ServiceAvailabilityNotificationLinks")
    public record Links(LinkType subscription) {
    }
}
