package org.edgeslice.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgeslice.evaluation.client.CseEndpoint;
import org.edgeslice.evaluation.client.OneM2mDevice;
import org.edgeslice.evaluation.client.RawHttpClient;
import org.edgeslice.evaluation.experiment.ConcurrencyExperiment;
import org.edgeslice.evaluation.experiment.EchoServer;
import org.edgeslice.evaluation.experiment.HandlerSlicePreparation;
import org.edgeslice.evaluation.experiment.LcmApiLatency;
import org.edgeslice.evaluation.experiment.PaperReference;
import org.edgeslice.evaluation.experiment.ScaleExperiment;
import org.edgeslice.evaluation.experiment.SlicePreparationProbe;
import org.edgeslice.evaluation.experiment.StandaloneSlicePreparation;
import org.edgeslice.evaluation.experiment.Timing;
import org.edgeslice.evaluation.report.Charts;
import org.edgeslice.evaluation.report.Environment;
import org.edgeslice.evaluation.stats.Summary;
import org.edgeslice.evaluation.target.ProcessStats;
import org.edgeslice.evaluation.target.SliceProcess;
import org.edgeslice.evaluation.target.WanProcess;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code ./mec bench paper [--quick]}: the seed paper's three experiments (Figs. 10-12) with the same device client on
 * two paths, the cloud IN-CSE across an emulated WAN and the edge slice on the MEC host, then past the paper (RTT
 * sweep, concurrent devices, slices per host). Prints tables, writes {@code results.json} and PNG plots.
 */
public final class PaperBench {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final BenchOptions o;
    private final PrintStream out;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> notMeasured = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final String classpath;

    /** One compared operation on both paths. */
    public record PathPair(String operation, double rttMs, int samples, Summary edge, Summary cloud,
                           Double paperEdgeMs, Double paperCloudMs) {
        public double ratioP50() {
            return cloud.p50() / edge.p50();
        }

        public double ratioMean() {
            return cloud.mean() / edge.mean();
        }

        public Double paperRatio() {
            return paperEdgeMs == null ? null : paperCloudMs / paperEdgeMs;
        }
    }

    PaperBench(BenchOptions o, PrintStream out) throws IOException {
        this.o = o;
        this.out = out;
        this.classpath = WanProcess.ownClasspath();
    }

    public static void main(String[] args) {
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("bench paper: " + e.getMessage());
            }
            System.err.print(BenchOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        System.setProperty("java.awt.headless", "true");
        try {
            new PaperBench(o, System.out).run();
        } catch (Exception e) {
            System.err.println("bench paper failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs everything and returns the result tree (also written to {@code out/results.json}). */
    Map<String, Object> run() throws Exception {
        long start = System.nanoTime();
        Files.createDirectories(o.out());
        Files.createDirectories(o.work());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("started", Instant.now().toString());
        meta.put("mode", o.quick() ? "quick" : "full");
        meta.put("options", o.describe());
        meta.put("machine", Environment.describe());
        meta.put("paper", PaperReference.CITATION);
        results.put("meta", meta);
        out.println("== bench paper: " + o.describe());
        out.println("   load average at start: " + Environment.loadAverage());
        try {
            CseEndpoint edge;
            CseEndpoint cloud;
            if (o.edgeCse() != null) {
                edge = CseEndpoint.parse(o.edgeCse());
                meta.put("edge", Map.of("url", edge.url(), "kind", "given (--edge-cse)"));
            } else {
                SliceProcess s = SliceProcess.start(o.sliceJar(), "cse-edge", o.functions(), o.work(),
                        SliceProcess.LATENCY_JVM, 2, 60_000);
                toClose.add(s);
                edge = s.endpoint();
                meta.put("edge", Map.of("url", edge.url(), "kind", "standalone slice process (iot-slice-meapp jar, "
                        + String.join(" ", SliceProcess.LATENCY_JVM) + ", 2 I/O threads)",
                        "readyMs", s.readyMillis()));
            }
            if (o.cloudCse() != null) {
                cloud = CseEndpoint.parse(o.cloudCse());
                meta.put("cloud", Map.of("url", cloud.url(), "kind", "given (--cloud-cse)"));
            } else {
                SliceProcess s = SliceProcess.start(o.sliceJar(), "cse-cloud", o.functions(), o.work(),
                        SliceProcess.LATENCY_JVM, 2, 60_000);
                toClose.add(s);
                cloud = s.endpoint();
                meta.put("cloud", Map.of("url", cloud.url(), "kind", "stand-in: a second standalone slice process"
                        + " (the cloud platform's CISS is not deployed); pass --cloud-cse to measure the real IN-CSE (http://127.0.0.1:18080/cloud/cse/in-cse)",
                        "readyMs", s.readyMillis()));
            }
            out.println("   edge CSE  " + edge.url());
            out.println("   cloud CSE " + cloud.url() + " (reached through the WAN emulator)");
            experiments(edge, cloud);
        } finally {
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
        results.put("notMeasured", notMeasured);
        meta.put("finished", Instant.now().toString());
        meta.put("durationSeconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
        meta.put("loadAverageAtEnd", Environment.loadAverage());
        Path file = o.out().resolve("results.json");
        JSON.writeValue(file.toFile(), results);
        out.println();
        out.println("results: " + file.toAbsolutePath());
        if (o.plots()) {
            out.println("plots:   " + o.out().toAbsolutePath() + "/*.png");
        }
        out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return results;
    }

    private void experiments(CseEndpoint edge, CseEndpoint cloud) throws Exception {
        int cin = OneM2mDevice.PAPER_CIN_BYTES;
        OneM2mDevice edgeDevice = OneM2mDevice.connect(edge, cin);
        toClose.add(edgeDevice);
        edgeDevice.register(1000);
        OneM2mDevice cloudDirect = OneM2mDevice.connect(cloud, cin);
        toClose.add(cloudDirect);
        cloudDirect.register(1000);

        // response sizes, for the bare-network floor with the same bytes on the wire
        RawHttpClient.Reply createReply = edgeDevice.createReply();
        RawHttpClient.Reply latestReply = edgeDevice.latestReply();
        int createResp = (int) createReply.wireBytes();
        int latestResp = (int) latestReply.wireBytes();
        if (createReply.status() != 201 || latestReply.status() != 200) {
            throw new IOException("edge CSE does not answer the device: " + createReply.status() + "/"
                    + latestReply.status());
        }

        out.printf(Locale.ROOT, "-- warm-up: %d creates and %d retrieves on each CSE%n", o.warmup(), o.warmup());
        Timing.warm(o.warmup(), edgeDevice::createContentInstance);
        Timing.warm(o.warmup(), edgeDevice::retrieveLatest);
        Timing.warm(o.warmup(), cloudDirect::createContentInstance);
        Timing.warm(o.warmup(), cloudDirect::retrieveLatest);

        Map<String, Object> floor = floor(edgeDevice.createRequestBytes(), createResp,
                edgeDevice.latestRequestBytes(), latestResp);
        results.put("floor", floor);

        // the emulator's own cost: the same echo exchange direct and through the emulator with zero delay
        results.put("emulatorOverhead", emulatorOverhead(edgeDevice.createRequestBytes(), createResp, cloud,
                cloudDirect));

        // the paper's experiments at the paper RTT
        List<PathPair> paper = new ArrayList<>();
        List<Map<String, Object>> gaps = new ArrayList<>();
        List<Map<String, Object>> calibration = new ArrayList<>();
        results.put("emulatorCalibration", calibration);
        Map<String, double[]> raw = new LinkedHashMap<>();
        try (WanProcess wan = WanProcess.start(classpath, cloud.host(), cloud.port(), o.rttMs(), o.jitterMs());
             OneM2mDevice cloudViaWan = cloudDirect.sibling(cloud.via(wan.port()))) {
            results.put("wan", Map.of("method", "user-space TCP relay (Netty " + "event loop timers, transport "
                            + wan.transport() + "), half the RTT per direction, FIFO per connection, TCP_NODELAY",
                    "rttMs", o.rttMs(), "jitterMs", o.jitterMs(), "netem", Environment.netem()));
            out.printf(Locale.ROOT, "-- paper experiments: cloud across the WAN emulator (RTT %.1f ms, %s),"
                    + " edge direct%n", o.rttMs(), wan.transport());
            Timing.warm(50, cloudViaWan::createContentInstance);
            Timing.warm(50, cloudViaWan::retrieveLatest);
            PathPair c = pair("create", o.rttMs(), o.paperSamples(), edgeDevice::createContentInstance,
                    cloudViaWan::createContentInstance, 201, PaperReference.CREATE_EDGE_MS,
                    PaperReference.CREATE_CLOUD_MS, null);
            PathPair r = pair("retrieve", o.rttMs(), o.paperSamples(), edgeDevice::retrieveLatest,
                    cloudViaWan::retrieveLatest, 200, PaperReference.RETRIEVE_EDGE_MS,
                    PaperReference.RETRIEVE_CLOUD_MS, null);
            paper.add(c);
            paper.add(r);
            if (o.largeSamples() > 0) {
                paper.add(pair("create", o.rttMs(), o.largeSamples(), edgeDevice::createContentInstance,
                        cloudViaWan::createContentInstance, 201, PaperReference.CREATE_EDGE_MS,
                        PaperReference.CREATE_CLOUD_MS, raw));
                paper.add(pair("retrieve", o.rttMs(), o.largeSamples(), edgeDevice::retrieveLatest,
                        cloudViaWan::retrieveLatest, 200, PaperReference.RETRIEVE_EDGE_MS,
                        PaperReference.RETRIEVE_CLOUD_MS, raw));
            }
            Summary cal = calibrate(o.rttMs(), Math.max(o.paperSamples(), Math.min(o.largeSamples(), 500)),
                    edgeDevice.createRequestBytes(), createResp);
            calibration.add(Map.of("rttMs", o.rttMs(), "echoViaEmulator", cal, "excessP50Ms", cal.p50() - o.rttMs()));
            out.printf(Locale.ROOT, "-- emulated path alone (echo through the emulator at %.1f ms): p50 %.3f ms,"
                    + " mean %.3f, p95 %.3f: +%.3f ms over the nominal RTT at p50%n", o.rttMs(), cal.p50(), cal.mean(),
                    cal.p95(), cal.p50() - o.rttMs());
            int gapN = Math.max(o.paperSamples(), Math.min(o.largeSamples(), 500));
            gaps.add(idleGap("create", gapN, edgeDevice::createContentInstance, cloudViaWan::createContentInstance,
                    201, edgeDevice.createRequestBytes(), createResp));
            gaps.add(idleGap("retrieve", gapN, edgeDevice::retrieveLatest, cloudViaWan::retrieveLatest, 200,
                    edgeDevice.latestRequestBytes(), latestResp));
        }
        results.put("idleGap", gaps);
        results.put("paper", paper);
        results.put("samplesMs", raw);
        printPaperTable(paper, floor);
        printIdleGap(gaps);

        // slice preparation (Fig. 12)
        if (!o.skipPreparation() && o.preparationRuns() > 0) {
            results.put("slicePreparation", preparation(cloud, cloudDirect));
        } else {
            notMeasured.add("slice preparation: skipped by option");
        }

        // past the paper: RTT sweep
        List<PathPair> sweep = new ArrayList<>();
        for (double rtt : o.sweepRttMs()) {
            int n = o.samplesAt(rtt);
            try (WanProcess wan = WanProcess.start(classpath, cloud.host(), cloud.port(), rtt, o.jitterMs());
                 OneM2mDevice viaWan = cloudDirect.sibling(cloud.via(wan.port()))) {
                Timing.warm(Math.max(5, Math.min(50, (int) (1000 / Math.max(rtt, 1)))),
                        viaWan::createContentInstance);
                sweep.add(pair("create", rtt, n, edgeDevice::createContentInstance, viaWan::createContentInstance,
                        201, null, null, null));
                sweep.add(pair("retrieve", rtt, n, edgeDevice::retrieveLatest, viaWan::retrieveLatest, 200, null,
                        null, null));
            }
            if (rtt != o.rttMs()) {
                Summary cal = calibrate(rtt, Math.min(n, 50), edgeDevice.createRequestBytes(), createResp);
                calibration.add(Map.of("rttMs", rtt, "echoViaEmulator", cal, "excessP50Ms", cal.p50() - rtt));
            }
        }
        results.put("sweep", sweep);
        printSweep(sweep);
        printCalibration(calibration);

        // past the paper: concurrent devices
        List<Map<String, Object>> conc = new ArrayList<>();
        if (!o.concurrency().isEmpty()) {
            try (WanProcess wan = WanProcess.start(classpath, cloud.host(), cloud.port(), o.rttMs(), o.jitterMs())) {
                for (int n : o.concurrency()) {
                    for (String path : List.of("edge", "cloud")) {
                        ConcurrencyExperiment.Result res = path.equals("edge")
                                ? ConcurrencyExperiment.run(path, edge, edge, n, o.concurrencyRounds(), cin)
                                : ConcurrencyExperiment.run(path, cloud, cloud.via(wan.port()), n,
                                o.concurrencyRounds(), cin);
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("path", path);
                        m.put("devices", n);
                        m.put("rounds", res.rounds());
                        m.put("rttMs", path.equals("edge") ? 0 : o.rttMs());
                        m.put("latency", res.latency());
                        m.put("burstCompletion", res.burstCompletion());
                        conc.add(m);
                    }
                }
            }
            printConcurrency(conc);
        }
        results.put("concurrency", conc);

        // past the paper: slices per host
        if (!o.skipScale() && o.scaleMax() > 0 && ProcessStats.supported() && o.edgeCse() == null) {
            out.printf(Locale.ROOT, "-- scale: starting up to %d slices one after another%n", o.scaleMax());
            List<ScaleExperiment.Point> pts = ScaleExperiment.run(o.sliceJar(), o.work(), o.functions(),
                    o.scaleMax(), o.scaleIdleMs());
            results.put("scale", Map.of("jvm", String.join(" ", SliceProcess.DEPLOYMENT_JVM), "points", pts));
            printScale(pts);
        } else {
            notMeasured.add("slices per host: skipped (option, no /proc, or --edge-cse given)");
        }
        notMeasured.add("slice preparation against the number of running slices through the MEO/MEPM/Docker path:"
                + " needs the full system; the scale table gives the process-start part (readyMs with k-1 slices"
                + " running); plug a SlicePreparationProbe (HandlerSlicePreparation) in with --handler");
        if (o.meo() != null) {
            List<Integer> checkpoints = new ArrayList<>();
            for (int k = 1; k <= o.meoInstances(); k *= 10) {
                checkpoints.add(k);
            }
            if (!checkpoints.contains(o.meoInstances())) {
                checkpoints.add(o.meoInstances());
            }
            out.printf(Locale.ROOT, "-- MEO API latency up to %d app instances at %s%n", o.meoInstances(), o.meo());
            List<LcmApiLatency.Point> pts = new LcmApiLatency(o.meo(), o.meoAppDId()).run(checkpoints, 20);
            results.put("lcmApi", Map.of("meo", o.meo(), "points", pts));
            out.printf(Locale.ROOT, "%10s | %10s %10s | %10s %10s | %10s%n", "instances", "POST p50", "POST p95",
                    "list p50", "list p95", "GET 1 p50");
            for (LcmApiLatency.Point p : pts) {
                out.printf(Locale.ROOT, "%10d | %10.3f %10.3f | %10.3f %10.3f | %10.3f%n", p.instances(),
                        p.create().p50(), p.create().p95(), p.list().p50(), p.list().p95(), p.getOne().p50());
            }
        } else {
            notMeasured.add("MEO API latency with 1,000 app instances: needs the MEO with an onboarded package;"
                    + " rerun with --meo URL --meo-app-d-id ID");
        }

        if (o.plots()) {
            plots(paper, sweep, conc);
        }
        // leave given CSEs as they were: the devices' AEs (and their data) go again
        for (OneM2mDevice d : List.of(edgeDevice, cloudDirect)) {
            try {
                d.deregister();
            } catch (IOException e) {
                out.println("   could not delete AE " + d.aeName() + " at " + d.cse().url() + ": " + e.getMessage());
            }
        }
    }

    private Map<String, Object> floor(int createReq, int createResp, int latestReq, int latestResp)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "blocking loopback TCP ping-pong between two Java threads, TCP_NODELAY, same request and"
                + " response sizes as the CSE exchange");
        for (String op : List.of("create", "retrieve")) {
            int req = op.equals("create") ? createReq : latestReq;
            int resp = op.equals("create") ? createResp : latestResp;
            try (EchoServer server = new EchoServer(req, resp);
                 EchoServer.Client c = new EchoServer.Client(server.port(), req, resp)) {
                Timing.warm(Math.min(2000, o.floorSamples()), c::exchange);
                Summary s = Summary.ofNanos(Timing.measure(o.floorSamples(), c::exchange, 200));
                m.put(op, Map.of("requestBytes", req, "responseBytes", resp, "summary", s));
                out.printf(Locale.ROOT, "-- bare loopback round trip (%s sizes: %d B out, %d B back): p50 %.4f ms,"
                        + " mean %.4f, p95 %.4f (n=%d)%n", op, req, resp, s.p50(), s.mean(), s.p95(), s.n());
            }
        }
        return m;
    }

    private Map<String, Object> emulatorOverhead(int req, int resp, CseEndpoint cloud, OneM2mDevice cloudDirect)
            throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = Math.max(500, o.floorSamples() / 4);
        try (EchoServer server = new EchoServer(req, resp);
             WanProcess wan = WanProcess.start(classpath, "127.0.0.1", server.port(), 0, 0);
             EchoServer.Client direct = new EchoServer.Client(server.port(), req, resp);
             EchoServer.Client relayed = new EchoServer.Client(wan.port(), req, resp)) {
            Timing.warm(Math.min(5000, n), direct::exchange);
            Timing.warm(Math.min(5000, n), relayed::exchange);
            long[][] r = Timing.interleaved(n, direct::exchange, 200, relayed::exchange, 200);
            Summary d = Summary.ofNanos(r[0]);
            Summary e = Summary.ofNanos(r[1]);
            m.put("echoDirect", d);
            m.put("echoViaEmulatorZeroDelay", e);
            m.put("addedP50Ms", e.p50() - d.p50());
            m.put("addedMeanMs", e.mean() - d.mean());
            out.printf(Locale.ROOT, "-- WAN emulator at 0 ms: echo p50 %.4f ms direct, %.4f ms relayed: +%.4f ms"
                    + " (mean +%.4f)%n", d.p50(), e.p50(), e.p50() - d.p50(), e.mean() - d.mean());
        }
        try (WanProcess wan = WanProcess.start(classpath, cloud.host(), cloud.port(), 0, 0);
             OneM2mDevice relayed = cloudDirect.sibling(cloud.via(wan.port()))) {
            Timing.warm(Math.min(3000, n), relayed::createContentInstance);
            long[][] r = Timing.interleaved(Math.min(n, 2000), cloudDirect::createContentInstance, 201,
                    relayed::createContentInstance, 201);
            Summary d = Summary.ofNanos(r[0]);
            Summary e = Summary.ofNanos(r[1]);
            m.put("createDirect", d);
            m.put("createViaEmulatorZeroDelay", e);
            out.printf(Locale.ROOT, "-- WAN emulator at 0 ms: cloud create p50 %.4f ms direct, %.4f ms relayed:"
                    + " +%.4f ms%n", d.p50(), e.p50(), e.p50() - d.p50());
        }
        return m;
    }

    /**
     * The emulated path alone: the bare echo exchange (create sizes) through a WAN emulator at {@code rtt}. Its excess
     * over the nominal RTT is the emulator's (and this machine's wake-up) share of the cloud figures, which the CSE
     * does not cause.
     */
    private Summary calibrate(double rtt, int n, int req, int resp) throws IOException {
        try (EchoServer server = new EchoServer(req, resp);
             WanProcess wan = WanProcess.start(classpath, "127.0.0.1", server.port(), rtt, o.jitterMs());
             EchoServer.Client c = new EchoServer.Client(wan.port(), req, resp)) {
            Timing.warm(Math.max(3, Math.min(30, (int) (300 / Math.max(rtt, 1)))), c::exchange);
            return Summary.ofNanos(Timing.measure(n, c::exchange, 200));
        }
    }

    /**
     * Each path measured in its own closed loop, one request right after the other (what a JMeter thread group with
     * no think time does, and what the paper's 60-request runs were): first the edge, then the cloud.
     */
    private PathPair pair(String op, double rtt, int n, Timing.Exchange edge, Timing.Exchange cloud, int status,
                          Double paperEdge, Double paperCloud, Map<String, double[]> raw) throws IOException {
        long[] e = Timing.measure(n, edge, status);
        long[] c = Timing.measure(n, cloud, status);
        if (raw != null) {
            raw.put(op + "Edge", millis(e));
            raw.put(op + "Cloud", millis(c));
        }
        return new PathPair(op, rtt, n, Summary.ofNanos(e), Summary.ofNanos(c), paperEdge, paperCloud);
    }

    /**
     * A sporadic device: edge requests interleaved with cloud requests, so every edge request follows an idle gap of
     * one cloud RTT. The floor is measured the same way (the echo exchange interleaved with the cloud request), so the
     * difference is still the CSE's own cost; the gap's price (idle CPUs waking up, cold caches) shows in both.
     */
    private Map<String, Object> idleGap(String op, int n, Timing.Exchange edge, Timing.Exchange cloud, int status,
                                        int req, int resp) throws IOException {
        try (EchoServer server = new EchoServer(req, resp);
             EchoServer.Client echo = new EchoServer.Client(server.port(), req, resp)) {
            Timing.warm(1000, echo::exchange);
            long[][] ec = Timing.interleaved(n, edge, status, cloud, status);
            long[][] fc = Timing.interleaved(n, echo::exchange, 200, cloud, status);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", op);
            m.put("samples", n);
            m.put("edge", Summary.ofNanos(ec[0]));
            m.put("floorAfterGap", Summary.ofNanos(fc[0]));
            m.put("cloud", Summary.ofNanos(ec[1]));
            return m;
        }
    }

    private static double[] millis(long[] nanos) {
        return Arrays.stream(nanos).mapToDouble(v -> Math.round(v / 1e3) / 1e3).toArray();
    }

    private Map<String, Object> preparation(CseEndpoint cloud, OneM2mDevice cloudDevice) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        try (WanProcess wan = WanProcess.start(classpath, cloud.host(), cloud.port(), o.rttMs(), o.jitterMs());
             SlicePreparationProbe probe = o.handler() != null
                     ? new HandlerSlicePreparation(o.handler(), o.handlerCloud(),
                     Arrays.asList(o.functions().split(",")),
                     o.handlerTasks() == null ? List.of() : Arrays.asList(o.handlerTasks().split(",")), 10)
                     : new StandaloneSlicePreparation(o.sliceJar(), o.work(), o.functions(), cloud.via(wan.port()),
                     cloudDevice.aeId(), cloudDevice.aeName())) {
            out.printf(Locale.ROOT, "-- slice preparation (%s probe), %d runs after 1 unrecorded warm-up run%n",
                    probe.name(), o.preparationRuns());
            probe.prepare(0);
            List<SlicePreparationProbe.Run> runs = new ArrayList<>();
            double[] totals = new double[o.preparationRuns()];
            for (int i = 0; i < o.preparationRuns(); i++) {
                SlicePreparationProbe.Run run = probe.prepare(i + 1);
                runs.add(run);
                totals[i] = run.totalMs();
            }
            Summary s = Summary.ofMillis(totals);
            m.put("probe", probe.name());
            m.put("description", probe.description());
            m.put("rttMs", o.rttMs());
            m.put("runs", runs);
            m.put("summary", s);
            m.put("paperMs", PaperReference.SLICE_PREPARATION_MS);
            out.printf(Locale.ROOT, "%-22s %5s %10s %10s %10s %12s%n", "slice preparation", "n", "p50 ms", "mean ms",
                    "p95 ms", "paper ms");
            out.printf(Locale.ROOT, "%-22s %5d %10.1f %10.1f %10.1f %12.0f%n", probe.name(), s.n(), s.p50(), s.mean(),
                    s.p95(), PaperReference.SLICE_PREPARATION_MS);
            Map<String, Double> phaseMeans = new LinkedHashMap<>();
            for (SlicePreparationProbe.Run r : runs) {
                r.phasesMs().forEach((k, v) -> phaseMeans.merge(k, v / runs.size(), Double::sum));
            }
            phaseMeans.forEach((k, v) -> out.printf(Locale.ROOT, "   phase %-24s mean %.1f ms%n", k, v));
            m.put("phaseMeansMs", phaseMeans);
        }
        if (o.handler() == null) {
            notMeasured.add("slice preparation through MEO/MEPM/Docker (the 15 steps): the handler ME App is not"
                    + " deployed in this run; rerun with --handler URL");
        }
        return m;
    }

    private void printPaperTable(List<PathPair> rows, Map<String, Object> floor) {
        out.println();
        out.println("Paper experiments, each path in a closed loop (ms; paper = " + PaperReference.CITATION
                + ", JMeter means; ratio = cloud/edge; edge-floor = edge p50 minus the bare loopback round trip)");
        out.printf(Locale.ROOT, "%-9s %6s %5s | %8s %8s %8s | %8s %8s %8s | %9s %9s | %6s %6s %6s | %9s%n",
                "operation", "RTT", "n", "edge p50", "mean", "p95", "cloud p50", "mean", "p95", "ratio p50",
                "ratio mn", "p.edge", "p.cloud", "p.ratio", "edge-floor");
        for (PathPair p : rows) {
            @SuppressWarnings("unchecked")
            Summary fl = (Summary) ((Map<String, Object>) floor.get(p.operation())).get("summary");
            out.printf(Locale.ROOT,
                    "%-9s %6.1f %5d | %8.3f %8.3f %8.3f | %9.3f %8.3f %8.3f | %8.1fx %8.1fx | %6.2f %7.2f %6.2fx"
                            + " | %+9.3f%n",
                    p.operation(), p.rttMs(), p.samples(), p.edge().p50(), p.edge().mean(), p.edge().p95(),
                    p.cloud().p50(), p.cloud().mean(), p.cloud().p95(), p.ratioP50(), p.ratioMean(),
                    p.paperEdgeMs(), p.paperCloudMs(), p.paperRatio(), p.edge().p50() - fl.p50());
        }
    }

    private void printIdleGap(List<Map<String, Object>> rows) {
        out.println();
        out.printf(Locale.ROOT, "Sporadic device: each edge request after an idle gap of one cloud RTT (%.1f ms);"
                + " floor measured after the same gap (ms)%n", o.rttMs());
        out.printf(Locale.ROOT, "%-9s %5s | %8s %8s %8s | %9s %8s | %9s | %10s%n", "operation", "n", "edge p50",
                "mean", "p95", "floor p50", "mean", "cloud p50", "edge-floor");
        for (Map<String, Object> m : rows) {
            Summary e = (Summary) m.get("edge");
            Summary f = (Summary) m.get("floorAfterGap");
            Summary c = (Summary) m.get("cloud");
            out.printf(Locale.ROOT, "%-9s %5d | %8.3f %8.3f %8.3f | %9.3f %8.3f | %9.3f | %+10.3f%n",
                    m.get("operation"), m.get("samples"), e.p50(), e.mean(), e.p95(), f.p50(), f.mean(), c.p50(),
                    e.p50() - f.p50());
        }
    }

    @SuppressWarnings("unchecked")
    private void printCalibration(List<Map<String, Object>> rows) {
        out.println();
        out.println("Emulated path alone: echo exchange (create sizes) through the WAN emulator (ms)");
        out.printf(Locale.ROOT, "%6s %5s | %8s %8s %8s | %10s%n", "RTT", "n", "p50", "mean", "p95", "p50-RTT");
        rows.stream().sorted((a, b) -> Double.compare((double) a.get("rttMs"), (double) b.get("rttMs")))
                .forEach(m -> {
                    Summary s = (Summary) m.get("echoViaEmulator");
                    out.printf(Locale.ROOT, "%6.1f %5d | %8.3f %8.3f %8.3f | %+10.3f%n", (double) m.get("rttMs"),
                            s.n(), s.p50(), s.mean(), s.p95(), s.p50() - (double) m.get("rttMs"));
                });
    }

    private void printSweep(List<PathPair> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("RTT sweep (ms): cloud across the WAN emulator, edge direct");
        out.printf(Locale.ROOT, "%-9s %6s %5s | %8s %8s %8s | %9s %8s %8s | %9s | %9s%n", "operation", "RTT", "n",
                "edge p50", "mean", "p95", "cloud p50", "mean", "p95", "ratio p50", "cloud-RTT");
        for (PathPair p : rows) {
            out.printf(Locale.ROOT, "%-9s %6.1f %5d | %8.3f %8.3f %8.3f | %9.3f %8.3f %8.3f | %8.1fx | %+9.3f%n",
                    p.operation(), p.rttMs(), p.samples(), p.edge().p50(), p.edge().mean(), p.edge().p95(),
                    p.cloud().p50(), p.cloud().mean(), p.cloud().p95(), p.ratioP50(), p.cloud().p50() - p.rttMs());
        }
    }

    private void printConcurrency(List<Map<String, Object>> rows) {
        out.println();
        out.println("Concurrent devices: N creates released at once, per request and per burst (ms)");
        out.printf(Locale.ROOT, "%-6s %7s %6s %6s | %8s %8s %8s | %10s %10s%n", "path", "devices", "rounds", "RTT",
                "p50", "mean", "p95", "burst p50", "burst p95");
        for (Map<String, Object> m : rows) {
            Summary l = (Summary) m.get("latency");
            Summary b = (Summary) m.get("burstCompletion");
            out.printf(Locale.ROOT, "%-6s %7d %6d %6.1f | %8.3f %8.3f %8.3f | %10.3f %10.3f%n", m.get("path"),
                    m.get("devices"), m.get("rounds"), ((Number) m.get("rttMs")).doubleValue(), l.p50(), l.mean(),
                    l.p95(), b.p50(), b.p95());
        }
    }

    private void printScale(List<ScaleExperiment.Point> pts) {
        out.println();
        out.println("Slices on one host (" + String.join(" ", SliceProcess.DEPLOYMENT_JVM) + ")");
        out.printf(Locale.ROOT, "%7s %10s %12s %14s %12s%n", "slices", "ready ms", "RSS MiB", "total RSS MiB",
                "idle CPU %");
        for (ScaleExperiment.Point p : pts) {
            out.printf(Locale.ROOT, "%7d %10.0f %12.1f %14.1f %12.2f%n", p.running(), p.readyMs(), p.rssKiB() / 1024.0,
                    p.totalRssKiB() / 1024.0, p.idleCpuPercent());
        }
    }

    @SuppressWarnings("unchecked")
    private void plots(List<PathPair> paper, List<PathPair> sweep, List<Map<String, Object>> conc)
            throws IOException {
        Map<String, double[]> raw = (Map<String, double[]>) results.get("samplesMs");
        for (String op : List.of("create", "retrieve")) {
            double[] e = raw.get(op + "Edge");
            double[] c = raw.get(op + "Cloud");
            if (e == null) {
                continue; // no large sample: no distribution plot
            }
            boolean create = op.equals("create");
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put("edge slice (direct)", e);
            series.put(String.format(Locale.ROOT, "cloud CSE (emulated RTT %.0f ms)", o.rttMs()), c);
            Charts.cdf(o.out().resolve(create ? "fig10-create.png" : "fig11-retrieve.png"),
                    String.format(Locale.ROOT, "%s: latency distribution, n=%d per path (paper Fig. %d)",
                            create ? "Data creation (400-byte contentInstance)" : "Retrieval of the latest"
                                    + " contentInstance", e.length, create ? 10 : 11),
                    series, List.of(
                            new Charts.Marker(create ? PaperReference.CREATE_EDGE_MS : PaperReference.RETRIEVE_EDGE_MS,
                                    "paper edge mean"),
                            new Charts.Marker(create ? PaperReference.CREATE_CLOUD_MS
                                    : PaperReference.RETRIEVE_CLOUD_MS, "paper cloud mean")));
        }
        Object prep = results.get("slicePreparation");
        if (prep instanceof Map<?, ?> pm) {
            DefaultCategoryDataset d = new DefaultCategoryDataset();
            int i = 1;
            for (SlicePreparationProbe.Run r : (List<SlicePreparationProbe.Run>) pm.get("runs")) {
                String col = "run " + i++;
                r.phasesMs().forEach((k, v) -> d.addValue(v, k, col));
            }
            Charts.bars(o.out().resolve("fig12-slice-preparation.png"),
                    "Slice preparation per run (" + pm.get("probe") + " probe; paper Fig. 12)", "run", "ms", d, true,
                    new Charts.Marker(PaperReference.SLICE_PREPARATION_MS, "paper: about 1.05 s"));
        }
        if (!sweep.isEmpty()) {
            Map<String, double[][]> s = new LinkedHashMap<>();
            for (String op : List.of("create", "retrieve")) {
                for (String path : List.of("cloud", "edge")) {
                    s.put(op + " " + path + " p50", sweep.stream().filter(p -> p.operation().equals(op))
                            .map(p -> new double[] {p.rttMs(), path.equals("cloud") ? p.cloud().p50()
                                    : p.edge().p50()}).toArray(double[][]::new));
                }
            }
            s.put("emulated RTT (ideal cloud)", sweep.stream().filter(p -> p.operation().equals("create"))
                    .map(p -> new double[] {p.rttMs(), p.rttMs()}).toArray(double[][]::new));
            Charts.lines(o.out().resolve("rtt-sweep.png"), "p50 latency against the emulated cloud RTT",
                    "emulated cloud RTT (ms)", "p50 latency (ms)", s, true, true);
        }
        if (!conc.isEmpty()) {
            DefaultCategoryDataset d = new DefaultCategoryDataset();
            for (Map<String, Object> m : conc) {
                String col = m.get("path") + ", " + m.get("devices") + " devices";
                d.addValue(((Summary) m.get("latency")).p50(), "request p50", col);
                d.addValue(((Summary) m.get("latency")).p95(), "request p95", col);
                d.addValue(((Summary) m.get("burstCompletion")).p50(), "burst completion p50", col);
            }
            Charts.bars(o.out().resolve("concurrency.png"), String.format(Locale.ROOT,
                    "Concurrent device creates (cloud RTT %.0f ms)", o.rttMs()), "", "ms", d, false, null);
        }
        Object scale = results.get("scale");
        if (scale instanceof Map<?, ?> sm) {
            List<ScaleExperiment.Point> pts = (List<ScaleExperiment.Point>) sm.get("points");
            Map<String, double[][]> s = new LinkedHashMap<>();
            s.put("RSS of the newest slice (MiB)", pts.stream().map(p -> new double[] {p.running(),
                    p.rssKiB() / 1024.0}).toArray(double[][]::new));
            s.put("total RSS / slices (MiB)", pts.stream().map(p -> new double[] {p.running(),
                    p.totalRssKiB() / 1024.0 / p.running()}).toArray(double[][]::new));
            s.put("start to ready of the newest slice (x10 ms)", pts.stream().map(p -> new double[] {p.running(),
                    p.readyMs() / 10}).toArray(double[][]::new));
            Charts.lines(o.out().resolve("scale.png"), "Slices on one MEC host", "running slices",
                    "MiB  |  x10 ms", s, false, false);
        }
    }
}
