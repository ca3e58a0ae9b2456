package org.edgeslice.contract.mec010.lcm;

/** ETSI GS MEC 010-2 {@code StopType} / {@code TerminationType}. */
public enum StopType {
    FORCEFUL, GRACEFUL
}
