package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code TrafficRule.action}. */
public enum TrafficRuleAction {
    DROP, FORWARD_DECAPSULATED, FORWARD_ENCAPSULATED, PASSTHROUGH, DUPLICATE_DECAPSULATED, DUPLICATE_ENCAPSULATED
}
