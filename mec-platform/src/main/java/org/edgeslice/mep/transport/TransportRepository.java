package org.edgeslice.mep.transport;

import java.util.List;
import java.util.Optional;

/** The transports the MEC platform offers for service registration (ETSI GS MEC 011 clause 8.2.5). */
public interface TransportRepository {

    List<TransportEntity> findAll();

    Optional<TransportEntity> find(String id);
}
