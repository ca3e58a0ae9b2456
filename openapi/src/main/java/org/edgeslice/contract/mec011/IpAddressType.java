package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code DnsRule.ipAddressType}. */
public enum IpAddressType {
    IP_V6, IP_V4
}
