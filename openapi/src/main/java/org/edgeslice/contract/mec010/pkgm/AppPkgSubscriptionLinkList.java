package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.3.7 {@code AppPkgSubscriptionLinkList}. The list items carry the misspelt
 * {@code subsctiptionType}, which the standard (v2.1.1 and v3.x) requires.
 */
@Schema(name = "AppPkgSubscriptionLinkList")
public record AppPkgSubscriptionLinkList(@Schema(name = "_links", required = true, ref = "#/components/schemas/AppPkgSubscriptionLinkListLinks") @JsonProperty("_links") Links links) {

    /** {@code AppPkgSubscriptionLinkList._links}. */
    @Schema(name = "AppPkgSubscriptionLinkListLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType self, List<Subscription> subscriptions) {
    }

    /** {@code Subscriptions.AppPkgSubscription}. */
    @Schema(name = "SubscriptionsAppPkgSubscription")
    public record Subscription(@Schema(required = true) String href,
                               @Schema(required = true) AppPkgSubscriptionType subsctiptionType) {
    }
}
