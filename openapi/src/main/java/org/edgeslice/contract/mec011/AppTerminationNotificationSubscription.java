package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code AppTerminationNotificationSubscription} (clause 7.1.3.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AppTerminationNotificationSubscription")
public record AppTerminationNotificationSubscription(String subscriptionType, String callbackReference, @JsonProperty("_links") @Schema(name = "_links") SelfLinks links, String appInstanceId) {

    public static final String TYPE = "AppTerminationNotificationSubscription";
}
