package org.edgeslice.meo.host;

/** Capacity held on a host for one app instance, from placement (or a grant) until termination. */
public record Reservation(String appInstanceId, String hostId, long cpuMillis, long memoryMb) {
}
