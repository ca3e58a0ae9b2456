package org.edgeslice.mepm.bench;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.edgeslice.mepm.virt.ContainerSpec;
import org.edgeslice.mepm.virt.Labels;
import org.edgeslice.mepm.virt.docker.DockerDriver;

/**
 * The virtualisation figures of the MEPM on a real Docker Engine, through the same driver the MEPM uses:
 * create + start of a container from a warm image until the app in it answers HTTP on its loopback port
 * (p50/p95 over N runs), split into the engine's own cost (create, start) and the app's start; stop and
 * remove; and the pull time from the CSFR registry for a cold image.
 *
 * <pre>
 * java -cp 'mepm/target/mepm/WEB-INF/classes:mepm/target/mepm/WEB-INF/lib/*' org.edgeslice.mepm.bench.VimBench \
 *      [--docker-host unix:///run/edgeslice/docker.sock] [--runs 20] [--registry 127.0.0.1:5000] \
 *      [--cold-engine unix:///path/to/an/empty/engine.sock]
 * </pre>
 * {@code --cold-engine} names an engine whose images may all be removed (e.g. a scratch dockerd) to time a
 * pull with no layer present; without it the cold pull is of the app layer only (the base layer stays, it is
 * shared with edgeslice/jre17:2).
 */
public final class VimBench {

    private VimBench() {
    }

    public static void main(String[] args) throws Exception {
        String host = arg(args, "--docker-host", BenchImages.dockerHost());
        int runs = Integer.parseInt(arg(args, "--runs", "20"));
        String coldEngine = arg(args, "--cold-engine", null);
        if (!DockerDriver.reachable(host)) {
            System.err.println("VimBench: no Docker Engine at " + host);
            System.exit(2);
        }
        try (DockerDriver driver = new DockerDriver(host); DockerClient docker = BenchImages.client(host)) {
            System.out.println("VimBench: engine " + driver.engineVersion() + " at " + host + ", image " + BenchImages.IMAGE
                    + " (FROM " + BenchImages.BASE_IMAGE + ", a JVM app answering HTTP), " + runs + " runs after 3 warm-ups");
            BenchImages.ensureImage(docker);
            List<long[]> samples = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                long[] s = once(driver, i);
                if (i >= 3) {
                    samples.add(s);
                }
            }
            String[] names = {"create (engine)", "start (engine)", "create+start (engine)", "start -> app answers (JVM)",
                    "create+start -> app answers", "stop (SIGTERM, --init)", "remove"};
            System.out.printf("%-32s %8s %8s %8s %8s%n", "step [ms]", "p50", "p95", "min", "max");
            for (int k = 0; k < names.length; k++) {
                List<Long> v = new ArrayList<>();
                for (long[] s : samples) {
                    v.add(s[k]);
                }
                Collections.sort(v);
                System.out.printf("%-32s %8.1f %8.1f %8.1f %8.1f%n", names[k], pct(v, 50) / 1e6, pct(v, 95) / 1e6,
                        v.get(0) / 1e6, v.get(v.size() - 1) / 1e6);
            }
            coldPull(driver, docker);
            if (coldEngine != null) {
                fullyColdPull(docker, coldEngine);
            }
        }
    }

    /** One container life: {create, start, create+start, start->answer, total, stop, remove} in ns. */
    private static long[] once(DockerDriver driver, int i) {
        int port = freePort();
        String id = "bench-" + System.nanoTime();
        long t0 = System.nanoTime();
        String c = driver.create(new ContainerSpec("mepm-bench-" + i + "-" + System.nanoTime(), BenchImages.IMAGE,
                Map.of("MEC_PORTS", "http=" + port, "MEC_APP_INSTANCE_ID", id), Labels.of("bench", "vim-bench", id, "bench"),
                1000, 128, List.of(), null));
        long t1 = System.nanoTime();
        driver.start(c);
        long t2 = System.nanoTime();
        String body = BenchImages.awaitAnswer(port, "/", Duration.ofSeconds(30));
        long t3 = System.nanoTime();
        if (body == null) {
            throw new IllegalStateException("the app did not answer: " + driver.logs(c, 20));
        }
        driver.stop(c, Duration.ofSeconds(10));
        long t4 = System.nanoTime();
        driver.remove(c);
        long t5 = System.nanoTime();
        return new long[] {t1 - t0, t2 - t1, t2 - t0, t3 - t2, t3 - t0, t4 - t3, t5 - t4};
    }

    /** The app layer pulled from the CSFR (base layer present). */
    private static void coldPull(DockerDriver driver, DockerClient docker) {
        String ref = BenchImages.pushToRegistry(docker);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            untag(docker, ref);
            untag(docker, BenchImages.IMAGE);
            var r = driver.ensureImage(ref);
            if (!r.pulled()) {
                throw new IllegalStateException("expected a pull");
            }
            times.add(r.millis());
        }
        docker.tagImageCmd(ref, BenchImages.IMAGE.substring(0, BenchImages.IMAGE.indexOf(':')), "1").exec();
        Collections.sort(times);
        System.out.printf("pull %s from the CSFR, app layer cold (base layer present): p50 %d ms (min %d, max %d, 5 runs)%n",
                ref, times.get(2), times.get(0), times.get(4));
        long t0 = System.nanoTime();
        driver.ensureImage(ref);
        System.out.printf("image already present (inspect only): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    }

    /** Every layer pulled, on an engine whose images may be removed. */
    private static void fullyColdPull(DockerClient source, String engine) throws IOException {
        String ref = BenchImages.pushToRegistry(source);
        try (DockerDriver cold = new DockerDriver(engine); DockerClient c = BenchImages.client(engine)) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                c.listImagesCmd().exec().forEach(img -> c.removeImageCmd(img.getId()).withForce(true).exec());
                times.add(cold.ensureImage(ref).millis());
            }
            Collections.sort(times);
            System.out.printf("pull %s from the CSFR into an empty engine (all layers, ~50 MB): p50 %d ms (min %d, max %d, 3 runs)%n",
                    ref, times.get(1), times.get(0), times.get(2));
        }
    }

    private static void untag(DockerClient docker, String ref) {
        try {
            docker.removeImageCmd(ref).withForce(false).exec();
        } catch (RuntimeException absent) {
            // not there
        }
    }

    private static long pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String arg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return def;
    }
}
