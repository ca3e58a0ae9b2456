package org.edgeslice.mep.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notification waiting for delivery, stored in {@code mep_notification_outbox}. */
@Entity
@Table(name = "mep_notification_outbox")
public class OutboxEntity {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "subscription_id", nullable = false)
    String subscriptionId;

    @Column(name = "callback_uri", nullable = false)
    String callbackUri;

    @Column(name = "payload", nullable = false, length = 32000)
    String payload;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    long nextAttemptAt;

    /** Delivery order within a subscription. */
    @Column(name = "seq", nullable = false)
    long seq;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "last_error", length = 1024)
    String lastError;
}
