package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code TransportInfo} (clause 8.1.5.3): a transport the MEC platform offers to services. */
public record TransportInfo(String id, String name, String description, TransportType type, String protocol,
                            String version, EndPointInfo endpoint, SecurityInfo security) {
}
