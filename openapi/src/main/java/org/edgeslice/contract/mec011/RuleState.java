package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code TrafficRule.state} / {@code DnsRule.state}. */
public enum RuleState {
    ACTIVE, INACTIVE
}
