package org.edgeslice.contract.mec010.pkgm;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * ETSI GS MEC 010-2 clause 6.2.3.5 {@code AppPkgSubscription}: the body of POST app_pkgm subscriptions. The
 * v2.1.1 file misspells the attribute {@code subsctiptionType}; both spellings are accepted.
 */
@Schema(name = "AppPkgSubscription")
public record AppPkgSubscription(
        @Schema(required = true) String callbackUri,
        @Schema(required = true) @JsonAlias("subsctiptionType") AppPkgSubscriptionType subscriptionType,
        @Schema(description = "Filter: only packages matching one of these") List<AppPkgFilter> appPkgFilter) {
}
