package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code ServiceAvailabilityNotification.serviceReferences.changeType}. */
public enum ServiceChangeType {
    ADDED, REMOVED, STATE_CHANGED, ATTRIBUTES_CHANGED
}
