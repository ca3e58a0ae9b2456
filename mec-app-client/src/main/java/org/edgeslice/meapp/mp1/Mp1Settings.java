package org.edgeslice.meapp.mp1;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * What an ME App needs to speak Mp1, as the MEPM hands it to the app's container (docs/interfaces.md, "What the
 * MEPM hands to an app container").
 *
 * <table>
 *   <caption>environment</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>MEC_APP_INSTANCE_ID</td><td>the app instance id (same at MEO, MEPM, MEC platform)</td></tr>
 *   <tr><td>MEC_MP1_URL</td><td>the MEC platform's apiRoot, e.g. http://127.0.0.1:18080/mec-platform</td></tr>
 *   <tr><td>MEC_CLIENT_ID, MEC_CLIENT_SECRET</td><td>OAuth 2.0 client credentials; absent = no token is
 *       requested (a platform without access control)</td></tr>
 *   <tr><td>MEC_PORTS</td><td>host ports allocated by the MEPM, {@code name=port} comma-separated</td></tr>
 *   <tr><td>MEC_HOST_ID</td><td>the MEC host's id</td></tr>
 *   <tr><td>MEC_DATA_DIR</td><td>durable data directory</td></tr>
 *   <tr><td>MEC_APP_D_ID</td><td>(optional, not in the MEPM table yet) the appDId, required by the platform's
 *       registration rules for apps instantiated by the MEC management; the app may also know it itself</td></tr>
 * </table>
 */
public record Mp1Settings(String mp1Url, String appInstanceId, String clientId, String clientSecret,
                          Map<String, Integer> ports, String hostId, Path dataDir, String appDId) {

    public Mp1Settings {
        mp1Url = mp1Url == null ? null : stripSlash(mp1Url.trim());
        ports = ports == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    public static Mp1Settings fromEnvironment() {
        return from(System::getenv);
    }

    /** @param env maps a variable name to its value or null */
    public static Mp1Settings from(Function<String, String> env) {
        Function<String, String> get = k -> {
            String v = env.apply(k);
            return v == null || v.isBlank() ? null : v.trim();
        };
        String dir = get.apply("MEC_DATA_DIR");
        return new Mp1Settings(get.apply("MEC_MP1_URL"), get.apply("MEC_APP_INSTANCE_ID"), get.apply("MEC_CLIENT_ID"),
                get.apply("MEC_CLIENT_SECRET"), parsePorts(get.apply("MEC_PORTS")), get.apply("MEC_HOST_ID"),
                dir == null ? null : Path.of(dir), get.apply("MEC_APP_D_ID"));
    }

    /** {@code http=40001,registration=40002} → ordered map; a malformed entry is a configuration error. */
    public static Map<String, Integer> parsePorts(String spec) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return ports;
        }
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("MEC_PORTS entry is not name=port: " + p);
            }
            int port;
            try {
                port = Integer.parseInt(p.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MEC_PORTS entry has no numeric port: " + p);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("MEC_PORTS port out of range: " + p);
            }
            ports.put(p.substring(0, eq).trim(), port);
        }
        return ports;
    }

    /** True when a MEC platform is configured (otherwise the app runs standalone). */
    public boolean hasPlatform() {
        return mp1Url != null && appInstanceId != null;
    }

    public boolean hasCredentials() {
        return clientId != null && clientSecret != null;
    }

    public OptionalInt port(String name) {
        Integer p = ports.get(name);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDir);
    }

    public Mp1Settings withAppDId(String id) {
        return new Mp1Settings(mp1Url, appInstanceId, clientId, clientSecret, ports, hostId, dataDir, id);
    }

    /** The secret never appears in logs. */
    @Override
    public String toString() {
        return "Mp1Settings[mp1Url=" + mp1Url + ", appInstanceId=" + appInstanceId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "null" : "***") + ", ports=" + ports + ", hostId="
                + hostId + ", dataDir=" + dataDir + ", appDId=" + appDId + "]";
    }

    private static String stripSlash(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
