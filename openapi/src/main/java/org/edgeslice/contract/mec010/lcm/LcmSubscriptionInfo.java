package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgeslice.contract.common.LinkType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 {@code AppInstSubscriptionInfo} / {@code AppLcmOpOccSubscriptionInfo} /
 * {@code AppInstIdCreationSubscriptionInfo} / {@code AppInstIdDeletionSubscriptionInfo}: they share
 * {@code id}, {@code subscriptionType}, {@code callbackUri}, {@code _links.self}; the type's own filter
 * attributes are echoed as given.
 */
@Schema(name = "LcmSubscriptionInfo")
public record LcmSubscriptionInfo(
        @Schema(required = true) String id,
        @Schema(required = true) LcmSubscriptionType subscriptionType,
        @Schema(required = true) String callbackUri,
        AppInstanceState appInstanceState,
        AppInstanceSubscriptionFilter appInstanceSubscriptionFilter,
        LcmSubscriptionRequest.AppLcmOpOccSubscriptionFilter appLcmOpOccSubscriptionFilter,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/LcmSubscriptionInfoLinks") @JsonProperty("_links") Links links) {

    /** {@code _links}. */
    @Schema(name = "LcmSubscriptionInfoLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType self) {
    }
}
