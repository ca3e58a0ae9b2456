package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code SerAvailabilityNotificationSubscription} (clause 8.1.3.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SerAvailabilityNotificationSubscription")
public record SerAvailabilityNotificationSubscription(String subscriptionType, String callbackReference, @JsonProperty("_links") @Schema(name = "_links") SelfLinks links,
        FilteringCriteria filteringCriteria) {

    public static final String TYPE = "SerAvailabilityNotificationSubscription";
}
