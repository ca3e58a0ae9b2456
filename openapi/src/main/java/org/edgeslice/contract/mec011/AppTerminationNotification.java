package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgeslice.contract.common.LinkType;

/** ETSI GS MEC 011 {@code AppTerminationNotification} (clause 7.1.4.2), sent by the platform to the app's callback. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppTerminationNotification")
public record AppTerminationNotification(String notificationType, OperationActionType operationAction, Integer maxGracefulTimeout,
        @JsonProperty("_links") @Schema(name = "_links") Links links) {

    public static final String TYPE = "AppTerminationNotification";

    /** {@code _links}: the subscription and where to confirm. */
    @Schema(name = "AppTerminationNotificationLinks")
    public record Links(LinkType subscription, LinkType confirmTermination) {
    }
}
