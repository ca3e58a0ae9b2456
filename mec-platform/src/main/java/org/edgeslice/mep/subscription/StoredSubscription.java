package org.edgeslice.mep.subscription;

/** A subscription as the other features see it. */
public record StoredSubscription(String id, SubscriptionKind kind, String appInstanceId, String callbackReference,
                                 String bodyJson) {

    static StoredSubscription of(SubscriptionEntity e) {
        return new StoredSubscription(e.id, SubscriptionKind.valueOf(e.kind), e.appInstanceId, e.callbackReference,
                e.bodyJson);
    }
}
