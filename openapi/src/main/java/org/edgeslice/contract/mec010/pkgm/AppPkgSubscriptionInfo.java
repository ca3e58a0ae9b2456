package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 clause 6.2.3.6 {@code AppPkgSubscriptionInfo}. */
@Schema(name = "AppPkgSubscriptionInfo")
public record AppPkgSubscriptionInfo(
        @Schema(required = true) String id,
        @Schema(required = true) AppPkgSubscriptionType subscriptionType,
        @Schema(required = true) String callbackUri,
        List<AppPkgFilter> appPkgFilter,
        @Schema(name = "_links", required = true, ref = "#/components/schemas/AppPkgSubscriptionInfoLinks") @JsonProperty("_links") Links links) {

    /** {@code AppPkgSubscriptionInfo._links}. */
    @Schema(name = "AppPkgSubscriptionInfoLinks")
    public record Links(@Schema(required = true, ref = "#/components/schemas/LinkType") LinkType self) {
    }
}
