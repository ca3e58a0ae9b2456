package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code LocalityType}. */
public enum LocalityType {
    MEC_SYSTEM, MEC_HOST, NFVI_POP, ZONE, ZONE_GROUP, NFVI_NODE
}
