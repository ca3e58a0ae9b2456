package org.edgeslice.meo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.meo.host.HostRepository;
import org.edgeslice.meo.host.Reservation;

/** MEC hosts and capacity reservations in the MEO database. */
@ApplicationScoped
@Transactional
public class JpaHostRepository implements HostRepository {

    @Inject
    DocumentStore documents;

    @Override
    public Optional<MecHostInfo> host(String hostId) {
        return documents.find("host", hostId, MecHostInfo.class);
    }

    @Override
    public List<MecHostInfo> hosts() {
        return documents.all("host", MecHostInfo.class);
    }

    @Override
    public void save(MecHostInfo host) {
        documents.put("host", host.hostId(), host);
    }

    @Override
    public List<Reservation> reservations() {
        return documents.all("resv", Reservation.class);
    }

    @Override
    public Optional<Reservation> reservation(String appInstanceId) {
        return documents.find("resv", appInstanceId, Reservation.class);
    }

    @Override
    public void save(Reservation reservation) {
        documents.put("resv", reservation.appInstanceId(), reservation);
    }

    @Override
    public void deleteReservation(String appInstanceId) {
        documents.remove("resv", appInstanceId);
    }
}
