package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code SubscriptionLinkList} of app_lcm/v1/subscriptions. */
@Schema(name = "LcmSubscriptionLinkList")
public record SubscriptionLinkList(@Schema(name = "_links", required = true, ref = "#/components/schemas/LcmSubscriptionLinkListLinks") @JsonProperty("_links") Links links) {

    /** {@code SubscriptionLinkList._links}. */
    @Schema(name = "LcmSubscriptionLinkListLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType self, List<Subscription> subscriptions) {
    }

    /** {@code SubscriptionLinkList._links.subscriptions} item. */
    @Schema(name = "LcmSubscriptionLinkListSubscription")
    public record Subscription(@Schema(required = true) String href,
                               @Schema(required = true) LcmSubscriptionType subscriptionType) {
    }
}
