package org.edgeslice.contract.mec010.grant;

/** ETSI GS MEC 010-2 {@code GrantRequest.Operation}. */
public enum GrantOperation {
    INSTANTIATE, OPERATE, TERMINATE
}
