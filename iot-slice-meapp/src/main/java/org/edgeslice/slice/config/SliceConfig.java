package org.edgeslice.slice.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.function.FunctionSet;
import org.edgeslice.meapp.mp1.Mp1Settings;
import org.edgeslice.onem2m.store.wal.FsyncPolicy;

/**
 * The slice's configuration. Every key can be given as an environment variable ({@code SLICE_HTTP_PORT}) or as a
 * system property ({@code -Dslice.http.port}); the system property wins.
 *
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><th>environment</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>SLICE_FUNCTIONS</td><td>registration,retrieve,subscription,notification</td>
 *       <td>common service functions of this slice (data-management is always added)</td></tr>
 *   <tr><td>SLICE_BIND</td><td>127.0.0.1</td><td>address every endpoint binds to (loopback only by default)</td></tr>
 *   <tr><td>SLICE_HTTP_PORT</td><td>62589</td><td>main endpoint serving every function of the slice; 0 = any free
 *       port, -1 = off</td></tr>
 *   <tr><td>SLICE_PORT_REGISTRATION</td><td>62590</td><td>Registration function endpoint (AE/ACP, and container and
 *       content instance creation, the device's write path); -1 = off</td></tr>
 *   <tr><td>SLICE_PORT_RETRIEVE</td><td>62591</td><td>Retrieve function endpoint (retrieve, la/ol, discovery)</td></tr>
 *   <tr><td>SLICE_PORT_SUBSCRIPTION</td><td>62592</td><td>Subscription function endpoint</td></tr>
 *   <tr><td>SLICE_PORT_NOTIFICATION</td><td>62593</td><td>Notification function endpoint (NOTIFY for AEs)</td></tr>
 *   <tr><td>SLICE_CSE_ID</td><td>/id-slice</td><td>CSE-ID (starts with /)</td></tr>
 *   <tr><td>SLICE_CSE_NAME</td><td>cse-slice</td><td>CSEBase resource name</td></tr>
 *   <tr><td>SLICE_HTTP_ROOT</td><td>(empty)</td><td>path prefix of the oneM2M API, e.g. /onem2m</td></tr>
 *   <tr><td>SLICE_DATA_DIR</td><td>./slice-data</td><td>directory of the write-ahead log</td></tr>
 *   <tr><td>SLICE_WAL_FSYNC</td><td>interval</td><td>always | interval | never (all survive kill -9; see
 *       FsyncPolicy)</td></tr>
 *   <tr><td>SLICE_WAL_FSYNC_INTERVAL_MS</td><td>200</td><td>fsync period for "interval"</td></tr>
 *   <tr><td>SLICE_ADMIN_ORIGINATOR</td><td>CAdmin</td><td>originator allowed everything</td></tr>
 *   <tr><td>SLICE_IO_THREADS</td><td>number of CPUs</td><td>Netty event loop threads (shared by all ports)</td></tr>
 *   <tr><td>SLICE_HOUSEKEEPING_SECONDS</td><td>10</td><td>period of expiration and maxInstanceAge sweeps</td></tr>
 *   <tr><td>SLICE_POOLED_BUFFERS</td><td>false</td><td>Netty pooled direct buffers: less garbage under load,
 *       more resident memory when idle</td></tr>
 *   <tr><td>SLICE_PLATFORM</td><td>auto</td><td>MEC platform integration: mp1 (ETSI MEC 011 through
 *       Mp1PlatformLifecycle), standalone, or auto = mp1 when MEC_MP1_URL and MEC_APP_INSTANCE_ID are set</td></tr>
 *   <tr><td>MEC_PORTS</td><td>(unset)</td><td>when set (by the MEPM), the default of SLICE_HTTP_PORT and
 *       SLICE_PORT_* is its {@code http}, {@code registration}, {@code retrieve}, {@code subscription},
 *       {@code notification} entry, and off for a name it lacks</td></tr>
 *   <tr><td>MEC_DATA_DIR</td><td>(unset)</td><td>default of SLICE_DATA_DIR when set</td></tr>
 * </table>
 */
public record SliceConfig(FunctionSet functions, String bind, int mainPort,
                          Map<CommonServiceFunction, Integer> functionPorts, String cseId, String cseName,
                          String httpRoot, Path dataDir, FsyncPolicy fsync, long fsyncIntervalMillis,
                          String adminOriginator, int ioThreads, int housekeepingSeconds, String platform,
                          boolean pooledBuffers) {

    /** Functions that get their own port (data management travels with registration). */
    public static final CommonServiceFunction[] PORTED = {CommonServiceFunction.REGISTRATION,
        CommonServiceFunction.RETRIEVE, CommonServiceFunction.SUBSCRIPTION, CommonServiceFunction.NOTIFICATION};

    public static SliceConfig fromEnvironment() {
        return from(key -> {
            String prop = System.getProperty(key.toLowerCase(Locale.ROOT).replace('_', '.'));
            return prop != null ? prop : System.getenv(key);
        });
    }

    /** @param lookup maps an environment-style key ({@code SLICE_HTTP_PORT}) to its value or null */
    public static SliceConfig from(Function<String, String> lookup) {
        Function<String, String> get = k -> {
            String v = lookup.apply(k);
            return v == null || v.isBlank() ? null : v.trim();
        };
        FunctionSet functions = FunctionSet.forSlice(or(get.apply("SLICE_FUNCTIONS"),
                "registration,retrieve,subscription,notification"));
        Map<CommonServiceFunction, Integer> ports = new EnumMap<>(CommonServiceFunction.class);
        int[] defaults = {62590, 62591, 62592, 62593};
        // in a MEC container the MEPM allocates the ports (MEC_PORTS http=..,registration=..,...): a port it did
        // not allocate is off, never a fixed default that another slice on the host may hold
        Map<String, Integer> mecPorts = Mp1Settings.parsePorts(get.apply("MEC_PORTS"));
        for (int i = 0; i < PORTED.length; i++) {
            int port = port(get, "SLICE_PORT_" + PORTED[i].name(), mecPorts.isEmpty() ? defaults[i]
                    : mecPorts.getOrDefault(PORTED[i].configName(), -1));
            if (functions.contains(PORTED[i]) && port >= 0) {
                ports.put(PORTED[i], port);
            }
        }
        return new SliceConfig(functions, or(get.apply("SLICE_BIND"), "127.0.0.1"),
                port(get, "SLICE_HTTP_PORT", mecPorts.isEmpty() ? 62589 : mecPorts.getOrDefault("http", -1)), ports, or(get.apply("SLICE_CSE_ID"), "/id-slice"),
                or(get.apply("SLICE_CSE_NAME"), "cse-slice"), or(get.apply("SLICE_HTTP_ROOT"), ""),
                Path.of(or(get.apply("SLICE_DATA_DIR"), or(get.apply("MEC_DATA_DIR"), "slice-data"))),
                FsyncPolicy.parse(or(get.apply("SLICE_WAL_FSYNC"), "interval")),
                Long.parseLong(or(get.apply("SLICE_WAL_FSYNC_INTERVAL_MS"), "200")),
                or(get.apply("SLICE_ADMIN_ORIGINATOR"), "CAdmin"),
                Integer.parseInt(or(get.apply("SLICE_IO_THREADS"),
                        String.valueOf(Runtime.getRuntime().availableProcessors()))),
                Integer.parseInt(or(get.apply("SLICE_HOUSEKEEPING_SECONDS"), "10")),
                or(get.apply("SLICE_PLATFORM"), "auto"),
                bool(get.apply("SLICE_POOLED_BUFFERS"), false));
    }

    private static int port(Function<String, String> get, String key, int dflt) {
        String v = get.apply(key);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("off")) {
            return -1;
        }
        int p = Integer.parseInt(v);
        if (p < -1 || p > 65535) {
            throw new IllegalArgumentException(key + " out of range: " + v);
        }
        return p;
    }

    private static boolean bool(String v, boolean dflt) {
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("expected true or false: " + v);
    }

    private static String or(String v, String dflt) {
        return v == null ? dflt : v;
    }

    /** The functions served on a function's own port. */
    public static FunctionSet servedOn(CommonServiceFunction f) {
        return f == CommonServiceFunction.REGISTRATION
                ? FunctionSet.of(CommonServiceFunction.REGISTRATION, CommonServiceFunction.DATA_MANAGEMENT)
                : FunctionSet.of(f);
    }
}
