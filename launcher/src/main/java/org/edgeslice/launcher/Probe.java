package org.edgeslice.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP readiness probes on loopback. A log line is no proof: a failed deployment still logs "ready". */
final class Probe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probe() {
    }

    /** The status code of a GET, or -1 when nothing answers. */
    static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * A WAR is deployed and serving when its probe path answers with anything but 404 (not deployed) or a 5xx:
     * a 401 from a secured API still proves the application is there.
     */
    static boolean deployed(String url) {
        int s = status(url);
        return s > 0 && s != 404 && s < 500;
    }

    static boolean healthy(String serverRoot) {
        return status(serverRoot + "/health/ready") == 200;
    }
}
