package org.edgeslice.meo.host;

import org.edgeslice.contract.mec010.host.MecHostInfo;

/** A registered host with its free capacity at the moment of a placement decision. */
public record HostView(MecHostInfo info, long freeCpuMillis, long freeMemoryMb) {

    public String id() {
        return info.hostId();
    }

    public boolean fits(long cpuMillis, long memoryMb) {
        return freeCpuMillis >= cpuMillis && freeMemoryMb >= memoryMb;
    }
}
