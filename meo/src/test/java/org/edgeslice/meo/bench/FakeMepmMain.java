package org.edgeslice.meo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.edgeslice.meo.testing.FakeMepm;

/**
 * Runs the test suite's fake MEPM as a process and registers it at a MEO, to measure the MEO's own LCM overhead
 * with {@link LcmBench} when no real MEPM is at hand: {@code FakeMepmMain <meoUrl> <hostId> [completionDelayMs]}.
 * Stops on Ctrl-C / SIGTERM.
 */
public final class FakeMepmMain {

    private FakeMepmMain() {
    }

    public static void main(String[] args) throws Exception {
        String meo = args.length > 0 ? args[0] : "http://127.0.0.1:18080/meo";
        String hostId = args.length > 1 ? args[1] : "fake-host";
        FakeMepm mepm = new FakeMepm(meo, hostId);
        if (args.length > 2) {
            mepm.completionDelayMs = Long.parseLong(args[2]);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(meo + "/mec_hosts/v1/hosts/" + hostId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(mepm.hostInfo(37.56, 126.97, "kr-seoul", 64000, 65536))).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("fake MEPM " + mepm.apiRoot() + " registered as " + hostId + ": " + r.statusCode());
        Runtime.getRuntime().addShutdownHook(new Thread(mepm::close));
        Thread.currentThread().join();
    }
}
