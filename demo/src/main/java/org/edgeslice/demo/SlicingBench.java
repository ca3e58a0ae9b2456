package org.edgeslice.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Slice preparation time as a device sees it: from its request (step 01) to the COMPLETED answer with the edge
 * endpoints (step 14), through the running system (not a test). Three series: a new slice from a warm image
 * (in the host's engine), a new slice from a cold image (removed from the engine first, so the MEPM pulls it
 * from the CSFR), and the offloading-only path (03-2) onto a running slice. Between new-slice runs the slice is
 * released through the ISCL so that the next request needs a new one.
 *
 * <pre>java -cp demo.jar:lib/* org.edgeslice.demo.SlicingBench --handler URL --cloud URL
 *      [--runs 10] [--docker-host unix:///run/edgeslice/docker.sock] [--mepm URL]
 *      [--only standby|warm|cold|offloading] [--warmup 1]</pre>
 * {@code --only} runs one series (e.g. {@code --only offloading}: the 03-2 path alone, a few seconds). With
 * {@code --mepm} (the host's MEPM apiRoot) a first series measures new slices that take over a standby container
 * (the MEPM keeps one warmed up per slice AppD; each run waits until it is ready), and the warm and cold series run
 * with the standby pool turned off ({@code PUT mepm_mgmt/v1/standby}), so they measure a container's own start;
 * the pool's size is put back afterwards. {@code --warmup N} (default 1) new slices before the standby series are
 * not recorded: the first has no standby container yet, and the management plane's code is still being compiled
 * by the JIT during the first tens of requests after {@code ./mec up} (docs/evaluation.md shows both). The
 * offloading series likewise starts with N unrecorded 03-2 requests onto its slice. Order: standby, offloading (on a
 * quiet host, its slice taken from the standby pool as by default), warm, cold (the image removed before each run).
 */
public final class SlicingBench {

    private static final List<String> FUNCTIONS = RoadScenario.CAR_FUNCTIONS;

    private final String handler;
    private final String cloud;
    private final String dockerHost;
    private final Device device = new Device("CAdmin");
    private int seq;

    private SlicingBench(String handler, String cloud, String dockerHost) {
        this.handler = handler;
        this.cloud = cloud;
        this.dockerHost = dockerHost;
    }

    public static void main(String[] args) throws Exception {
        String handler = null;
        String cloud = "http://127.0.0.1:18080/cloud";
        String dockerHost = "unix:///run/edgeslice/docker.sock";
        int runs = 10;
        int warmup = 1;
        String only = null;
        String mepm = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--handler" -> handler = args[i + 1];
                case "--cloud" -> cloud = args[i + 1];
                case "--runs" -> runs = Math.max(1, Math.min(100, Integer.parseInt(args[i + 1])));
                case "--docker-host" -> dockerHost = args[i + 1];
                case "--only" -> only = args[i + 1];
                case "--warmup" -> warmup = Math.max(1, Math.min(100, Integer.parseInt(args[i + 1])));
                case "--mepm" -> mepm = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (handler == null) {
            System.err.println("usage: SlicingBench --handler URL [--cloud URL] [--runs N] [--docker-host URL]"
                    + " [--mepm URL] [--only standby|warm|cold|offloading] [--warmup N]");
            System.exit(2);
        }
        if (only != null && !List.of("standby", "warm", "cold", "offloading").contains(only)) {
            throw new IllegalArgumentException("--only takes standby, warm, cold or offloading, not " + only);
        }
        if (mepm == null && "standby".equals(only)) {
            throw new IllegalArgumentException("--only standby needs --mepm");
        }
        SlicingBench b = new SlicingBench(handler, cloud, dockerHost);
        b.seed(4 * runs + 3 + 2 * warmup);
        Standby pool = mepm == null ? null : b.new Standby(mepm);
        double[] standby = pool != null && (only == null || only.equals("standby")) ? b.standbySlices(runs, warmup, pool) : null;
        // 03-2 before the warm and cold series: after them the host is busy for a while (the cold series removes
        // and pulls images, released slices are terminated, the standby pool is refilled), which measured 35-39 ms
        // p50 where a quiet host gave 22-26 ms
        boolean pooled = pool != null && pool.size() > 0;
        double[] offloading = only == null || only.equals("offloading")
                ? b.offloadingOnly(runs, warmup, pooled ? pool : null) : null;
        int size = pool == null ? 0 : pool.size(0); // the warm and cold series start their own containers
        double[] warm;
        double[] cold;
        try {
            warm = only == null || only.equals("warm") ? b.newSlices(runs, false) : null;
            cold = only == null || only.equals("cold") ? b.newSlices(runs, true) : null;
        } finally {
            if (pool != null) {
                pool.size(size);
            }
        }
        System.out.printf("%nslice preparation (request -> device has its endpoints), %d runs each%n", runs);
        System.out.printf("%-34s %9s %9s %9s%n", "path", "p50 ms", "p95 ms", "mean ms");
        row("new slice, standby container", standby);
        row("new slice, warm image (03-1)", warm);
        row("new slice, cold image from CSFR", cold);
        row("offloading only (03-2)", offloading);
    }

    private static void row(String name, double[] ms) {
        if (ms == null) {
            return;
        }
        Arrays.sort(ms);
        System.out.printf("%-34s %9.1f %9.1f %9.1f%n", name, ms[(int) Math.ceil(0.5 * ms.length) - 1],
                ms[(int) Math.ceil(0.95 * ms.length) - 1], Arrays.stream(ms).average().orElse(Double.NaN));
    }

    private void seed(int containers) throws IOException {
        new Device("CBenchCars").create(cloud + "/cse/in-cse", 2,
                "{\"m2m:ae\":{\"rn\":\"BenchCars\",\"api\":\"Nedgeslice.bench\",\"rr\":false,\"srv\":[\"3\"]}}");
        for (int i = 0; i < containers; i++) {
            device.create(cloud + "/cse/in-cse/BenchCars", 3, "{\"m2m:cnt\":{\"rn\":\"Car" + i + "\",\"mni\":10}}");
        }
    }

    private double[] newSlices(int runs, boolean cold) throws IOException, InterruptedException {
        if (cold) {
            // each run removes the image after its slice is released; the first one needs it removed before
            if (lastImage == null) {
                Timed t = request();
                System.out.printf("  cold warm-up (unrecorded, learns the slice image): %.0f ms%n", t.millis());
                release(t.state(), false);
            }
            removeImage(lastImage);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Timed t = request();
            ms[i] = t.millis();
            System.out.printf("  %s run %d: %.0f ms (path %s)  %s%n", cold ? "cold" : "warm", i + 1, t.millis(),
                    t.state().path("path").asText(), stepDurations(t.state()));
            release(t.state(), cold);
        }
        return ms;
    }

    /** New slices, each taking over the standby container the MEPM has warmed up (waited for before each run). */
    private double[] standbySlices(int runs, int warmup, Standby pool) throws IOException, InterruptedException {
        // the first slice of an AppD has no standby container yet (the pool is filled after it): unrecorded
        for (int i = 0; i < warmup; i++) {
            if (i > 0) {
                pool.awaitReady(Duration.ofSeconds(120));
            }
            Timed first = request();
            System.out.printf("  standby warm-up %d (unrecorded%s): %.0f ms%n", i + 1,
                    i == 0 ? "; the AppD's first slice" : "", first.millis());
            release(first.state(), false);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            pool.awaitReady(Duration.ofSeconds(120));
            Timed t = request();
            ms[i] = t.millis();
            System.out.printf("  standby run %d: %.0f ms (path %s)  %s%n", i + 1, t.millis(),
                    t.state().path("path").asText(), stepDurations(t.state()));
            release(t.state(), false);
        }
        return ms;
    }

    /** The slice image of the last slice released (all series ask for the same functions). */
    private String lastImage;

    /** The MEPM's standby pool (project API mepm_mgmt/v1/standby). */
    private final class Standby {
        private final String url;

        Standby(String mepm) {
            this.url = mepm + "/mepm_mgmt/v1/standby";
        }

        int size() throws IOException {
            return device.get(url).path("size").asInt();
        }

        /** Sets the pool's size; returns the size before. */
        int size(int size) throws IOException {
            int before = device.get(url).path("size").asInt();
            device.put(url, "{\"size\":" + size + "}");
            return before;
        }

        /** Whether the pool knows a slice AppD (it learns one at the AppD's first instantiation). */
        boolean hasAppDs() throws IOException {
            return device.get(url).path("ready").size() > 0;
        }

        void awaitReady(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonNode ready = device.get(url).path("ready");
                boolean full = ready.size() > 0;
                for (JsonNode n : ready) {
                    full &= n.asInt() > 0;
                }
                if (full) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no standby container ready within " + timeout + ": " + ready);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The 03-2 path onto one slice: {@code warmup} unrecorded requests first, then {@code runs} recorded. */
    private double[] offloadingOnly(int runs, int warmup, Standby pool) throws IOException, InterruptedException {
        if (pool != null && pool.hasAppDs()) {
            // the slice takes over a standby container, as by default: one started on demand has its oneM2M code
            // still interpreted for the whole series (on a fresh host the pool has no AppD before the first slice)
            pool.awaitReady(Duration.ofSeconds(120));
        }
        Timed first = request();
        List<JsonNode> users = new ArrayList<>(List.of(first.state()));
        if (pool != null) {
            // the MEPM starts the next standby container (a JVM start and its warm-up, about 1 s of CPU): measured
            // alongside, that start was measured too
            pool.awaitReady(Duration.ofSeconds(120));
        }
        for (int i = 0; i < warmup; i++) {
            users.add(request().state());
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Timed t = request();
            ms[i] = t.millis();
            users.add(t.state());
            System.out.printf("  offloading-only run %d: %.1f ms (path %s)  %s%n", i + 1, t.millis(),
                    t.state().path("path").asText(), stepDurations(t.state()));
        }
        for (JsonNode u : users.subList(1, users.size())) {
            device.delete(u.path("_links").path("self").path("href").asText());
        }
        release(first.state(), false);
        return ms;
    }

    /** Where the time went: each step of the trace with its duration, e.g. {@code 04:12 05:3 06-08:410}. */
    static String stepDurations(JsonNode state) {
        StringBuilder out = new StringBuilder();
        for (JsonNode step : state.path("steps")) {
            if (step.hasNonNull("durationMs")) {
                out.append(step.path("step").asText()).append(':').append(step.path("durationMs").asLong()).append(' ');
            }
        }
        return out.toString().trim();
    }

    private record Timed(double millis, JsonNode state) {
    }

    private Timed request() throws IOException, InterruptedException {
        int n = seq++;
        ObjectNode r = Device.JSON.createObjectNode();
        r.put("deviceId", "bench-car-" + n);
        r.put("serviceType", "vehicle-telemetry");
        FUNCTIONS.forEach(r.withArray("functions")::add);
        r.withArray("tasks").add("/in-cse/BenchCars/Car" + n);
        r.put("dataRate", 5);
        long t0 = System.nanoTime();
        // the answer to the POST once the request is done (Prefer: wait), as a device that waits for its endpoints
        JsonNode state = device.requestServiceAndAwait(handler, r, 30);
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!"COMPLETED".equals(state.path("state").asText())) {
            throw new IllegalStateException("request ended " + state.path("state").asText() + ": " + state.path("detail"));
        }
        return new Timed(ms, state);
    }

    /** The device ends its use; the slice is released through the ISCL and gone from the handler's table. */
    private void release(JsonNode state, boolean removeImage) throws IOException, InterruptedException {
        String sliceId = state.path("slice").path("sliceId").asText();
        JsonNode slice = device.get(cloud + "/iscl/v1/slices/" + sliceId);
        device.delete(state.path("_links").path("self").path("href").asText());
        device.delete(cloud + "/iscl/v1/slices/" + sliceId);
        long deadline = System.currentTimeMillis() + 30_000;
        while (device.get(handler + "/iot_slicing/v1/slices").toString().contains(sliceId)) {
            if (System.currentTimeMillis() > deadline) {
                // a released slice left in the table would send the next request to path 03-2 and a 409
                throw new IllegalStateException("slice " + sliceId + " still in the handler's slice table 30 s after"
                        + " its release");
            }
            Thread.sleep(50);
        }
        lastImage = slice.path("image").asText();
        if (removeImage) {
            removeImage(lastImage);
        }
    }

    /** Removes the slice image from the host's engine: the next new slice pulls it from the CSFR. */
    private void removeImage(String image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "-H", dockerHost, "rmi", "-f", image)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(60, TimeUnit.SECONDS);
    }
}
