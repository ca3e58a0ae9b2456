package org.edgeslice.meo.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.LocationConstraints;
import org.edgeslice.contract.mec010.lcm.MecHostInformation;

/**
 * Default placement. In order: (1) {@code selectedMECHostInfo} is honoured (the first listed host that is
 * registered and has the capacity); (2) hosts without the free capacity are dropped; (3)
 * {@code locationConstraints} keep hosts whose zone equals (or starts with {@code value-}) one of the civic
 * address values, or else the country code;
 * (4) with the requester's location, hosts whose estimated latency exceeds the AppD's {@code appLatency} are
 * dropped and the nearest is taken; without it, the host with the most free CPU.
 * The latency estimate is one-way propagation in fibre (5 µs/km) doubled for the round trip, plus
 * {@code baseLatencyMs} for the access network and processing.
 */
public class LocalityPlacement implements Placement {

    private final double baseLatencyMs;

    public LocalityPlacement(double baseLatencyMs) {
        this.baseLatencyMs = baseLatencyMs;
    }

    public LocalityPlacement() {
        this(1.0);
    }

    @Override
    public Decision place(Request request, List<HostView> hosts) {
        InstantiateAppRequest req = request.instantiate();
        String demand = request.cpuMillis() + "m CPU/" + request.memoryMb() + " MB";
        if (req != null && req.selectedMECHostInfo() != null && !req.selectedMECHostInfo().isEmpty()) {
            List<String> refused = new ArrayList<>();
            for (MecHostInformation sel : req.selectedMECHostInfo()) {
                HostView h = hosts.stream().filter(v -> v.id().equals(sel.hostId())).findFirst().orElse(null);
                if (h == null) {
                    refused.add(sel.hostId() + " not registered");
                } else if (!h.fits(request.cpuMillis(), request.memoryMb())) {
                    refused.add(sel.hostId() + " lacks capacity (free " + h.freeCpuMillis() + "m/" + h.freeMemoryMb()
                            + " MB)");
                } else {
                    return new Decision(h.id(), "selectedMECHostInfo names " + h.id() + "; it has room for " + demand
                            + (refused.isEmpty() ? "" : " (" + String.join("; ", refused) + ")"));
                }
            }
            return new Decision(null, "no host of selectedMECHostInfo can take " + demand + ": "
                    + String.join("; ", refused));
        }
        List<HostView> candidates = hosts.stream().filter(h -> h.fits(request.cpuMillis(), request.memoryMb())).toList();
        if (candidates.isEmpty()) {
            return new Decision(null, "no registered host has free capacity for " + demand + " (hosts: "
                    + hosts.stream().map(h -> h.id() + " free " + h.freeCpuMillis() + "m/" + h.freeMemoryMb() + " MB")
                    .collect(Collectors.joining(", ")) + ")");
        }
        List<String> why = new ArrayList<>();
        why.add("capacity for " + demand + ": " + ids(candidates));
        LocationConstraints lc = req == null ? null : req.locationConstraints();
        if (lc != null) {
            // the civic address elements are the finer constraint; without them the country code is matched
            Set<String> zones = new java.util.HashSet<>();
            if (lc.civicAddressElement() != null && !lc.civicAddressElement().isEmpty()) {
                lc.civicAddressElement().forEach(e -> zones.add(String.valueOf(e.caValue()).toLowerCase(Locale.ROOT)));
            } else if (lc.countryCode() != null) {
                zones.add(lc.countryCode().toLowerCase(Locale.ROOT));
            }
            candidates = candidates.stream().filter(h -> {
                String zone = h.info().location() == null ? null : h.info().location().zone();
                return zone != null && (zones.contains(zone.toLowerCase(Locale.ROOT))
                        || zones.stream().anyMatch(z -> zone.toLowerCase(Locale.ROOT).startsWith(z + "-")));
            }).toList();
            why.add("locationConstraints " + zones + ": " + ids(candidates));
            if (candidates.isEmpty()) {
                return new Decision(null, String.join("; ", why) + " -> no host satisfies the location constraints");
            }
        }
        InstantiateAppRequest.RequesterLocation where = req == null ? null : req.requesterLocation();
        Integer maxLatency = request.appD() == null || request.appD().appLatency() == null ? null
                : request.appD().appLatency().maxLatency();
        if (where != null && where.latitude() != null && where.longitude() != null) {
            record Scored(HostView host, double km, double ms) {
            }
            List<Scored> scored = candidates.stream().filter(h -> h.info().location() != null
                            && h.info().location().latitude() != null && h.info().location().longitude() != null)
                    .map(h -> {
                        double km = distanceKm(where.latitude(), where.longitude(), h.info().location().latitude(),
                                h.info().location().longitude());
                        return new Scored(h, km, baseLatencyMs + 2 * km * 0.005);
                    }).sorted(Comparator.comparingDouble(Scored::km)).toList();
            if (maxLatency != null) {
                scored = scored.stream().filter(s -> s.ms() <= maxLatency).toList();
            }
            if (scored.isEmpty()) {
                return new Decision(null, String.join("; ", why) + "; no located host within appLatency "
                        + maxLatency + " ms of the requester");
            }
            Scored best = scored.get(0);
            return new Decision(best.host().id(), String.join("; ", why) + String.format(Locale.ROOT,
                    "; nearest to the requester: %s at %.1f km, est. RTT %.2f ms%s", best.host().id(), best.km(),
                    best.ms(), maxLatency == null ? "" : " <= appLatency " + maxLatency + " ms"));
        }
        if (where != null && where.zone() != null) {
            List<HostView> same = candidates.stream().filter(h -> h.info().location() != null
                    && where.zone().equalsIgnoreCase(h.info().location().zone())).toList();
            if (!same.isEmpty()) {
                candidates = same;
                why.add("requester zone " + where.zone() + ": " + ids(candidates));
            }
        }
        HostView best = candidates.stream().max(Comparator.comparingLong(HostView::freeCpuMillis)
                .thenComparingLong(HostView::freeMemoryMb).thenComparing(HostView::id, Comparator.reverseOrder()))
                .orElseThrow();
        return new Decision(best.id(), String.join("; ", why) + "; most free CPU: " + best.id() + " ("
                + best.freeCpuMillis() + "m free)" + (maxLatency == null ? ""
                : "; appLatency " + maxLatency + " ms not checked: no requester location"));
    }

    private static String ids(List<HostView> hosts) {
        return hosts.isEmpty() ? "none" : hosts.stream().map(HostView::id).collect(Collectors.joining(","));
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double r = 6371.0;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
