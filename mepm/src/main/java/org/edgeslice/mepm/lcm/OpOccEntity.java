package org.edgeslice.mepm.lcm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.edgeslice.contract.mec010.lcm.LcmOperation;
import org.edgeslice.contract.mec010.lcm.OperationState;

/** An LCM operation occurrence of this MEPM, as stored in {@code mepm_op_occ}. */
@Entity
@Table(name = "mepm_op_occ")
public class OpOccEntity {

    @Id
    public String id;
    @Column(name = "app_instance_id", nullable = false)
    public String appInstanceId;
    @Enumerated(EnumType.STRING)
    @Column(name = "operation", nullable = false)
    public LcmOperation operation;
    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    public OperationState state;
    @Column(name = "start_time", nullable = false)
    public long startTime;
    @Column(name = "state_entered_time", nullable = false)
    public long stateEnteredTime;
    @Column(name = "params_json")
    public String paramsJson;
    @Column(name = "error_json")
    public String errorJson;
    @Column(name = "grant_id")
    public String grantId;
    @Version
    public long version;
}
