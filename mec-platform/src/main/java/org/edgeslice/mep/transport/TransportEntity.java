package org.edgeslice.mep.transport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.edgeslice.contract.mec011.TransportType;

/** A transport the platform offers, as stored in {@code mep_transport}. */
@Entity
@Table(name = "mep_transport")
public class TransportEntity {

    @Id
    @Column(name = "id")
    String id;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "description")
    String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    TransportType type;

    @Column(name = "protocol", nullable = false)
    String protocol;

    @Column(name = "version", nullable = false)
    String version;

    @Column(name = "oauth2_token_endpoint_path")
    String tokenEndpointPath;
}
