package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgeslice.contract.common.LinkType;

/** ETSI GS MEC 011 {@code MecAppSuptApiSubscriptionLinkList} / {@code MecServiceMgmtApiSubscriptionLinkList} (same shape). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SubscriptionLinkList")
public record SubscriptionLinkList(@JsonProperty("_links") @Schema(name = "_links") Links links) {

    /** {@code _links}. */
    @Schema(name = "SubscriptionLinkListLinks")
    public record Links(LinkType self, List<Subscription> subscriptions) {
    }

    /** One subscription: its URI and, in {@code rel}, its subscription type. */
    @Schema(name = "SubscriptionLinkListSubscription")
    public record Subscription(String href, String rel) {
    }
}
