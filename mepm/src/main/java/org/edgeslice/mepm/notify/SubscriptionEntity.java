package org.edgeslice.mepm.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An app_lcm subscription, the request kept as given ({@code mepm_subscription}). */
@Entity
@Table(name = "mepm_subscription")
public class SubscriptionEntity {

    @Id
    public String id;
    @Column(name = "subscription_type", nullable = false)
    public String subscriptionType;
    @Column(name = "callback_uri", nullable = false)
    public String callbackUri;
    @Column(name = "request_json", nullable = false)
    public String requestJson;
    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
