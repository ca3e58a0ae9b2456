package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code DNSRuleDescriptor} (AppD; Mm5 input). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DnsRuleDescriptor")
public record DnsRuleDescriptor(String dnsRuleId, String domainName, IpAddressType ipAddressType, String ipAddress, Integer ttl) {
}
