package org.edgeslice.mepm.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.mepm.config.MepmSettings;
import org.edgeslice.mepm.http.JsonHttp;
import org.edgeslice.mepm.infrastructure.Workers;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.ContainerStatus;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.virt.Virtualisation;
import org.edgeslice.mepm.virt.VirtualisationDriver;

/**
 * Standby containers (project extension; docs/interfaces.md "Standby containers"): for an AppD that declares
 * {@code changeAppInstanceStateOpConfig.parameters.standbyStart = true}, the MEPM keeps {@code mepm.standby.size}
 * containers of its image started ahead of need, with the AppD's compute limits, booted and warmed up but not yet
 * any app instance. An instantiation of that AppD hands one over ({@link #claim}, then {@link #activate} with the
 * instance's MEC_* environment), so the app's process start, class loading and warm-up are off the path of the
 * instantiation; the pool is then filled again in the background. Everything else about the instantiation (the
 * grant, the ports, the Mm5 configuration, waiting for Mp1 confirm_ready) is unchanged.
 *
 * <p>Pool containers carry the manager's labels and {@link Labels#STANDBY} (the AppD id) but no app instance; the
 * reconciler keeps them as long as this pool holds them or an instance records them as its container. A MEPM that
 * starts removes the pool containers a previous run left, and fills the pool again for the AppDs it holds.
 */
@ApplicationScoped
public class StandbyPool {

    private static final Logger LOG = Logger.getLogger(StandbyPool.class.getName());
    /** The AppD's declaration that its app implements the standby start. */
    public static final String STANDBY_PARAMETER = "standbyStart";
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(90);

    @Inject
    MepmSettings settings;
    @Inject
    Virtualisation virtualisation;
    @Inject
    PortRepository ports;
    @Inject
    Workers workers;

    /** A started, warmed-up container waiting for an app instance. */
    public record Standby(String containerId, String name, String appDId, int controlPort, Path dataDir) {
    }

    private final Map<String, Deque<Standby>> ready = new HashMap<>();
    /** Names of containers being created or handed over: the reconciler must not take them for orphans. */
    private final Set<String> pending = new HashSet<>();
    private final Map<String, Integer> filling = new HashMap<>();
    private final Map<String, Long> lastUsed = new HashMap<>();

    private VirtualisationDriver driver() {
        return virtualisation.driver();
    }

    /** Whether instantiations of this AppD may take a standby container here. */
    public boolean supports(AppD appD) {
        if (settings.standbySize() <= 0 || !"docker".equals(driver().name())) {
            return false;
        }
        var cfg = appD.changeAppInstanceStateOpConfig();
        Object v = cfg == null || cfg.parameters() == null ? null : cfg.parameters().get(STANDBY_PARAMETER);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    /** A READY standby container of this AppD, taken out of the pool; the pool is filled again in the background. */
    public Optional<Standby> claim(AppD appD) {
        if (!supports(appD)) {
            return Optional.empty();
        }
        Standby s;
        synchronized (this) {
            lastUsed.put(appD.appDId(), System.nanoTime());
            Deque<Standby> q = ready.get(appD.appDId());
            s = q == null ? null : q.pollFirst();
            if (s != null) {
                pending.add(s.name());
            }
        }
        fill(appD);
        return Optional.ofNullable(s);
    }

    /**
     * Hands the instance's environment to a claimed container (POST /standby/activation). The control port goes
     * back to the host's free ports: the app has closed it once the activation was accepted.
     */
    public void activate(Standby s, Map<String, String> env) {
        try {
            JsonHttp.Reply r = JsonHttp.send("POST", "http://127.0.0.1:" + s.controlPort() + "/standby/activation", env,
                    null, Duration.ofSeconds(5));
            if (r.status() != 202) {
                throw new IllegalStateException("standby container " + s.name() + " refused the activation: HTTP "
                        + r.status() + " " + r.body());
            }
        } finally {
            ports.release(portOwner(s.name()));
        }
    }

    /** The claimed container is now recorded as an instance's (or was removed): no longer the pool's concern. */
    public synchronized void handedOver(Standby s) {
        pending.remove(s.name());
    }

    /** Whether the container (by name, as the engine lists it) belongs to the pool. */
    public synchronized boolean holds(String containerName) {
        String name = containerName.startsWith("/") ? containerName.substring(1) : containerName;
        if (pending.contains(name)) {
            return true;
        }
        return ready.values().stream().flatMap(Deque::stream).anyMatch(s -> s.name().equals(name));
    }

    /** A pool container died or vanished: forget it and start another. */
    public void lost(String containerName, AppD appD) {
        String name = containerName.startsWith("/") ? containerName.substring(1) : containerName;
        boolean dropped;
        synchronized (this) {
            Deque<Standby> q = ready.get(appD.appDId());
            dropped = q != null && q.removeIf(s -> s.name().equals(name));
        }
        if (dropped) {
            LOG.warning(() -> "standby container " + name + " of " + appD.appDId() + " stopped; starting another");
            workers.operations().submit(() -> discard(name, name));
            fill(appD);
        }
    }

    /** AppD id -> containers ready now. */
    public synchronized Map<String, Integer> readyCounts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        ready.forEach((appD, q) -> out.put(appD, q.size()));
        return out;
    }

    /** After a size change: surplus ready containers go, missing ones are started. */
    public void resize(List<AppD> held) {
        List<Standby> surplus = new java.util.ArrayList<>();
        synchronized (this) {
            for (Deque<Standby> q : ready.values()) {
                while (q.size() > settings.standbySize()) {
                    surplus.add(q.pollLast());
                }
            }
        }
        for (Standby s : surplus) {
            discard(s.containerId(), s.name());
        }
        held.stream().filter(this::supports).forEach(this::fill);
    }

    /** At MEPM start: the previous run's pool containers go, then the pool is filled for the AppDs held here. */
    public void restart(List<AppD> held, Set<String> containersOfInstances) {
        for (ContainerStatus c : driver().list(Map.of(Labels.MANAGED, "true", Labels.HOST, settings.hostId(),
                Labels.MANAGER, settings.apiRoot()))) {
            if (c.labels().containsKey(Labels.STANDBY) && !containersOfInstances.contains(c.id())) {
                String name = c.name().startsWith("/") ? c.name().substring(1) : c.name();
                LOG.info(() -> "removing standby container " + name + " left by the previous MEPM");
                discard(c.id(), name);
            }
        }
        ports.releaseOwnersStartingWith(PORT_OWNER_PREFIX); // control ports of containers that are gone now
        held.stream().filter(this::supports).forEach(this::fill);
    }

    /** {@link #fill} after {@code mepm.standby.delay} (default 2 s). */
    public void fillLater(AppD appD) {
        if (supports(appD)) {
            workers.timer().schedule(() -> fill(appD), settings.standbyDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts containers in the background until the AppD has {@code mepm.standby.size} ready or starting. */
    public void fill(AppD appD) {
        if (!supports(appD)) {
            return;
        }
        evictBeyond(settings.standbyAppDs(), appD.appDId());
        int missing;
        synchronized (this) {
            lastUsed.put(appD.appDId(), System.nanoTime());
            Deque<Standby> q = ready.computeIfAbsent(appD.appDId(), k -> new ArrayDeque<>());
            int starting = filling.getOrDefault(appD.appDId(), 0);
            missing = settings.standbySize() - q.size() - starting;
            if (missing > 0) {
                filling.put(appD.appDId(), starting + missing);
            }
        }
        for (int i = 0; i < missing; i++) {
            workers.operations().submit(() -> startOne(appD));
        }
    }

    /**
     * Keeps pools for at most {@code max} AppDs: the least recently used one's ready containers go when another
     * AppD needs a pool (a new slice image version, a new function set), so old versions do not hold memory.
     */
    private void evictBeyond(int max, String keep) {
        List<Standby> evicted = new java.util.ArrayList<>();
        synchronized (this) {
            while (true) {
                Set<String> pools = new HashSet<>(ready.keySet());
                pools.add(keep);
                if (pools.size() <= max) {
                    break;
                }
                String oldest = ready.keySet().stream().filter(k -> !k.equals(keep))
                        .filter(k -> filling.getOrDefault(k, 0) <= 0)
                        .min(java.util.Comparator.comparingLong(k -> lastUsed.getOrDefault(k, 0L))).orElse(null);
                if (oldest == null) {
                    break;
                }
                evicted.addAll(ready.remove(oldest));
                lastUsed.remove(oldest);
                LOG.info(() -> "standby pool of " + oldest + " dropped (at most " + max + " AppDs keep one)");
            }
        }
        for (Standby s : evicted) {
            discard(s.containerId(), s.name());
        }
    }

    private void startOne(AppD appD) {
        String name = ("mepm-" + settings.hostId() + "-standby-" + UUID.randomUUID()).replaceAll("[^a-zA-Z0-9_.-]", "-");
        synchronized (this) {
            pending.add(name);
        }
        String containerId = null;
        try {
            int port = ports.allocate(portOwner(name), List.of("standby"), settings.portRange()[0],
                    settings.portRange()[1]).get("standby");
            Path data = settings.dataDir().resolve(name).toAbsolutePath();
            Files.createDirectories(data);
            driver().ensureImage(appD.swImageDescriptor().swImage());
            containerId = driver().create(spec(appD, name, port, data));
            driver().start(containerId);
            awaitWarm(containerId, port);
            Standby s = new Standby(containerId, name, appD.appDId(), port, data);
            synchronized (this) {
                ready.computeIfAbsent(appD.appDId(), k -> new ArrayDeque<>()).addLast(s);
            }
            LOG.info(() -> "standby container " + name + " of " + appD.appDId() + " ready on 127.0.0.1:" + port);
        } catch (IOException e) {
            fail(name, containerId, appD, new UncheckedIOException(e));
        } catch (RuntimeException e) {
            fail(name, containerId, appD, e);
        } finally {
            synchronized (this) {
                pending.remove(name);
                filling.merge(appD.appDId(), -1, Integer::sum);
            }
        }
    }

    private void fail(String name, String containerId, AppD appD, RuntimeException e) {
        LOG.log(Level.WARNING, "standby container for " + appD.appDId() + " could not be started; instantiations of it"
                + " start their own container", e);
        discard(containerId, name);
    }

    private ContainerSpec spec(AppD appD, String name, int port, Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("MEC_STANDBY_PORT", Integer.toString(port));
        env.put("MEC_DATA_DIR", data.toString());
        env.put("MEC_APP_D_ID", appD.appDId());
        env.put("MEC_HOST_ID", settings.hostId());
        env.put("MEC_MP1_URL", settings.mepUrl());
        Map<String, String> labels = new HashMap<>(Labels.ofManager(settings.hostId(), settings.apiRoot()));
        labels.put(Labels.STANDBY, appD.appDId());
        labels.put(Labels.APP_D, appD.appDId());
        return ContainerSpecs.forAppD(appD, name, env, labels, data);
    }

    /** Polls GET /standby until the app says READY; fails if the container exits. */
    private void awaitWarm(String containerId, int port) {
        long deadline = System.nanoTime() + WARM_UP_TIMEOUT.toNanos();
        while (true) {
            try {
                JsonHttp.Reply r = JsonHttp.send("GET", "http://127.0.0.1:" + port + "/standby", null, null,
                        Duration.ofSeconds(2));
                if (r.status() == 200 && "READY".equals(r.json().path("state").asText())) {
                    return;
                }
            } catch (JsonHttp.PeerException e) {
                // not listening yet
            }
            if (!driver().inspect(containerId).map(ContainerStatus::running).orElse(false)) {
                throw new IllegalStateException("the standby container exited while warming up: "
                        + driver().logs(containerId, 10));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the standby container did not warm up within " + WARM_UP_TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** A pool container that will never serve an instance: it, its data directory and its control port go. */
    private void discard(String container, String name) {
        if (container != null) {
            try {
                driver().remove(container);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "removing " + container, e);
            }
        }
        DataDirectories.remove(settings.dataDir().resolve(name), settings.dataDir());
        ports.release(portOwner(name));
    }

    /** The owner of a standby container's control port in the port table. */
    static String portOwner(String containerName) {
        // the port table's owner column holds 64 characters: the container's UUID part is enough
        return PORT_OWNER_PREFIX + containerName.substring(Math.max(0, containerName.length() - 36));
    }

    static final String PORT_OWNER_PREFIX = "standby-";
}
