package org.edgeslice.evaluation.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.edgeslice.evaluation.client.CseEndpoint;

/**
 * A standalone IoT slice (the {@code iot-slice-meapp} jar) started as its own process on a free loopback port, with
 * only its main endpoint (the per-function ports are switched off so several slices can run side by side). Used as
 * the edge slice, as the cloud CSE's stand-in until the cloud platform serves one, and by the scale experiment.
 */
public final class SliceProcess implements AutoCloseable {
    /** JVM options of `./mec slice` (small heap, serial GC, C1 only: fast start, small footprint). */
    public static final List<String> DEPLOYMENT_JVM = List.of("-Xmx32m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /** JVM options for latency runs: same heap bound, but C2 compiles the hot path during the warm-up. */
    public static final List<String> LATENCY_JVM = List.of("-Xmx64m", "-XX:+UseSerialGC");

    private final Process process;
    private final CseEndpoint endpoint;
    private final long readyNanos;
    private final String name;

    private SliceProcess(Process process, CseEndpoint endpoint, long readyNanos, String name) {
        this.process = process;
        this.endpoint = endpoint;
        this.readyNanos = readyNanos;
        this.name = name;
    }

    /**
     * Starts a slice and waits until its CSEBase answers 200 (readiness from the application, not from a log line).
     *
     * @param jar       the slice jar (with its lib/ beside it)
     * @param cseName   CSEBase resource name (the path of the endpoint)
     * @param functions e.g. registration,retrieve,subscription,notification
     * @param workDir   where the slice's write-ahead log and its output go
     */
    public static SliceProcess start(Path jar, String cseName, String functions, Path workDir, List<String> jvm,
                                     long timeoutMillis) throws IOException, InterruptedException {
        return start(jar, cseName, functions, workDir, jvm, 1, timeoutMillis);
    }

    /** @param ioThreads the slice's Netty event loop threads (SLICE_IO_THREADS) */
    public static SliceProcess start(Path jar, String cseName, String functions, Path workDir, List<String> jvm,
                                     int ioThreads, long timeoutMillis) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("slice jar not found: " + jar + " (build it: mvn -pl iot-slice-meapp -am install)");
        }
        Files.createDirectories(workDir);
        int port = Ports.free();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(workDir.resolve(cseName + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SLICE_FUNCTIONS", functions);
        env.put("SLICE_BIND", "127.0.0.1");
        env.put("SLICE_HTTP_PORT", Integer.toString(port));
        for (String f : List.of("REGISTRATION", "RETRIEVE", "SUBSCRIPTION", "NOTIFICATION")) {
            env.put("SLICE_PORT_" + f, "off");
        }
        env.put("SLICE_CSE_NAME", cseName);
        env.put("SLICE_CSE_ID", "/id-" + cseName);
        env.put("SLICE_DATA_DIR", workDir.resolve(cseName + "-data").toString());
        env.put("SLICE_IO_THREADS", Integer.toString(ioThreads));
        long t0 = System.nanoTime();
        Process p = pb.start();
        CseEndpoint ep = new CseEndpoint("127.0.0.1", port, "/" + cseName);
        try {
            awaitReady(p, ep, timeoutMillis);
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
        return new SliceProcess(p, ep, System.nanoTime() - t0, cseName);
    }

    private static void awaitReady(Process p, CseEndpoint ep, long timeoutMillis)
            throws IOException, InterruptedException {
        byte[] probe = ("GET " + ep.basePath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-M2M-Origin: CAdmin\r\n"
                + "X-M2M-RI: ready\r\nX-M2M-RVI: 3\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("slice process exited with status " + p.exitValue());
            }
            try (Socket s = new Socket()) {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(ep.host(), ep.port()), 200);
                s.setSoTimeout(2000);
                OutputStream out = s.getOutputStream();
                out.write(probe);
                out.flush();
                InputStream in = s.getInputStream();
                byte[] head = new byte[12];
                int n = in.readNBytes(head, 0, 12);
                if (n == 12 && new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IOException("slice not ready within " + timeoutMillis + " ms");
    }

    public CseEndpoint endpoint() {
        return endpoint;
    }

    /** From process start to the first 200 from the CSEBase. */
    public double readyMillis() {
        return readyNanos / 1e6;
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public ProcessStats stats() throws IOException {
        return ProcessStats.of(process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
