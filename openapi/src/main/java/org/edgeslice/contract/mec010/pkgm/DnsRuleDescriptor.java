package org.edgeslice.contract.mec010.pkgm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code DNSRuleDescriptor} (also carried to the MEC platform over Mm5). */
@Schema(name = "DNSRuleDescriptor")
public record DnsRuleDescriptor(
        @Schema(required = true) String dnsRuleId,
        @Schema(required = true) String domainName,
        @Schema(required = true) IpAddressType ipAddressType,
        @Schema(required = true) String ipAddress,
        Integer ttl) {

    /** {@code IpAddressType}. */
    public enum IpAddressType { IP_V6, IP_V4 }
}
