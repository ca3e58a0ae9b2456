package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code TrafficRule.filterType}. */
public enum FilterType {
    FLOW, PACKET
}
