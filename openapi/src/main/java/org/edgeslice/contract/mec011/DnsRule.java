package org.edgeslice.contract.mec011;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 011 {@code DnsRule} (clause 7.1.2.3). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DnsRule")
public record DnsRule(String dnsRuleId, String domainName, IpAddressType ipAddressType, String ipAddress, Integer ttl, RuleState state) {
}
