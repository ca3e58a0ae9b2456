package org.edgeslice.evaluation.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.edgeslice.evaluation.client.CseEndpoint;
import org.edgeslice.evaluation.client.OneM2mDevice;
import org.edgeslice.evaluation.stats.Summary;

/**
 * N devices, each with its own AE and keep-alive connection, send one contentInstance CREATE at the same moment
 * (released together by a barrier); repeated for a bounded number of rounds. Reports the latency of every request
 * and the burst's completion time (the slowest request of each round).
 */
public final class ConcurrencyExperiment {
    /** Result for one path and one N. */
    public record Result(String path, int devices, int rounds, Summary latency, Summary burstCompletion,
                         long[] nanos) {
    }

    private ConcurrencyExperiment() {
    }

    /**
     * @param register where the devices register their AEs (directly: registration is not what is measured)
     * @param measure  the same CSE as the devices reach it for the measured requests (e.g. via the WAN emulator)
     */
    public static Result run(String path, CseEndpoint register, CseEndpoint measure, int devices, int rounds,
                             int cinBytes) throws Exception {
        List<OneM2mDevice> setup = new ArrayList<>();
        List<OneM2mDevice> measured = new ArrayList<>();
        try {
            for (int i = 0; i < devices; i++) {
                OneM2mDevice d = OneM2mDevice.connect(register, cinBytes);
                setup.add(d);
                d.register(100);
                OneM2mDevice m = d.sibling(measure);
                measured.add(m);
                m.createContentInstance(); // opens the path (and warms it) before the first burst
            }
            long[] all = new long[devices * rounds];
            double[] bursts = new double[rounds];
            CyclicBarrier barrier = new CyclicBarrier(devices);
            AtomicReference<Exception> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(devices);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                final int id = i;
                Thread t = new Thread(() -> {
                    try {
                        for (int r = 0; r < rounds; r++) {
                            barrier.await(60, TimeUnit.SECONDS);
                            long t0 = System.nanoTime();
                            int status = measured.get(id).createContentInstance();
                            all[r * devices + id] = System.nanoTime() - t0;
                            if (status != 201) {
                                throw new IOException("create answered " + status);
                            }
                            barrier.await(60, TimeUnit.SECONDS); // the round ends when every device has its answer
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        barrier.reset();
                    } finally {
                        done.countDown();
                    }
                }, "device-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IOException("concurrency run did not finish in 10 minutes");
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            for (int r = 0; r < rounds; r++) {
                long max = 0;
                for (int i = 0; i < devices; i++) {
                    max = Math.max(max, all[r * devices + i]);
                }
                bursts[r] = max / 1e6;
            }
            return new Result(path, devices, rounds, Summary.ofNanos(all), Summary.ofMillis(bursts),
                    Arrays.copyOf(all, all.length));
        } finally {
            for (OneM2mDevice m : measured) {
                m.close();
            }
            for (OneM2mDevice d : setup) {
                try {
                    d.deregister();
                } catch (IOException ignored) {
                    // best effort: the CSE may already be gone
                }
                d.close();
            }
        }
    }
}
