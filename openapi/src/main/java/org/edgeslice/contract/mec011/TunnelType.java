package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code TunnelInfo.tunnelType}. */
public enum TunnelType {
    GTP_U, GRE
}
