package org.edgeslice.meo.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored resource: the JSON of a domain record, keyed by kind and id (see V1 migration). */
@Entity
@Table(name = "meo_document")
public class DocumentEntity {

    @Id
    @Column(name = "doc_key")
    String key;

    @Column(name = "kind")
    String kind;

    @Column(name = "id")
    String id;

    @Column(name = "parent_id")
    String parentId;

    @Column(name = "created_ms")
    long createdMs;

    @Column(name = "body")
    String body;
}
