package org.edgeslice.cloud.ciss.offload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An offloaded task (ciss_task): the queried columns plus the TaskInfo as JSON. */
@Entity
@Table(name = "ciss_task")
public class TaskEntity {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "slice_id", nullable = false)
    String sliceId;
    @Column(name = "path", nullable = false, length = 4000)
    String path;
    @Column(name = "sync_mode", nullable = false)
    String syncMode;
    @Column(name = "state", nullable = false)
    String state;
    @Column(name = "info_json", nullable = false, length = 32000)
    String infoJson;
    @Column(name = "created_at", nullable = false)
    long createdAt;
}
