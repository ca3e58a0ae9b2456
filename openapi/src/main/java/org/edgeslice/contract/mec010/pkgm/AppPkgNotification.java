package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.common.TimeStamp;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 clause 6.2.3.8 {@code AppPkgNotification}, POSTed to the subscriber's callbackUri. */
@Schema(name = "AppPkgNotification")
public record AppPkgNotification(
        @Schema(required = true) String id,
        @Schema(required = true) AppPkgNotificationType notificationType,
        @Schema(required = true) String subscriptionId,
        @Schema(required = true) TimeStamp timeStamp,
        @Schema(required = true) String appPkgId,
        @Schema(required = true) String appDId,
        @Schema(required = true) AppPkgOperationalState operationalState,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppPkgNotificationLinks") @JsonProperty("_links") Links links) {

    /** {@code AppPkgNotification._links}. */
    @Schema(name = "AppPkgNotificationLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType subscription) {
    }
}
