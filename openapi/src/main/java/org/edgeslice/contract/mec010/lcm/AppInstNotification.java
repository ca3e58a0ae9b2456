package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code AppInstNotification} (AppInstanceStateChangeSubscription). {@code notificationType}
 * is typed by the v2.1.1 schema as {@code AppInstanceState}
 * (NOT_INSTANTIATED | STARTED | STOPPED); that is what is emitted (it names the new state), and
 * {@code appInstanceState} repeats it.
 */
@Schema(name = "AppInstNotification")
public record AppInstNotification(
        @Schema(required = true) String id,
        @Schema(required = true) AppInstanceState notificationType,
        @Schema(required = true) String subscriptionId,
        @Schema(required = true) TimeStamp timeStamp,
        @Schema(required = true) String appInstanceId,
        @Schema(required = true) String appPkgId,
        @Schema(required = true) String appDId,
        AppInstanceState appInstanceState,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppInstNotificationLinks") @JsonProperty("_links") Links links) {

    /** {@code AppInstNotification._links}. */
    @Schema(name = "AppInstNotificationLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType subscription, LinkType appInstance) {
    }
}
