package org.edgeslice.contract.mec010.lcm;

/** ETSI GS MEC 010-2 {@code OperationalState} of an instantiated app instance (also {@code ChangeStateTo}). */
public enum OperationalState {
    STARTED, STOPPED
}
