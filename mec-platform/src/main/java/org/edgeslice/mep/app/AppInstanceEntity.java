package org.edgeslice.mep.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An app instance as the MEPM configured it (Mm5) and its Mp1 progress, stored in {@code mep_app_instance}. */
@Entity
@Table(name = "mep_app_instance")
public class AppInstanceEntity {

    @Id
    @Column(name = "app_instance_id")
    String appInstanceId;

    @Column(name = "client_id", nullable = false)
    String clientId;

    @Column(name = "client_secret_hash", nullable = false)
    String clientSecretHash;

    @Column(name = "app_d_id")
    String appDId;

    /** The Mm5 {@code AppPlatformConfig} without its client secret. */
    @Column(name = "config_json", nullable = false, length = 32000)
    String configJson;

    @Column(name = "registered", nullable = false)
    boolean registered;

    /** The registered {@code AppInfo}. */
    @Column(name = "app_info_json", length = 32000)
    String appInfoJson;

    @Column(name = "ready_confirmed", nullable = false)
    boolean readyConfirmed;

    @Column(name = "termination_state")
    String terminationState;

    @Column(name = "termination_action")
    String terminationAction;

    @Column(name = "termination_timeout")
    Integer terminationTimeout;

    /** Epoch milliseconds after which a pending termination counts as timed out. */
    @Column(name = "termination_deadline")
    Long terminationDeadline;
}
