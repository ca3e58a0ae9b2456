package org.edgeslice.contract.mec010.lcm;

/** ETSI GS MEC 010-2 {@code InstantiationState}. */
public enum InstantiationState {
    NOT_INSTANTIATED, INSTANTIATED
}
