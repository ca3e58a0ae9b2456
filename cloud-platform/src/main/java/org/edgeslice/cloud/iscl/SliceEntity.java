package org.edgeslice.cloud.iscl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An IoT slice (iscl_slice): the queried columns plus its SliceInfo (without tasks) as JSON. */
@Entity
@Table(name = "iscl_slice")
public class SliceEntity {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "state", nullable = false)
    String state;
    @Column(name = "functions", nullable = false)
    String functions;
    @Column(name = "app_instance_id")
    String appInstanceId;
    @Column(name = "info_json", nullable = false, length = 64000)
    String infoJson;
    @Column(name = "created_at", nullable = false)
    long createdAt;
}
