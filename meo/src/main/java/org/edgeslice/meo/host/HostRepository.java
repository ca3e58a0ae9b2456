package org.edgeslice.meo.host;

import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec010.host.MecHostInfo;

/** Where the host inventory and the capacity reservations are kept. */
public interface HostRepository {

    Optional<MecHostInfo> host(String hostId);

    List<MecHostInfo> hosts();

    void save(MecHostInfo host);

    List<Reservation> reservations();

    Optional<Reservation> reservation(String appInstanceId);

    void save(Reservation reservation);

    void deleteReservation(String appInstanceId);
}
