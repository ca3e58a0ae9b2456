package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code ServiceState}; SUSPENDED (v2.2.1+) is set only by the platform, when liveness heartbeats stop. */
public enum ServiceState {
    ACTIVE, INACTIVE, SUSPENDED
}
