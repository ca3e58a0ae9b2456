package org.edgeslice.handler.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.edgeslice.meapp.mp1.Mp1Settings;

/**
 * The handler's configuration. Every key is an environment variable ({@code HANDLER_HTTP_PORT}) or a system
 * property ({@code -Dhandler.http.port}); the system property wins. The MEC environment ({@code MEC_*}, see
 * {@link Mp1Settings}) is read too.
 *
 * <table>
 *   <caption>configuration keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>HANDLER_BIND</td><td>127.0.0.1</td><td>address the HTTP server binds to</td></tr>
 *   <tr><td>HANDLER_HTTP_PORT</td><td>MEC_PORTS {@code http=}, else 62580</td><td>HTTP port; 0 = any free port</td></tr>
 *   <tr><td>HANDLER_API_PREFIX</td><td>(empty)</td><td>path prefix of the API</td></tr>
 *   <tr><td>HANDLER_PUBLIC_URL</td><td>http://BIND:PORT</td><td>base URL devices reach the handler at (Location
 *       headers, the MEC service endpoint)</td></tr>
 *   <tr><td>HANDLER_ISCL_URL</td><td>http://127.0.0.1:18080/cloud</td><td>the cloud platform's apiRoot (ISCL)</td></tr>
 *   <tr><td>HANDLER_ISCL_TIMEOUT_SECONDS</td><td>300</td><td>longest a slicing request or release may take</td></tr>
 *   <tr><td>HANDLER_SLICE_IDLE_SECONDS</td><td>300</td><td>a slice without users this long is released; 0 = as soon
 *       as its last device leaves</td></tr>
 *   <tr><td>HANDLER_DATA_DIR</td><td>MEC_DATA_DIR, else ./handler-data</td><td>where the state file lives</td></tr>
 *   <tr><td>HANDLER_FSYNC</td><td>true</td><td>force every state change to disk before answering</td></tr>
 *   <tr><td>HANDLER_WORKERS</td><td>4</td><td>threads running requests against the ISCL</td></tr>
 *   <tr><td>HANDLER_REDIRECT_DATA_RATE</td><td>50</td><td>device data rate (msg/s) from which tasks sync by
 *       REDIRECT instead of SUBSCRIPTION; 0 = never</td></tr>
 *   <tr><td>HANDLER_SLICE_CATEGORY</td><td>onem2m-csf</td><td>serCategory id of the slices' MEC services (filter
 *       of the availability subscription)</td></tr>
 *   <tr><td>HANDLER_PLATFORM</td><td>auto</td><td>auto (Mp1 when MEC_MP1_URL and MEC_APP_INSTANCE_ID are set) |
 *       mp1 | standalone</td></tr>
 *   <tr><td>HANDLER_HOST_ID</td><td>MEC_HOST_ID</td><td>this MEC host (where slices are asked for)</td></tr>
 * </table>
 */
public record HandlerConfig(String bind, int port, String apiPrefix, String publicUrl, String isclUrl,
                            Duration isclTimeout, Duration sliceIdle, Path dataDir, boolean fsync, int workers,
                            double redirectDataRate, String sliceCategory, String platform, String hostId,
                            Mp1Settings mp1) {
    public static final int DEFAULT_PORT = 62580;

    public static HandlerConfig fromEnvironment() {
        return from(key -> {
            String prop = System.getProperty(key.toLowerCase(Locale.ROOT).replace('_', '.'));
            return prop != null ? prop : System.getenv(key);
        });
    }

    public static HandlerConfig from(Function<String, String> lookup) {
        Function<String, String> get = k -> {
            String v = lookup.apply(k);
            return v == null || v.isBlank() ? null : v.trim();
        };
        Mp1Settings mp1 = Mp1Settings.from(get);
        String bind = or(get.apply("HANDLER_BIND"), "127.0.0.1");
        String portText = get.apply("HANDLER_HTTP_PORT");
        int port = portText != null ? Integer.parseInt(portText)
                : mp1.port("http").orElse(DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HANDLER_HTTP_PORT out of range: " + port);
        }
        String dir = or(get.apply("HANDLER_DATA_DIR"), mp1.dataDir() == null ? "handler-data" : mp1.dataDir().toString());
        String platform = or(get.apply("HANDLER_PLATFORM"), "auto").toLowerCase(Locale.ROOT);
        if (!platform.equals("auto") && !platform.equals("mp1") && !platform.equals("standalone")) {
            throw new IllegalArgumentException("HANDLER_PLATFORM must be auto, mp1 or standalone: " + platform);
        }
        long idle = Long.parseLong(or(get.apply("HANDLER_SLICE_IDLE_SECONDS"), "300"));
        if (idle < 0) {
            throw new IllegalArgumentException("HANDLER_SLICE_IDLE_SECONDS must be >= 0");
        }
        return new HandlerConfig(bind, port, or(get.apply("HANDLER_API_PREFIX"), ""), get.apply("HANDLER_PUBLIC_URL"),
                or(get.apply("HANDLER_ISCL_URL"), "http://127.0.0.1:18080/cloud"),
                Duration.ofSeconds(Long.parseLong(or(get.apply("HANDLER_ISCL_TIMEOUT_SECONDS"), "300"))),
                Duration.ofSeconds(idle), Path.of(dir),
                Boolean.parseBoolean(or(get.apply("HANDLER_FSYNC"), "true")),
                Integer.parseInt(or(get.apply("HANDLER_WORKERS"), "4")),
                Double.parseDouble(or(get.apply("HANDLER_REDIRECT_DATA_RATE"), "50")),
                or(get.apply("HANDLER_SLICE_CATEGORY"), "onem2m-csf"), platform,
                or(get.apply("HANDLER_HOST_ID"), mp1.hostId()), mp1);
    }

    /** Whether to speak Mp1 with a MEC platform. */
    public boolean usesMp1() {
        return switch (platform) {
            case "mp1" -> true;
            case "standalone" -> false;
            default -> mp1.hasPlatform();
        };
    }

    /** The public base URL once the port is known. */
    public String publicUrl(int boundPort) {
        return publicUrl != null ? publicUrl : "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + boundPort;
    }

    private static String or(String v, String dflt) {
        return v == null ? dflt : v;
    }
}
