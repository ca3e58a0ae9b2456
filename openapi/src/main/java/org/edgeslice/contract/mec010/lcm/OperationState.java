package org.edgeslice.contract.mec010.lcm;

/**
 * ETSI GS MEC 010-2 {@code OperationState} of an LCM operation occurrence: STARTING -> PROCESSING -> COMPLETED |
 * FAILED_TEMP | FAILED (FAILED_TEMP from v2.2.1; left by retry or fail).
 */
public enum OperationState {
    STARTING, PROCESSING, COMPLETED, FAILED_TEMP, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
