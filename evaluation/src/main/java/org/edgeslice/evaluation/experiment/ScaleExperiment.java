package org.edgeslice.evaluation.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgeslice.evaluation.client.OneM2mDevice;
import org.edgeslice.evaluation.target.ProcessStats;
import org.edgeslice.evaluation.target.SliceProcess;

/**
 * How many slices one MEC host holds: slices are started one after another (the {@code ./mec slice} JVM options) up
 * to a bound; for each new slice the time until it answers (with k-1 slices already running), its resident memory
 * after 200 requests, and the CPU all running slices use while idle.
 */
public final class ScaleExperiment {
    /**
     * @param running          slices running once this one is up
     * @param readyMs          process start to first 200 of the k-th slice
     * @param rssKiB           resident memory of the k-th slice after 100 creates + 100 retrieves
     * @param totalRssKiB      sum over all running slices
     * @param idleCpuPercent   CPU used by all running slices together during the idle window (100 = one core)
     */
    public record Point(int running, double readyMs, long rssKiB, long totalRssKiB, double idleCpuPercent) {
    }

    private ScaleExperiment() {
    }

    public static List<Point> run(Path sliceJar, Path workDir, String functions, int maxSlices, long idleWindowMs)
            throws Exception {
        List<SliceProcess> slices = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        try {
            for (int k = 1; k <= maxSlices; k++) {
                SliceProcess s = SliceProcess.start(sliceJar, "scale-" + k, functions, workDir.resolve("scale"),
                        SliceProcess.DEPLOYMENT_JVM, 60_000);
                slices.add(s);
                try (OneM2mDevice d = OneM2mDevice.connect(s.endpoint(), OneM2mDevice.PAPER_CIN_BYTES)) {
                    d.register(100);
                    Timing.measure(100, d::createContentInstance, 201);
                    Timing.measure(100, d::retrieveLatest, 200);
                }
                double cpu0 = 0;
                for (SliceProcess p : slices) {
                    cpu0 += p.stats().cpuSeconds();
                }
                long w0 = System.nanoTime();
                Thread.sleep(idleWindowMs);
                double cpu1 = 0;
                long total = 0;
                for (SliceProcess p : slices) {
                    ProcessStats st = p.stats();
                    cpu1 += st.cpuSeconds();
                    total += st.rssKiB();
                }
                double wall = (System.nanoTime() - w0) / 1e9;
                points.add(new Point(k, s.readyMillis(), s.stats().rssKiB(), total, 100 * (cpu1 - cpu0) / wall));
            }
            return points;
        } finally {
            for (SliceProcess s : slices) {
                s.close();
            }
        }
    }
}
