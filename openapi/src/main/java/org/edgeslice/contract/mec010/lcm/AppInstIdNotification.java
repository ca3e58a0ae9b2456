package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 v3.x {@code AppInstanceIdentifierCreationNotification} /
 * {@code AppInstanceIdentifierDeletionNotification}: {@code notificationType} is
 * {@code AppInstanceIdentifierCreationNotification} or {@code AppInstanceIdentifierDeletionNotification}.
 */
@Schema(name = "AppInstIdNotification")
public record AppInstIdNotification(
        @Schema(required = true) String id,
        @Schema(required = true) String notificationType,
        @Schema(required = true) String subscriptionId,
        @Schema(required = true) TimeStamp timeStamp,
        @Schema(required = true) String appInstanceId,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppInstIdNotificationLinks") @JsonProperty("_links") Links links) {

    public static final String CREATION = "AppInstanceIdentifierCreationNotification";
    public static final String DELETION = "AppInstanceIdentifierDeletionNotification";

    /** {@code _links}. */
    @Schema(name = "AppInstIdNotificationLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType subscription, LinkType appInstance) {
    }
}
