package org.edgeslice.contract.mec010.pkgm;

/** ETSI GS MEC 010-2 {@code AppPkg.OperationalState}: ENABLED <-> DISABLED. */
public enum AppPkgOperationalState {
    ENABLED, DISABLED
}
