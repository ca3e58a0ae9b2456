package org.edgeslice.mep.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A MEC service an app produces, stored in {@code mep_service}. */
@Entity
@Table(name = "mep_service")
public class ServiceEntity {

    @Id
    @Column(name = "ser_instance_id")
    String serInstanceId;

    @Column(name = "app_instance_id", nullable = false)
    String appInstanceId;

    @Column(name = "ser_name", nullable = false)
    String serName;

    @Column(name = "state", nullable = false)
    String state;

    /** The {@code ServiceInfo} as served, {@code _links} included. */
    @Column(name = "body_json", nullable = false, length = 32000)
    String bodyJson;

    @Column(name = "liveness_interval")
    Integer livenessInterval;

    /** Epoch milliseconds of the last heartbeat (or of the creation). */
    @Column(name = "last_heartbeat", nullable = false)
    long lastHeartbeat;

    @Column(name = "version", nullable = false)
    int version;
}
