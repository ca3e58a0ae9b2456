package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code DestinationInterface.interfaceType}. */
public enum InterfaceType {
    TUNNEL, MAC, IP
}
