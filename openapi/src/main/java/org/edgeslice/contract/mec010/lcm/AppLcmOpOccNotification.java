package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code AppLcmOpOccNotification} (AppLcmOpOccStateChangeSubscription). The v2.1.1 schema
 * types {@code notificationType} as the operation state (STARTING | PROCESSING | COMPLETED | FAILED, plus
 * FAILED_TEMP here); {@code operationState} and {@code operationType} repeat it in the v3.x manner.
 */
@Schema(name = "AppLcmOpOccNotification")
public record AppLcmOpOccNotification(
        @Schema(required = true) String id,
        @Schema(required = true) OperationState notificationType,
        @Schema(required = true) String subscriptionId,
        @Schema(required = true) TimeStamp timeStamp,
        @Schema(required = true) String appLcmOpOccId,
        @Schema(required = true) String appInstanceId,
        OperationState operationState,
        LcmOperation operationType,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppLcmOpOccNotificationLinks") @JsonProperty("_links") Links links) {

    /** {@code AppLcmOpOccNotification._links}. */
    @Schema(name = "AppLcmOpOccNotificationLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appInstance,
                        @Schema(required = true, ref = "#/components/schemas/LinkType") LinkType subscription,
                        @Schema(required = true, ref = "#/components/schemas/LinkType") LinkType appLcmOpOcc) {
    }
}
