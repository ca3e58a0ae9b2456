package org.edgeslice.meo.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notification waiting for (or given up after) delivery. */
@Entity
@Table(name = "meo_outbox")
public class OutboxEntity {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String UNDELIVERABLE = "UNDELIVERABLE";

    @Id
    @Column(name = "seq")
    long seq;

    @Column(name = "callback_uri")
    String callbackUri;

    @Column(name = "body")
    String body;

    @Column(name = "attempts")
    int attempts;

    @Column(name = "next_attempt_ms")
    long nextAttemptMs;

    @Column(name = "state")
    String state;

    @Column(name = "last_error")
    String lastError;
}
