package org.edgeslice.contract.mec010.lcm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST app_lcm/v1/subscriptions (ETSI GS MEC 010-2 clause 7.4.7): one of the four subscription
 * requests, told apart by {@code subscriptionType} in the body (v3.x; the v2.1.1 query parameter is optional).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "subscriptionType",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = LcmSubscriptionRequest.AppInstSubscriptionRequest.class,
                names = {"AppInstanceStateChangeSubscription", "AppInstanceStateChange"}),
        @JsonSubTypes.Type(value = LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest.class,
                names = {"AppLcmOpOccStateChangeSubscription", "AppLcmOpOccStateChange"}),
        @JsonSubTypes.Type(value = LcmSubscriptionRequest.AppInstIdCreationSubscriptionRequest.class,
                names = {"AppInstIdCreationSubscription", "AppInstanceIdCreationSubscription"}),
        @JsonSubTypes.Type(value = LcmSubscriptionRequest.AppInstIdDeletionSubscriptionRequest.class,
                names = {"AppInstIdDeletionSubscription", "AppInstanceIdDeletionSubscription"})})
@Schema(name = "LcmSubscriptionRequest", oneOf = {LcmSubscriptionRequest.AppInstSubscriptionRequest.class,
        LcmSubscriptionRequest.AppLcmOpOccSubscriptionRequest.class,
        LcmSubscriptionRequest.AppInstIdCreationSubscriptionRequest.class,
        LcmSubscriptionRequest.AppInstIdDeletionSubscriptionRequest.class})
public sealed interface LcmSubscriptionRequest {

    LcmSubscriptionType subscriptionType();

    String callbackUri();

    /** The instance filter, if the type has one. */
    AppInstanceSubscriptionFilter appInstanceSubscriptionFilter();

    /** ETSI GS MEC 010-2 {@code AppInstSubscriptionRequest} (AppInstanceStateChangeSubscription). */
    @Schema(name = "AppInstSubscriptionRequest")
    record AppInstSubscriptionRequest(@Schema(required = true) LcmSubscriptionType subscriptionType,
                                      @Schema(required = true) String callbackUri,
                                      AppInstanceState appInstanceState,
                                      AppInstanceSubscriptionFilter appInstanceSubscriptionFilter)
            implements LcmSubscriptionRequest {
    }

    /** ETSI GS MEC 010-2 {@code AppLcmOpOccSubscriptionRequest} (AppLcmOpOccStateChangeSubscription). */
    @Schema(name = "AppLcmOpOccSubscriptionRequest")
    record AppLcmOpOccSubscriptionRequest(@Schema(required = true) LcmSubscriptionType subscriptionType,
                                          @Schema(required = true) String callbackUri,
                                          AppLcmOpOccSubscriptionFilter appLcmOpOccSubscriptionFilter)
            implements LcmSubscriptionRequest {
        @Override
        public AppInstanceSubscriptionFilter appInstanceSubscriptionFilter() {
            return appLcmOpOccSubscriptionFilter == null ? null
                    : appLcmOpOccSubscriptionFilter.appInstanceSubscriptionFilter();
        }
    }

    /** ETSI GS MEC 010-2 v3.x {@code AppLcmOpOccSubscriptionFilter}. */
    @Schema(name = "AppLcmOpOccSubscriptionFilter")
    record AppLcmOpOccSubscriptionFilter(AppInstanceSubscriptionFilter appInstanceSubscriptionFilter,
                                         List<String> notificationTypes,
                                         List<OperationState> operationStates,
                                         List<LcmOperation> operationTypes) {
    }

    /** ETSI GS MEC 010-2 v3.x {@code AppInstIdCreationSubscriptionRequest}. */
    @Schema(name = "AppInstIdCreationSubscriptionRequest")
    record AppInstIdCreationSubscriptionRequest(@Schema(required = true) LcmSubscriptionType subscriptionType,
                                                @Schema(required = true) String callbackUri,
                                                AppInstanceSubscriptionFilter appInstanceSubscriptionFilter)
            implements LcmSubscriptionRequest {
    }

    /** ETSI GS MEC 010-2 v3.x {@code AppInstIdDeletionSubscriptionRequest}. */
    @Schema(name = "AppInstIdDeletionSubscriptionRequest")
    record AppInstIdDeletionSubscriptionRequest(@Schema(required = true) LcmSubscriptionType subscriptionType,
                                                @Schema(required = true) String callbackUri,
                                                AppInstanceSubscriptionFilter appInstanceSubscriptionFilter)
            implements LcmSubscriptionRequest {
    }
}
