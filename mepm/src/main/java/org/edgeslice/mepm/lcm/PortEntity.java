package org.edgeslice.mepm.lcm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A host port handed to an app instance ({@code mepm_port}). */
@Entity
@Table(name = "mepm_port")
public class PortEntity {

    @Id
    public int port;
    @Column(name = "app_instance_id", nullable = false)
    public String appInstanceId;
    @Column(name = "name", nullable = false)
    public String name;
}
