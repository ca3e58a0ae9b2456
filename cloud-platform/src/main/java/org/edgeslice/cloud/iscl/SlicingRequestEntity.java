package org.edgeslice.cloud.iscl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A slicing request (iscl_request): the queried columns plus its SlicingRequestInfo as JSON. */
@Entity
@Table(name = "iscl_request")
public class SlicingRequestEntity {
    @Id
    @Column(name = "id")
    String id;
    @Column(name = "request_type", nullable = false)
    String requestType;
    @Column(name = "state", nullable = false)
    String state;
    @Column(name = "slice_id")
    String sliceId;
    @Column(name = "info_json", nullable = false, length = 1000000)
    String infoJson;
    @Column(name = "created_at", nullable = false)
    long createdAt;
}
