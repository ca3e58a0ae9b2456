package org.edgeslice.mep.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A subscription of either Mp1 API, stored in {@code mep_subscription}. */
@Entity
@Table(name = "mep_subscription")
public class SubscriptionEntity {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "app_instance_id", nullable = false)
    String appInstanceId;

    @Column(name = "callback_reference", nullable = false)
    String callbackReference;

    /** The subscription as returned to its owner (with {@code _links.self}). */
    @Column(name = "body_json", nullable = false, length = 32000)
    String bodyJson;

    @Column(name = "created_at", nullable = false)
    long createdAt;
}
