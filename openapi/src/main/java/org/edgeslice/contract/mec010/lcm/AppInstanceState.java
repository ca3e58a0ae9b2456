package org.edgeslice.contract.mec010.lcm;

/** ETSI GS MEC 010-2 {@code AppInstanceState}: the instance state subscription filters name. */
public enum AppInstanceState {
    NOT_INSTANTIATED, STARTED, STOPPED
}
