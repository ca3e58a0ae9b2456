package org.edgeslice.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Payara Micro processes make up the management plane, which WARs each deploys, on which loopback port,
 * and how each MEC host is configured. Pure planning: nothing here starts anything.
 */
final class Topology {

    static final int DEFAULT_BASE_PORT = 18080;

    /** One deployable WAR and where its readiness is probed (a 404 there means it is not deployed). */
    record Service(String name, String contextRoot, String probePath, String hostId) {
        String apiRoot(int port) {
            return "http://127.0.0.1:" + port + contextRoot;
        }
    }

    /** One MEC host: a MEPM and a MEC platform with a Docker Engine of its own. */
    record Host(int index, String id, String name, String zone, double latitude, double longitude,
                String dockerSocket, int portRangeStart) {
        String dockerEndpoint() {
            return dockerSocket == null ? null : "unix://" + dockerSocket;
        }
    }

    /** One Payara Micro process. */
    record Proc(String name, int port, List<Service> services, Map<String, String> properties, String heap) {
    }

    // Distinct places, so that placement by location really chooses (a city centre and its outskirts).
    private static final String[] ZONES = {"city-centre", "north", "east", "south", "west", "airport", "harbour", "campus"};
    private static final double[][] COORDS = {{37.5665, 126.9780}, {37.6584, 127.0615}, {37.5384, 127.2139},
        {37.4563, 126.9520}, {37.5509, 126.8495}, {37.4602, 126.4407}, {37.4736, 126.6216}, {37.5894, 127.0321}};

    private final List<Proc> procs = new ArrayList<>();
    private final List<Host> hosts = new ArrayList<>();

    static final int PORTS_PER_HOST = 500;

    /**
     * The first host port a host's MEPM hands to apps. Every system on the machine shares the loopback, and a MEPM
     * only sees the ports bound right now, so two systems must not draw from the same range: the default system
     * (base port 18080) takes 40000 + 1000 × (host − 1); a system on another base port takes a 2,000-port block of
     * its own from 48000 up, chosen by the base port's thousands (24080, 25080, ... 31080 get different blocks), 500
     * ports per host (hosts 5 to 8 of such a system reach into the next block).
     */
    static int portRangeStart(int basePort, int hostIndex) {
        if (basePort == DEFAULT_BASE_PORT) {
            return 40000 + 1000 * (hostIndex - 1);
        }
        int block = 48000 + 2000 * Math.floorMod(basePort / 1000, 8);
        return block + PORTS_PER_HOST * (hostIndex - 1);
    }

    static Topology plan(boolean allInOne, int hostCount, String firstDockerSocket, int basePort, Layout layout) {
        Topology t = new Topology();
        for (int i = 1; i <= hostCount; i++) {
            String socket = firstDockerSocket == null ? null
                    : i == 1 ? firstDockerSocket : layout.hostDockerSocket(i);
            t.hosts.add(new Host(i, "host-" + i, "MEC host " + i + " (" + ZONES[(i - 1) % ZONES.length] + ")",
                    ZONES[(i - 1) % ZONES.length], COORDS[(i - 1) % COORDS.length][0],
                    COORDS[(i - 1) % COORDS.length][1], socket, portRangeStart(basePort, i)));
        }
        Host first = t.hosts.get(0);
        Service meo = new Service("meo", "/meo", "/meo/app_pkgm/v1/app_packages", null);
        Service cloud = new Service("cloud-platform", "/cloud", "/cloud/iscl/v1/slices", null);
        Service mepm1 = mepm(first);
        Service mep1 = mep(first);
        int meoPort = basePort;
        if (allInOne) {
            t.procs.add(new Proc("core", basePort, List.of(meo, cloud, mepm1, mep1), new LinkedHashMap<>(), "768m"));
        } else {
            meoPort = basePort + 1;
            t.procs.add(new Proc("meo", basePort + 1, List.of(meo), new LinkedHashMap<>(), "384m"));
            t.procs.add(new Proc("cloud-platform", basePort + 2, List.of(cloud), new LinkedHashMap<>(), "384m"));
            t.procs.add(new Proc("mepm", basePort + 3, List.of(mepm1), new LinkedHashMap<>(), "384m"));
            t.procs.add(new Proc("mec-platform", basePort + 4, List.of(mep1), new LinkedHashMap<>(), "384m"));
        }
        for (Host h : t.hosts.subList(1, t.hosts.size())) {
            t.procs.add(new Proc(h.id(), basePort + 10 * (h.index() - 1), List.of(mepm(h), mep(h)),
                    new LinkedHashMap<>(), "512m"));
        }
        t.dropUnbuilt(layout);
        String meoUrl = "http://127.0.0.1:" + meoPort + "/meo";
        for (Proc p : t.procs) {
            p.properties().put("edgeslice.meo.url", meoUrl);
            p.properties().put("edgeslice.root", layout.root().toString());
            p.properties().put("cloud.slice.artifacts", layout.artifacts("iot-slice").toString());
            if (firstDockerSocket == null) {
                // no Docker: the ISSM lays slices out for the hosts' local-process drivers instead of building images
                p.properties().put("cloud.local.artifacts", layout.state().resolve("artifacts").toString());
            }
            for (Service s : p.services()) {
                String dbKey = switch (s.name()) {
                    case "meo" -> "meo";
                    case "cloud-platform" -> "cloud";
                    case "mepm" -> "mepm";
                    default -> "mep";
                };
                p.properties().put(dbKey + ".db.url", "jdbc:h2:" + layout.dataDir(p.name()).resolve(dbKey)
                        + ";DB_CLOSE_ON_EXIT=FALSE");
                if (s.name().equals("cloud-platform")) {
                    // known from the start, so the CISS's CSEBase can name its point of access (poa)
                    p.properties().put("cloud.callback.url", s.apiRoot(p.port()));
                }
                if (s.hostId() != null) {
                    Host h = t.host(s.hostId());
                    hostProperties(p, h, t.apiRootOf("mec-platform", h.id()), t.apiRootOf("mepm", h.id()), meoUrl, layout);
                }
            }
        }
        return t;
    }

    private static void hostProperties(Proc p, Host h, String mepApiRoot, String mepmApiRoot, String meoUrl,
                                       Layout layout) {
        Map<String, String> props = p.properties();
        props.put("mepm.host.id", h.id());
        props.put("mepm.host.name", h.name());
        props.put("mepm.host.location.zone", h.zone());
        props.put("mepm.host.location.latitude", String.valueOf(h.latitude()));
        props.put("mepm.host.location.longitude", String.valueOf(h.longitude()));
        props.put("mepm.meo.url", meoUrl);
        if (mepApiRoot != null) {
            props.put("mepm.mep.url", mepApiRoot);
        }
        if (mepmApiRoot != null) {
            props.put("mepm.api.root", mepmApiRoot);
        }
        props.put("mepm.ports.range", h.portRangeStart() + "-" + (h.portRangeStart() + PORTS_PER_HOST - 1));
        props.put("mepm.data.dir", layout.dataDir(h.id()).resolve("apps").toString());
        if (h.dockerEndpoint() != null) {
            props.put("mepm.driver", "docker");
            props.put("mepm.docker.host", h.dockerEndpoint());
        } else {
            props.put("mepm.driver", "process");
            props.put("mepm.local.artifacts", layout.state().resolve("artifacts").toString());
            props.put("mepm.local.state", layout.dataDir(h.id()).resolve("processes").toString());
        }
        String secret = layout.secret("mm5-" + h.id());
        props.put("mepm.mm5.secret", secret);
        props.put("mep.mm5.secret", secret);
    }

    private static Service mepm(Host h) {
        return new Service("mepm", "/mepm", "/mepm/mepm_mgmt/v1/host", h.id());
    }

    private static Service mep(Host h) {
        return new Service("mec-platform", "/mec-platform", "/mec-platform/mec_service_mgmt/v1/transports", h.id());
    }

    /** Services whose WAR is not part of this build are left out (a module not enabled yet). */
    private void dropUnbuilt(Layout layout) {
        List<Proc> kept = new ArrayList<>();
        for (Proc p : procs) {
            List<Service> built = p.services().stream()
                    .filter(s -> java.nio.file.Files.isRegularFile(layout.war(s.name()))).toList();
            if (!built.isEmpty()) {
                kept.add(new Proc(p.name(), p.port(), built, p.properties(), p.heap()));
            }
        }
        procs.clear();
        procs.addAll(kept);
    }

    List<Proc> procs() {
        return procs;
    }

    List<Host> hosts() {
        return hosts;
    }

    Host host(String id) {
        return hosts.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    }

    /** The apiRoot of a host's service, or null when it is not part of this build. */
    String apiRootOf(String name, String hostId) {
        for (Proc p : procs) {
            for (Service s : p.services()) {
                if (s.name().equals(name) && java.util.Objects.equals(s.hostId(), hostId)) {
                    return s.apiRoot(p.port());
                }
            }
        }
        return null;
    }

    int portOf(Service service) {
        for (Proc p : procs) {
            for (Service s : p.services()) {
                if (s.name().equals(service.name()) && java.util.Objects.equals(s.hostId(), service.hostId())) {
                    return p.port();
                }
            }
        }
        throw new IllegalArgumentException("not planned: " + service);
    }
}
