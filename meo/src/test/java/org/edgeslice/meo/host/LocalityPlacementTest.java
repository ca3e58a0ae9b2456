package org.edgeslice.meo.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.LocationConstraints;
import org.edgeslice.contract.mec010.lcm.MecHostInformation;
import org.junit.jupiter.api.Test;

/** Placement decisions and their recorded reasons. */
class LocalityPlacementTest {

    private final LocalityPlacement placement = new LocalityPlacement();

    private static HostView host(String id, double lat, double lon, String zone, long freeCpu) {
        return new HostView(new MecHostInfo(id, id, new MecHostInfo.Location(lat, lon, zone),
                new MecHostInfo.Capacity(4000L, 4096L), "http://127.0.0.1:1", null, null, null), freeCpu, 4096);
    }

    private final List<HostView> hosts = List.of(host("seoul", 37.56, 126.97, "kr-seoul", 3000),
            host("busan", 35.17, 129.07, "kr-busan", 4000));

    private static Placement.Request req(InstantiateAppRequest r) {
        return new Placement.Request(null, r, 500, 128);
    }

    @Test
    void theNearestHostWinsAndTheReasonSaysSo() {
        Placement.Decision d = placement.place(req(new InstantiateAppRequest(null, null, null, null, null, null,
                new InstantiateAppRequest.RequesterLocation(35.2, 129.0, null))), hosts);
        assertEquals("busan", d.hostId());
        assertTrue(d.reason().contains("nearest"), d.reason());
    }

    @Test
    void withoutLocationTheHostWithMostFreeCpuWins() {
        assertEquals("busan", placement.place(req(null), hosts).hostId());
    }

    @Test
    void locationConstraintsFilterByZone() {
        Placement.Decision d = placement.place(req(new InstantiateAppRequest(null, new LocationConstraints("KR",
                List.of(new LocationConstraints.CivicAddressElement(1, "kr-seoul"))), null, null, null, null, null)), hosts);
        assertEquals("seoul", d.hostId());
        Placement.Decision none = placement.place(req(new InstantiateAppRequest(null, new LocationConstraints("DE", null),
                null, null, null, null, null)), hosts);
        assertFalse(none.placed());
        assertTrue(none.reason().contains("location constraints"), none.reason());
    }

    @Test
    void aSelectedHostWithoutRoomIsRefused() {
        Placement.Decision d = placement.place(new Placement.Request(null, new InstantiateAppRequest(
                List.of(new MecHostInformation("seoul", null)), null, null, null, null, null, null), 3500, 128), hosts);
        assertFalse(d.placed());
        assertTrue(d.reason().contains("lacks capacity"), d.reason());
    }
}
