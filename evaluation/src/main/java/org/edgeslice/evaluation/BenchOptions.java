package org.edgeslice.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Options of {@code ./mec bench paper}. Sample sizes default to the paper's and larger ones; {@code --quick} shrinks
 * everything so the run fits in CI's smoke-test budget (under 2 minutes).
 */
public record BenchOptions(boolean quick, Path out, Path work, Path sliceJar, String edgeCse, String cloudCse,
                           double rttMs, double jitterMs, List<Double> sweepRttMs, int paperSamples,
                           int largeSamples, int sweepSamples, int warmup, int floorSamples,
                           List<Integer> concurrency, int concurrencyRounds, int preparationRuns, String handler,
                           String handlerTasks, int scaleMax, long scaleIdleMs, String functions,
                           boolean skipScale, boolean skipPreparation, boolean plots, String meo, String meoAppDId,
                           int meoInstances, String handlerCloud) {

    static final String USAGE = """
            usage: ./mec bench paper [--quick] [options]
              java -jar evaluation/target/evaluation.jar [--quick] [options]
            options:
              --quick                 reduced run (< 2 min; CI smoke test)
              --out DIR               results.json and plots (default evaluation/target/bench-paper)
              --work DIR              slice data and logs (default <java.io.tmpdir>/edgeslice-bench-work)
              --slice-jar PATH        iot-slice-meapp jar (default iot-slice-meapp/target/iot-slice-meapp.jar)
              --edge-cse URL          edge slice CSEBase, e.g. http://127.0.0.1:62589/cse-slice
                                      (default: start a standalone slice process)
              --cloud-cse URL         cloud IN-CSE CSEBase, e.g. http://127.0.0.1:18080/cloud/cse/in-cse
                                      (default: start a second standalone slice process as its stand-in)
              --rtt-ms MS             emulated cloud RTT of the paper experiments (default 8)
              --jitter-ms MS          jitter per direction (default 0)
              --sweep MS,MS,...       RTTs of the sweep (default 2,8,20,50,150; "none" to skip)
              --samples N             paper sample size (default 60)
              --large-samples N       larger sample at the paper RTT (default 2000; quick 200)
              --sweep-samples N       samples per sweep point (default 300, fewer at large RTTs; quick 30)
              --concurrency N,N       simultaneous devices (default 10,50; "none" to skip)
              --rounds N              bursts per concurrency level (default 20; quick 3)
              --preparation-runs N    slice preparation runs (default 10, the paper's; quick 3)
              --handler URL           measure slice preparation through the handler ME App
                                      (POST URL/iot_slicing/v1/requests) instead of the standalone probe
              --handler-tasks PATHS   comma-separated oneM2M paths to offload (with --handler)
              --handler-cloud URL     cloud platform root, e.g. http://127.0.0.1:18080/cloud (with --handler):
                                      each run's slice is released through the ISCL, so every run needs a new
                                      slice (path 03-1); without it runs after the first may reuse it (03-2)
              --scale-max N           most slices started by the scale experiment (default 16; quick 2)
              --meo URL --meo-app-d-id ID   MEO API latency with up to --meo-instances N (default 1000)
                                      app instances of an onboarded package (created, then deleted)
              --skip-scale, --skip-preparation, --no-plots
            """;

    public static BenchOptions parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path out = Path.of("evaluation/target/bench-paper");
        Path work = null;
        Path jar = null;
        String edge = null;
        String cloud = null;
        double rtt = 8;
        double jitter = 0;
        List<Double> sweep = quick ? List.of(2.0, 8.0, 20.0) : List.of(2.0, 8.0, 20.0, 50.0, 150.0);
        int samples = 60;
        int large = quick ? 200 : 2000;
        int sweepSamples = quick ? 30 : 300;
        int warmup = quick ? 3000 : 10000;
        int floor = quick ? 1000 : 20000;
        List<Integer> conc = List.of(10, 50);
        int rounds = quick ? 3 : 20;
        int prep = quick ? 3 : 10;
        String handler = null;
        String tasks = null;
        String handlerCloud = null;
        int scaleMax = quick ? 2 : 16;
        long idle = quick ? 500 : 2000;
        boolean skipScale = false;
        boolean skipPrep = false;
        boolean plots = true;
        String meo = null;
        String meoAppDId = null;
        int meoInstances = 1000;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--quick" -> { }
                case "--out" -> { out = Path.of(need(a, v)); i++; }
                case "--work" -> { work = Path.of(need(a, v)); i++; }
                case "--slice-jar" -> { jar = Path.of(need(a, v)); i++; }
                case "--edge-cse" -> { edge = need(a, v); i++; }
                case "--cloud-cse" -> { cloud = need(a, v); i++; }
                case "--rtt-ms" -> { rtt = Double.parseDouble(need(a, v)); i++; }
                case "--jitter-ms" -> { jitter = Double.parseDouble(need(a, v)); i++; }
                case "--sweep" -> { sweep = doubles(need(a, v)); i++; }
                case "--samples" -> { samples = Integer.parseInt(need(a, v)); i++; }
                case "--large-samples" -> { large = Integer.parseInt(need(a, v)); i++; }
                case "--sweep-samples" -> { sweepSamples = Integer.parseInt(need(a, v)); i++; }
                case "--warmup" -> { warmup = Integer.parseInt(need(a, v)); i++; }
                case "--concurrency" -> { conc = ints(need(a, v)); i++; }
                case "--rounds" -> { rounds = Integer.parseInt(need(a, v)); i++; }
                case "--preparation-runs" -> { prep = Integer.parseInt(need(a, v)); i++; }
                case "--handler" -> { handler = need(a, v); i++; }
                case "--handler-tasks" -> { tasks = need(a, v); i++; }
                case "--handler-cloud" -> { handlerCloud = need(a, v); i++; }
                case "--scale-max" -> { scaleMax = Integer.parseInt(need(a, v)); i++; }
                case "--skip-scale" -> skipScale = true;
                case "--skip-preparation" -> skipPrep = true;
                case "--no-plots" -> plots = false;
                case "--meo" -> { meo = need(a, v); i++; }
                case "--meo-app-d-id" -> { meoAppDId = need(a, v); i++; }
                case "--meo-instances" -> { meoInstances = Integer.parseInt(need(a, v)); i++; }
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (rtt < 0 || jitter < 0 || samples < 1 || large < 0 || sweepSamples < 1 || rounds < 1 || prep < 0
                || scaleMax < 0 || samples > 1_000_000 || large > 1_000_000 || rounds > 10_000 || scaleMax > 200) {
            throw new IllegalArgumentException("option out of range");
        }
        if (meo != null && meoAppDId == null) {
            throw new IllegalArgumentException("--meo needs --meo-app-d-id (an onboarded, enabled package)");
        }
        if (meoInstances < 1 || meoInstances > 5000) {
            throw new IllegalArgumentException("--meo-instances must be 1..5000");
        }
        if (jar == null) {
            String prop = System.getProperty("eval.sliceJar");
            jar = Path.of(prop != null ? prop : "iot-slice-meapp/target/iot-slice-meapp.jar");
        }
        return new BenchOptions(quick, out, work == null ? Path.of(System.getProperty("java.io.tmpdir"), "edgeslice-bench-work") : work, jar, edge, cloud, rtt, jitter,
                sweep, samples, large, sweepSamples, warmup, floor, conc, rounds, prep, handler, tasks, scaleMax,
                idle, "registration,retrieve,subscription,notification", skipScale, skipPrep, plots, meo, meoAppDId,
                meoInstances, handlerCloud);
    }

    /** Samples of one sweep point: fewer at large RTTs so a point takes at most ~20 s per path and operation. */
    public int samplesAt(double rtt) {
        if (rtt <= 0) {
            return sweepSamples;
        }
        int budget = (int) (20_000 / rtt);
        return Math.max(Math.min(sweepSamples, 60), Math.min(sweepSamples, budget));
    }

    private static String need(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static List<Double> doubles(String csv) {
        List<Double> l = new ArrayList<>();
        if (!csv.equals("none")) {
            for (String s : csv.split(",")) {
                l.add(Double.parseDouble(s.trim()));
            }
        }
        return l;
    }

    private static List<Integer> ints(String csv) {
        List<Integer> l = new ArrayList<>();
        if (!csv.equals("none")) {
            for (String s : csv.split(",")) {
                int n = Integer.parseInt(s.trim());
                if (n < 1 || n > 500) {
                    throw new IllegalArgumentException("concurrency must be 1..500: " + n);
                }
                l.add(n);
            }
        }
        return l;
    }

    String describe() {
        return String.format(Locale.ROOT, "%s run: rtt %.1f ms (jitter %.1f), samples %d/%d, sweep %s, concurrency %s",
                quick ? "quick" : "full", rttMs, jitterMs, paperSamples, largeSamples, sweepRttMs, concurrency);
    }
}
