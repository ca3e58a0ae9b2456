package org.edgeslice.mepm.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notification not yet delivered ({@code mepm_notification}, an outbox). */
@Entity
@Table(name = "mepm_notification")
public class NotificationEntity {

    @Id
    public String id;
    @Column(name = "subscription_id", nullable = false)
    public String subscriptionId;
    @Column(name = "callback_uri", nullable = false)
    public String callbackUri;
    @Column(name = "body_json", nullable = false)
    public String bodyJson;
    @Column(name = "attempts", nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public long nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public long createdAt;
    /** Delivery order within a subscription. */
    @Column(name = "seq", nullable = false)
    public long seq;
}
