package org.edgeslice.evaluation.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.edgeslice.evaluation.experiment.HandlerSlicePreparation;
import org.edgeslice.evaluation.experiment.LcmApiLatency;
import org.edgeslice.evaluation.stats.Summary;

/**
 * Experiments through the whole running system ({@code ./mec up}): handler ME App -> ISCL/ISS -> MEO -> MEPM ->
 * Docker -> slice -> Mp1 -> CISS offloading. Not a test; prints tables and writes a JSON result file.
 *
 * <ul>
 * <li>{@code preparation}: slice preparation (path 03-1, warm image) through the handler, N runs after one
 *     unrecorded warm-up, each slice released before the next; per-step breakdown from the step trace.</li>
 * <li>{@code scale}: k slices kept running on the host (created through the ISCL directly, {@code POST
 *     iscl/v1/slicing_requests} FUNCTION_GENERATION_AND_OFFLOADING, functions registration+retrieve, which the
 *     handler's four-function request cannot reuse), and at each k the preparation of a new slice through the
 *     handler, plus the memory and CPU of the host's slice containers ({@code docker stats}).</li>
 * <li>{@code burst}: N device requests for the same functions arriving at once at the handler.</li>
 * <li>{@code meo}: MEO {@code app_lcm/v1/app_instances} POST, list GET and single GET with 1..1000 instances
 *     ({@code LcmApiLatency}; the instances are NOT_INSTANTIATED and deleted at the end).</li>
 * </ul>
 *
 * <pre>java -cp evaluation.jar:lib/* org.edgeslice.evaluation.system.SystemBench MODE --handler URL --cloud URL
 *      --mepm URL [--docker-host unix:///run/edgeslice/docker.sock] [--host host-1] [--runs 10]
 *      [--levels 1,10,25,50] [--sizes 10,50] [--out FILE]</pre>
 */
public final class SystemBench {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> ALL_FUNCTIONS = List.of("registration", "retrieve", "subscription",
            "notification");
    private static final List<String> FILLER_FUNCTIONS = List.of("registration", "retrieve");

    private final String handler;
    private final String cloud;
    private final String mepm;
    private final String dockerHost;
    private final String hostId;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final HandlerSlicePreparation probe;
    private final HandlerSlicePreparation burstProbe;
    private final Set<String> seeded = new HashSet<>();
    private final String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final String ae = "EvalSystem" + runTag; // one AE per run: its originator registers once
    private int nextTask;

    SystemBench(String handler, String cloud, String mepm, String dockerHost, String hostId) {
        this.handler = loopback(handler);
        this.cloud = loopback(cloud);
        this.mepm = mepm;
        this.dockerHost = dockerHost;
        this.hostId = hostId;
        this.probe = new HandlerSlicePreparation(this.handler, this.cloud, ALL_FUNCTIONS, List.of(), 10);
        this.burstProbe = new HandlerSlicePreparation(this.handler, this.cloud, ALL_FUNCTIONS, List.of(), 25);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String mode = args[0];
        Map<String, String> o = new LinkedHashMap<>(Map.of("--docker-host", "unix:///run/edgeslice/docker.sock",
                "--host", "host-1", "--runs", "10", "--levels", "1,10,25,50", "--sizes", "10,50", "--instances", "1,10,100,1000",
                "--app-d-id", "iot-slicing-handler-0.1.0"));
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length || !o.containsKey(args[i]) && !List.of("--handler", "--cloud", "--mepm", "--meo", "--out")
                    .contains(args[i])) {
                usage();
            }
            o.put(args[i], args[i + 1]);
        }
        if (o.get("--handler") == null || o.get("--cloud") == null || o.get("--mepm") == null) {
            usage();
        }
        SystemBench b = new SystemBench(o.get("--handler"), o.get("--cloud"), o.get("--mepm"), o.get("--docker-host"),
                o.get("--host"));
        ObjectNode result = JSON.createObjectNode();
        result.put("mode", mode).put("startedAt", Instant.now().toString()).put("loadAverageAtStart", load());
        int runs = Math.max(1, Math.min(100, Integer.parseInt(o.get("--runs"))));
        switch (mode) {
            case "preparation" -> result.set("preparation", b.preparation(runs));
            case "scale" -> result.set("scale", b.scale(ScaleLevels.parse(o.get("--levels")), runs));
            case "burst" -> {
                ArrayNode bursts = result.putArray("bursts");
                for (String s : o.get("--sizes").split(",")) {
                    bursts.add(b.burst(Math.max(1, Math.min(100, Integer.parseInt(s.trim())))));
                }
            }
            case "meo" -> {
                // MEC 010-2 app_instances latency as the collection grows (class LcmApiLatency of the paper harness)
                List<Integer> checkpoints = Arrays.stream(o.get("--instances").split(",")).map(String::trim)
                        .map(Integer::parseInt).toList();
                System.out.printf(Locale.ROOT, "-- MEO app_instances latency at %s instances; load %s%n", checkpoints,
                        load());
                ArrayNode points = result.putArray("meo");
                for (LcmApiLatency.Point p : new LcmApiLatency(o.get("--meo"), o.get("--app-d-id"))
                        .run(checkpoints, 200)) {
                    System.out.printf(Locale.ROOT, "  %5d instances: POST p50 %.2f p95 %.2f | GET list p50 %.2f p99 %.2f"
                            + " | GET one p50 %.2f p99 %.2f ms; load %s%n", p.instances(), p.create().p50(),
                            p.create().p95(), p.list().p50(), p.list().p99(), p.getOne().p50(), p.getOne().p99(),
                            load());
                    points.add(JSON.valueToTree(p));
                }
            }
            default -> usage();
        }
        result.put("loadAverageAtEnd", load()).put("endedAt", Instant.now().toString());
        if (o.get("--out") != null) {
            Path out = Path.of(o.get("--out"));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, JSON.writeValueAsString(result));
            System.out.println("results: " + out);
        }
    }

    private static void usage() {
        System.err.println("usage: SystemBench preparation|scale|burst --handler URL --cloud URL --mepm URL"
                + " [--docker-host URL] [--host host-1] [--runs N] [--levels 1,10,25,50] [--sizes 10,50] [--out FILE]");
        System.exit(2);
    }

    // ---- preparation ------------------------------------------------------------------------------------------

    ObjectNode preparation(int runs) throws Exception {
        System.out.printf(Locale.ROOT, "-- slice preparation through the handler (new slice, warm image), %d runs"
                + " after 1 unrecorded warm-up; load %s%n", runs, load());
        ObjectNode m = measurePreparations(runs, true);
        m.put("loadAverage", load());
        return m;
    }

    private ObjectNode measurePreparations(int runs, boolean warmUp) throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < runs + (warmUp ? 1 : 0); i++) {
            tasks.add(task());
        }
        int t = 0;
        if (warmUp) {
            HandlerSlicePreparation.Outcome w = probe.request("eval-warmup-" + runTag, List.of(tasks.get(t++)));
            probe.release(List.of(w));
        }
        double[] totals = new double[runs];
        StepBreakdown steps = new StepBreakdown();
        ArrayNode each = JSON.createArrayNode();
        for (int i = 0; i < runs; i++) {
            awaitStandbyContainers();
            HandlerSlicePreparation.Outcome r = probe.request("eval-" + runTag + "-" + i, List.of(tasks.get(t++)));
            probe.release(List.of(r));
            if (!"SLICING".equals(r.path())) {
                throw new IOException("run " + i + " took path " + r.path() + ", not a new slice: " + r.request());
            }
            totals[i] = r.totalMs();
            steps.add(r.request());
            System.out.printf(Locale.ROOT, "  run %2d: %7.1f ms  %s%n", i + 1, r.totalMs(), StepBreakdown.line(r.request()));
            each.addObject().put("totalMs", r.totalMs()).put("steps", StepBreakdown.line(r.request()));
        }
        Summary s = Summary.ofMillis(totals);
        System.out.printf(Locale.ROOT, "  total: n %d  p50 %.1f  p95 %.1f  mean %.1f  min %.1f  max %.1f ms"
                + " (paper: about 1050 ms)%n", s.n(), s.p50(), s.p95(), s.mean(), s.min(), s.max());
        ObjectNode perStep = JSON.createObjectNode();
        steps.summaries().forEach((k, v) -> {
            System.out.printf(Locale.ROOT, "    step %-6s p50 %7.1f  p95 %7.1f  mean %7.1f ms%n", k, v.p50(), v.p95(),
                    v.mean());
            perStep.set(k, JSON.valueToTree(v));
        });
        ObjectNode m = JSON.createObjectNode();
        m.set("summary", JSON.valueToTree(s));
        m.set("steps", perStep);
        m.set("runs", each);
        return m;
    }

    /**
     * Waits (at most 120 s) until the MEPM's standby pool holds a ready container for every slice AppD it has
     * seen, so that each run measures a new slice in the steady state of a host that keeps standby containers
     * (docs/interfaces.md); returns at once when the pool is off ({@code size} 0).
     */
    private void awaitStandbyContainers() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(mepm + "/mepm_mgmt/v1/standby")).GET());
            if (r.statusCode() != 200) {
                return;
            }
            JsonNode pool = JSON.readTree(r.body());
            boolean full = true;
            for (JsonNode n : pool.path("ready")) {
                full &= n.asInt() >= 1;
            }
            if (pool.path("size").asInt() == 0 || full || System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(100);
        }
    }

    // ---- scale ------------------------------------------------------------------------------------------------

    ObjectNode scale(ScaleLevels levels, int runs) throws Exception {
        List<String> fillers = new ArrayList<>();
        ArrayNode points = JSON.createArrayNode();
        List<Double> fillerMs = new ArrayList<>();
        System.out.printf(Locale.ROOT, "-- preparation of a new slice with k slices running (levels %s, %d runs each);"
                + " load %s%n", levels.levels(), runs, load());
        try {
            for (int i = 0; i < levels.levels().size(); i++) {
                int k = levels.levels().get(i);
                for (int n = levels.toAdd(i); n > 0; n--) {
                    long t0 = System.nanoTime();
                    fillers.add(filler());
                    fillerMs.add((System.nanoTime() - t0) / 1e6);
                }
                Thread.sleep(5_000); // let the new slices' start-up and first syncs settle before sampling
                ContainerStats idle = sliceContainers();
                String loadIdle = load();
                ObjectNode prep = measurePreparations(runs, false);
                Summary s = JSON.treeToValue(prep.get("summary"), Summary.class);
                System.out.printf(Locale.ROOT, "k=%d: preparation p50 %.1f ms p95 %.1f ms (n %d); %s: memory %.1f MiB"
                        + " (%.1f MiB per slice), idle CPU %.1f %% of a core; load %s%n", k, s.p50(), s.p95(), s.n(),
                        idle.name(), idle.memBytes() / 1048576.0, idle.memBytes() / 1048576.0 / Math.max(1, k),
                        idle.cpuPercent(), loadIdle);
                ObjectNode p = points.addObject();
                p.put("runningSlices", k).put("sliceContainers", idle.name())
                        .put("memoryMiB", idle.memBytes() / 1048576.0).put("idleCpuPercent", idle.cpuPercent())
                        .put("loadAverage", loadIdle);
                p.set("preparation", prep);
                p.set("fillerIsclMs", JSON.valueToTree(Summary.ofMillis(
                        fillerMs.stream().mapToDouble(Double::doubleValue).toArray())));
                fillerMs.clear();
            }
        } finally {
            System.out.printf(Locale.ROOT, "releasing %d slices%n", fillers.size());
            for (String s : fillers) {
                try {
                    send(HttpRequest.newBuilder(URI.create(cloud + "/iscl/v1/slices/" + s)).DELETE());
                } catch (IOException e) {
                    System.err.println("release of " + s + " failed: " + e.getMessage());
                }
            }
        }
        ObjectNode m = JSON.createObjectNode();
        m.set("points", points);
        m.put("fillerFunctions", String.join(",", FILLER_FUNCTIONS));
        return m;
    }

    /** A slice created through the ISCL (FUNCTION_GENERATION_AND_OFFLOADING always makes a new one); its id. */
    private String filler() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("requestType", "FUNCTION_GENERATION_AND_OFFLOADING").put("serviceName", "eval-scale");
        FILLER_FUNCTIONS.forEach(body.putArray("functions")::add);
        body.putArray("tasks").addObject().put("path", task()).put("syncMode", "REDIRECT");
        body.put("hostId", hostId).put("requester", "eval-scale");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cloud + "/iscl/v1/slicing_requests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (r.statusCode() != 201) {
            throw new IOException("POST slicing_requests answered " + r.statusCode() + ": " + r.body());
        }
        URI self = URI.create(cloud + "/iscl/v1/slicing_requests/").resolve(
                r.headers().firstValue("Location").orElse(JSON.readTree(r.body()).path("id").asText()));
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode state = JSON.readTree(r.body());
        while ("PROCESSING".equals(state.path("state").asText()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            state = JSON.readTree(send(HttpRequest.newBuilder(self).GET()).body());
        }
        if (!"COMPLETED".equals(state.path("state").asText())) {
            throw new IOException("ISCL slicing request ended " + state.path("state").asText() + ": "
                    + state.path("error"));
        }
        return state.path("sliceId").asText();
    }

    /** Memory and CPU of this MEPM's slice containers (not the handler's, not another system's). */
    private ContainerStats sliceContainers() throws IOException, InterruptedException {
        List<String> ids = docker("ps", "-q", "--filter", "label=org.edgeslice.mepm.manager=" + mepm,
                "--filter", "label=org.edgeslice.slice.functions");
        List<String> cmd = new ArrayList<>(List.of("stats", "--no-stream", "--format",
                "{{.Name}}|{{.MemUsage}}|{{.CPUPerc}}"));
        cmd.addAll(ids);
        List<ContainerStats> all = new ArrayList<>();
        for (String line : docker(cmd.toArray(String[]::new))) {
            if (!line.startsWith("mepm-") || !line.contains("-standby-")) { // a standby container is no slice yet
                all.add(ContainerStats.parse(line));
            }
        }
        return ContainerStats.total(all);
    }

    private List<String> docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", dockerHost));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("docker " + String.join(" ", args) + " failed");
        }
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    // ---- burst ------------------------------------------------------------------------------------------------

    ObjectNode burst(int n) throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task());
        }
        System.out.printf(Locale.ROOT, "-- %d device requests for the same functions at once; load %s%n", n, load());
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<HandlerSlicePreparation.Outcome> outcomes = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HandlerSlicePreparation.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int id = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return burstProbe.request("eval-burst-" + runTag + "-" + n + "-" + id, List.of(tasks.get(id)));
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            List<String> failures = new ArrayList<>();
            for (Future<HandlerSlicePreparation.Outcome> f : futures) {
                try {
                    outcomes.add(f.get(10, TimeUnit.MINUTES));
                } catch (Exception e) {
                    failures.add(String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                }
            }
            double burstMs = (System.nanoTime() - t0) / 1e6;
            Map<String, List<Double>> byPath = new LinkedHashMap<>();
            Set<String> slices = new LinkedHashSet<>();
            int waited = 0;
            for (HandlerSlicePreparation.Outcome o : outcomes) {
                byPath.computeIfAbsent(o.path(), k -> new ArrayList<>()).add(o.totalMs());
                slices.add(o.sliceId());
                for (JsonNode step : o.request().path("steps")) {
                    if ("02".equals(step.path("step").asText())
                            && step.path("detail").asText().contains("after waiting")) {
                        waited++;
                    }
                }
            }
            Summary all = Summary.ofMillis(outcomes.stream().mapToDouble(HandlerSlicePreparation.Outcome::totalMs)
                    .toArray());
            System.out.printf(Locale.ROOT, "  all %d completed: p50 %.1f  p95 %.1f  max %.1f ms; burst done after %.1f ms;"
                    + " %d distinct slice(s); %d waited for an in-flight slice; %d failed%n", all.n(), all.p50(),
                    all.p95(), all.max(), burstMs, slices.size(), waited, failures.size());
            ObjectNode m = JSON.createObjectNode();
            m.put("devices", n).put("burstMs", burstMs).put("distinctSlices", slices.size()).put("waited", waited)
                    .put("loadAverage", load());
            m.set("all", JSON.valueToTree(all));
            ObjectNode paths = m.putObject("byPath");
            byPath.forEach((k, v) -> {
                Summary s = Summary.ofMillis(v.stream().mapToDouble(Double::doubleValue).toArray());
                System.out.printf(Locale.ROOT, "  path %-16s n %3d  p50 %7.1f  p95 %7.1f  min %7.1f  max %7.1f ms%n", k,
                        s.n(), s.p50(), s.p95(), s.min(), s.max());
                paths.set(k, JSON.valueToTree(s));
            });
            m.putPOJO("failures", failures);
            return m;
        } finally {
            pool.shutdownNow();
            if (!outcomes.isEmpty()) {
                burstProbe.release(outcomes);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A new task (a container in the cloud IN-CSE) for one device; created before anything is timed. */
    private String task() throws IOException, InterruptedException {
        if (seeded.isEmpty()) {
            oneM2mCreate(cloud + "/cse/in-cse", 2, "{\"m2m:ae\":{\"rn\":\"" + ae
                    + "\",\"api\":\"Nedgeslice.eval\",\"rr\":false,\"srv\":[\"3\"]}}");
            seeded.add(ae);
        }
        String name = "D" + runTag + "x" + nextTask++;
        oneM2mCreate(cloud + "/cse/in-cse/" + ae, 3, "{\"m2m:cnt\":{\"rn\":\"" + name + "\",\"mni\":10}}");
        return "/in-cse/" + ae + "/" + name;
    }

    private void oneM2mCreate(String target, int ty, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(target))
                .header("X-M2M-Origin", "C" + ae).header("X-M2M-RI", "eval-" + System.nanoTime())
                .header("X-M2M-RVI", "3").header("Content-Type", "application/json;ty=" + ty)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new IOException("oneM2M CREATE " + target + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String loopback(String url) {
        String host = URI.create(url).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("loopback addresses only: " + url);
        }
        return url.replaceAll("/+$", "");
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
