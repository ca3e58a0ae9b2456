package org.edgeslice.mep.rules;

import java.util.List;
import org.edgeslice.contract.mec011.DestinationInterface;
import org.edgeslice.contract.mec011.DnsRule;
import org.edgeslice.contract.mec011.DnsRuleDescriptor;
import org.edgeslice.contract.mec011.InterfaceDescriptor;
import org.edgeslice.contract.mec011.RuleState;
import org.edgeslice.contract.mec011.TrafficRule;
import org.edgeslice.contract.mec011.TrafficFilterDescriptor;
import org.edgeslice.contract.mec011.TrafficRuleDescriptor;
import org.edgeslice.contract.mec011.TunnelInfo;
import org.edgeslice.contract.mec011.TunnelType;
import org.edgeslice.support.problem.ProblemException;

/**
 * Turns the AppD's rule descriptors (ETSI GS MEC 010-2) into MEC 011 rules, and checks the required attributes
 * of rules a client sends.
 */
public final class RuleBodies {

    private RuleBodies() {
    }

    /** A new rule starts ACTIVE: the MEPM configures the rules an app needs to run. */
    public static TrafficRule fromDescriptor(TrafficRuleDescriptor d, RuleState state) {
        requireTraffic(d.trafficRuleId(), d.filterType(), d.priority(), d.trafficFilter(), d.action(), "appTrafficRule");
        if (d.dstInterface() != null && d.dstInterface().size() > 2) {
            throw ProblemException.badRequest("appTrafficRule " + d.trafficRuleId() + ": at most 2 dstInterface");
        }
        // MEC 011 has one destination interface; the AppD's first one is the destination (the second, if any,
        // describes the source side, which MEC 011 does not model)
        InterfaceDescriptor first = d.dstInterface() == null || d.dstInterface().isEmpty() ? null : d.dstInterface().get(0);
        DestinationInterface dst = first == null ? null : new DestinationInterface(first.interfaceType(),
                first.tunnelInfo() == null ? null : new TunnelInfo(tunnelType(first.tunnelInfo().tunnelType()),
                        first.tunnelInfo().tunnelDstAddress(), first.tunnelInfo().tunnelSrcAddress()),
                first.srcMACAddress(), first.dstMACAddress(), first.dstIPAddress());
        if (dst != null && dst.interfaceType() == null) {
            throw ProblemException.badRequest("appTrafficRule " + d.trafficRuleId() + ": dstInterface.interfaceType is required");
        }
        if (d.trafficFilter().stream().anyMatch(f -> f == null)) {
            throw ProblemException.badRequest("appTrafficRule " + d.trafficRuleId() + ": null trafficFilter entry");
        }
        return new TrafficRule(d.trafficRuleId(), d.filterType(), d.priority(),
                d.trafficFilter().stream().map(TrafficFilterDescriptor::toMec011).toList(), d.action().toMec011(), dst,
                state);
    }

    /** MEC 010-2 spells {@code GTP-U}, MEC 011 {@code GTP_U}. */
    private static TunnelType tunnelType(String value) {
        if (value == null) {
            throw ProblemException.badRequest("appTrafficRule: tunnelInfo.tunnelType is required");
        }
        return switch (value) {
            case "GTP-U", "GTP_U" -> TunnelType.GTP_U;
            case "GRE" -> TunnelType.GRE;
            default -> throw ProblemException.badRequest("appTrafficRule: unknown tunnelType " + value);
        };
    }

    public static DnsRule fromDescriptor(DnsRuleDescriptor d, RuleState state) {
        requireDns(d.dnsRuleId(), d.domainName(), d.ipAddressType(), d.ipAddress(), "appDNSRule");
        return new DnsRule(d.dnsRuleId(), d.domainName(), d.ipAddressType(), d.ipAddress(), d.ttl(), state);
    }

    public static void check(TrafficRule r, String pathRuleId) {
        requireTraffic(r.trafficRuleId(), r.filterType(), r.priority(), r.trafficFilter(), r.action(), "TrafficRule");
        if (r.state() == null) {
            throw ProblemException.badRequest("TrafficRule.state is required");
        }
        if (r.dstInterface() != null && r.dstInterface().interfaceType() == null) {
            throw ProblemException.badRequest("TrafficRule.dstInterface.interfaceType is required");
        }
        if (!r.trafficRuleId().equals(pathRuleId)) {
            throw ProblemException.badRequest("trafficRuleId " + r.trafficRuleId() + " differs from the URI's " + pathRuleId);
        }
    }

    public static void check(DnsRule r, String pathRuleId) {
        requireDns(r.dnsRuleId(), r.domainName(), r.ipAddressType(), r.ipAddress(), "DnsRule");
        if (r.state() == null) {
            throw ProblemException.badRequest("DnsRule.state is required");
        }
        if (r.ttl() != null && r.ttl() < 0) {
            throw ProblemException.badRequest("DnsRule.ttl must not be negative");
        }
        if (!r.dnsRuleId().equals(pathRuleId)) {
            throw ProblemException.badRequest("dnsRuleId " + r.dnsRuleId() + " differs from the URI's " + pathRuleId);
        }
    }

    private static void requireTraffic(String id, Object filterType, Integer priority, List<?> filters, Object action,
                                       String what) {
        if (id == null || id.isBlank() || filterType == null || priority == null || action == null
                || filters == null || filters.isEmpty()) {
            throw ProblemException.badRequest(what + " requires trafficRuleId, filterType, priority, action and at"
                    + " least one trafficFilter");
        }
    }

    private static void requireDns(String id, String domainName, Object type, String ip, String what) {
        if (id == null || id.isBlank() || domainName == null || domainName.isBlank() || type == null
                || ip == null || ip.isBlank()) {
            throw ProblemException.badRequest(what + " requires dnsRuleId, domainName, ipAddressType and ipAddress");
        }
    }
}
