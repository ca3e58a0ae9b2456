package org.edgeslice.evaluation.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where a device reaches a CSE: the TCP address it connects to and the CSEBase path in the request line. The two differ
 * for the cloud path, where the device connects to the WAN emulator's port but addresses the cloud CSE's resources.
 *
 * @param basePath the CSEBase's path, e.g. {@code /cse-edge} or {@code /cloud/cse} (no trailing slash)
 */
public record CseEndpoint(String host, int port, String basePath) {

    /** Parses {@code http://127.0.0.1:PORT/path-of-the-CSEBase}; only loopback hosts (benchmarks stay local). */
    public static CseEndpoint parse(String url) {
        URI u = URI.create(url);
        if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() < 0) {
            throw new IllegalArgumentException("expected http://HOST:PORT/CSEBASE-PATH, got " + url);
        }
        try {
            if (!InetAddress.getByName(u.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("benchmark targets must be loopback addresses: " + url);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + url, e);
        }
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("/+$", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the URL must name the CSEBase, e.g. http://127.0.0.1:62589/cse-edge");
        }
        return new CseEndpoint(u.getHost(), u.getPort(), path);
    }

    /** The same CSE reached through another local port (the WAN emulator in front of it). */
    public CseEndpoint via(int relayPort) {
        return new CseEndpoint(host, relayPort, basePath);
    }

    public String url() {
        return "http://" + host + ":" + port + basePath;
    }
}
