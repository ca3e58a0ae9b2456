package org.edgeslice.contract.mec010.pkgm;

/** ETSI GS MEC 010-2 {@code UsageState}: IN_USE while app instances reference the package. */
public enum UsageState {
    IN_USE, NOT_IN_USE
}
