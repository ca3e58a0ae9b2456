package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code OperationActionType}: why the app is asked to end. */
public enum OperationActionType {
    STOPPING, TERMINATING
}
