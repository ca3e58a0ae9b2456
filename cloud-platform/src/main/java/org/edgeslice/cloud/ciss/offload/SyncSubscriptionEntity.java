package org.edgeslice.cloud.ciss.offload;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A subscription the CISS holds at a slice (ciss_sync_sub): which cloud resource its notifications feed. */
@Entity
@Table(name = "ciss_sync_sub")
@IdClass(SyncSubscriptionEntity.Key.class)
public class SyncSubscriptionEntity {
    @Id
    @Column(name = "task_id")
    String taskId;
    @Id
    @Column(name = "slice_sub_ri")
    String sliceSubRi;
    @Column(name = "cloud_path", nullable = false, length = 4000)
    String cloudPath;
    @Column(name = "slice_path", nullable = false, length = 4000)
    String slicePath;

    /** Composite key. */
    public static class Key implements Serializable {
        String taskId;
        String sliceSubRi;

        public Key() {
        }

        public Key(String taskId, String sliceSubRi) {
            this.taskId = taskId;
            this.sliceSubRi = sliceSubRi;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(taskId, k.taskId) && Objects.equals(sliceSubRi, k.sliceSubRi);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, sliceSubRi);
        }
    }
}
