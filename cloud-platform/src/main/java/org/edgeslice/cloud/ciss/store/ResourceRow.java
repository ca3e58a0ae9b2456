package org.edgeslice.cloud.ciss.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One oneM2M resource of the cloud IN-CSE as stored: its attributes as JSON text, and its creation order. */
@Entity
@Table(name = "cse_resource")
public class ResourceRow {

    @Id
    @Column(name = "ri")
    private String ri;

    @Column(name = "ty", nullable = false)
    private int ty;

    @Column(name = "seq", nullable = false)
    private long seq;

    @Column(name = "path", nullable = false, length = 4000)
    private String path;

    @Column(name = "attrs", nullable = false, length = 1000000)
    private String attrs;

    protected ResourceRow() {
    }

    public ResourceRow(String ri, int ty, long seq, String path, String attrs) {
        this.ri = ri;
        this.ty = ty;
        this.seq = seq;
        this.path = path;
        this.attrs = attrs;
    }

    public String ri() {
        return ri;
    }

    public int ty() {
        return ty;
    }

    public long seq() {
        return seq;
    }

    public String path() {
        return path;
    }

    public String attrs() {
        return attrs;
    }
}
