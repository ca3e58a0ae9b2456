package org.edgeslice.evaluation.target;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgeslice.evaluation.wan.WanEmulatorMain;

/**
 * The WAN emulator started as a separate process (the network path is then outside the benchmark's JVM and outside
 * the CSE). Closing this object closes the emulator's standard input, which stops it.
 */
public final class WanProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("WAN-EMULATOR READY port=(\\d+) transport=(\\w+)");
    private final Process process;
    private final int port;
    private final String transport;
    private final double rttMillis;

    private WanProcess(Process process, int port, String transport, double rttMillis) {
        this.process = process;
        this.port = port;
        this.transport = transport;
        this.rttMillis = rttMillis;
    }

    /**
     * @param classpath the classpath holding this module and Netty (normally this JVM's own)
     */
    public static WanProcess start(String classpath, String targetHost, int targetPort, double rttMillis,
                                   double jitterMillis) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath, WanEmulatorMain.class.getName(),
                "--listen", "127.0.0.1:0", "--target", targetHost + ":" + targetPort,
                "--rtt-ms", String.format(Locale.ROOT, "%.6f", rttMillis),
                "--jitter-ms", String.format(Locale.ROOT, "%.6f", jitterMillis)));
        String spin = System.getProperty("wan.spinMicros");
        if (spin != null) { // the timer spin of the emulator (DelayLine), passed on from the harness's command line
            cmd.add(1, "-Dwan.spinMicros=" + Long.parseLong(spin));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine(); // blocks until READY or exit (the emulator prints nothing else before)
        Matcher m = line == null ? null : READY.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            throw new IOException("WAN emulator did not start: " + line);
        }
        return new WanProcess(p, Integer.parseInt(m.group(1)), m.group(2), rttMillis);
    }

    /**
     * The classpath for a child JVM running this module's classes: under Maven's surefire the test sets
     * {@code eval.test.classes} and {@code eval.test.classpathFile}; otherwise this JVM's own classpath (evaluation.jar,
     * whose manifest names lib/).
     */
    public static String ownClasspath() throws IOException {
        String classes = System.getProperty("eval.test.classes");
        String file = System.getProperty("eval.test.classpathFile");
        if (classes != null && file != null) {
            return classes + File.pathSeparator + java.nio.file.Files.readString(java.nio.file.Path.of(file)).trim();
        }
        return System.getProperty("java.class.path");
    }

    public int port() {
        return port;
    }

    public String transport() {
        return transport;
    }

    public double rttMillis() {
        return rttMillis;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
