package org.edgeslice.mepm.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every configuration key of the MEPM (defaults in META-INF/microprofile-config.properties; system properties
 * and environment variables override, e.g. {@code MEPM_HOST_ID}). docs/deployment.md lists them.
 */
@ApplicationScoped
public class MepmSettings {

    private final Config config = ConfigProvider.getConfig(MepmSettings.class.getClassLoader());

    private String str(String key, String def) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank()).orElse(def);
    }

    private long num(String key, long def) {
        return config.getOptionalValue(key, Long.class).orElse(def);
    }

    public String hostId() {
        return str("mepm.host.id", "host-1");
    }

    public String hostName() {
        return str("mepm.host.name", hostId());
    }

    public Double latitude() {
        return config.getOptionalValue("mepm.host.location.latitude", Double.class).orElse(null);
    }

    public Double longitude() {
        return config.getOptionalValue("mepm.host.location.longitude", Double.class).orElse(null);
    }

    public String zone() {
        return str("mepm.host.location.zone", null);
    }

    /**
     * The CPU the host offers for reservations: explicit, or the processors × 1000 × the allocation ratio. Apps
     * reserve CPU shares, not quotas (see the Docker driver), so the host can promise more than its cores the way
     * OpenStack Nova's {@code cpu_allocation_ratio} does: most ME Apps, slices above all, idle at a few milli-CPUs.
     */
    public long cpuMillis() {
        long v = num("mepm.host.capacity.cpuMillis", 0);
        if (v > 0) {
            return v;
        }
        double ratio = config.getOptionalValue("mepm.host.cpuAllocationRatio", Double.class).orElse(4.0);
        return (long) (Runtime.getRuntime().availableProcessors() * 1000L * Math.max(ratio, 0.1));
    }

    public long memoryMb() {
        long v = num("mepm.host.capacity.memoryMb", 0);
        if (v > 0) {
            return v;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 4096;
    }

    public String apiRoot() {
        return trim(str("mepm.api.root", "http://127.0.0.1:18080/mepm"));
    }

    public String meoUrl() {
        return trim(str("mepm.meo.url", "http://127.0.0.1:18080/meo"));
    }

    public String mepUrl() {
        return trim(str("mepm.mep.url", "http://127.0.0.1:18080/mec-platform"));
    }

    public Optional<String> mm5Secret() {
        return Optional.ofNullable(str("mepm.mm5.secret", null));
    }

    public boolean registerAtMeo() {
        return Boolean.parseBoolean(str("mepm.register.enabled", "true"));
    }

    /** {@code auto}, {@code docker} or {@code process}. */
    public String driver() {
        return str("mepm.driver", "auto");
    }

    public String dockerHost() {
        return str("mepm.docker.host", "unix:///run/edgeslice/docker.sock");
    }

    /** Inclusive bounds of {@code mepm.ports.range} ({@code 40000-40999}). */
    public int[] portRange() {
        String[] r = str("mepm.ports.range", "40000-40999").split("-");
        int lo = Integer.parseInt(r[0].trim());
        int hi = Integer.parseInt(r[1].trim());
        if (lo < 1024 || hi > 65535 || lo > hi) {
            throw new IllegalArgumentException("mepm.ports.range must be LOW-HIGH within 1024-65535: " + lo + "-" + hi);
        }
        return new int[] {lo, hi};
    }

    public Path localArtifacts() {
        return Path.of(str("mepm.local.artifacts", System.getProperty("user.home") + "/.edgeslice/artifacts"));
    }

    public Path localState() {
        return Path.of(str("mepm.local.state", System.getProperty("user.home") + "/.edgeslice/mepm-process"))
                .resolve(hostId());
    }

    public String localJava() {
        return str("mepm.local.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public Path dataDir() {
        return Path.of(str("mepm.data.dir", System.getProperty("user.home") + "/.edgeslice/app-data")).resolve(hostId());
    }

    public Duration readyTimeout() {
        return Duration.ofSeconds(num("mepm.ready.timeout", 60));
    }

    public Duration gracefulTimeout() {
        return Duration.ofSeconds(num("mepm.graceful.timeout", 10));
    }

    public Duration grantTimeout() {
        return Duration.ofSeconds(num("mepm.grant.timeout", 30));
    }

    public Duration reconcileInterval() {
        return Duration.ofSeconds(Math.max(1, num("mepm.reconcile.interval", 10)));
    }

    /**
     * Standby containers kept per AppD that declares the standby start ({@code mepm.standby.size}, default 1; 0
     * turns them off). Changed at run time through {@code PUT mepm/v1/host/standby}.
     */
    public int standbySize() {
        Integer override = standbySizeOverride;
        return override != null ? override : (int) Math.max(0, num("mepm.standby.size", 1));
    }

    public void standbySize(int size) {
        standbySizeOverride = Math.max(0, size);
    }

    private volatile Integer standbySizeOverride;

    /** For how many AppDs at most standby containers are kept ({@code mepm.standby.appds}, default 4; LRU). */
    public int standbyAppDs() {
        return (int) Math.max(1, num("mepm.standby.appds", 4));
    }

    /** How long after an instantiation its AppD's standby pool is filled again ({@code mepm.standby.delay}, ms). */
    public Duration standbyDelay() {
        return Duration.ofMillis(Math.max(0, num("mepm.standby.delay", 2000)));
    }

    public int notifyMaxAttempts() {
        return (int) num("mepm.notify.maxAttempts", 30);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
