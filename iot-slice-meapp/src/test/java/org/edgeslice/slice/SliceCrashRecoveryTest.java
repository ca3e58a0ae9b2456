package org.edgeslice.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slice as a separate process: acknowledged writes survive {@code destroyForcibly} (SIGKILL) because the
 * write-ahead log has them before the response is sent.
 */
class SliceCrashRecoveryTest {
    @TempDir
    Path dataDir;
    private final SliceClient client = new SliceClient();

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String classpath() throws IOException {
        String classes = System.getProperty("slice.test.classes");
        String file = System.getProperty("slice.test.classpathFile");
        if (classes == null || file == null) {
            return System.getProperty("java.class.path"); // run outside Maven: the IDE's classpath
        }
        return classes + File.pathSeparator + Files.readString(Path.of(file)).trim();
    }

    private Process startSlice(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(), "org.edgeslice.slice.SliceMain"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-slice.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SLICE_HTTP_PORT", String.valueOf(port));
        env.put("SLICE_FUNCTIONS", "registration,retrieve");
        env.put("SLICE_PORT_REGISTRATION", "off");
        env.put("SLICE_PORT_RETRIEVE", "off");
        env.put("SLICE_DATA_DIR", dataDir.toString());
        env.put("SLICE_CSE_NAME", "cse-crash");
        env.put("SLICE_CSE_ID", "/id-crash");
        env.put("SLICE_WAL_FSYNC", "never"); // the point: kill -9 needs no fsync, only write(2) before the answer
        return pb.start();
    }

    private void awaitReady(Process p, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "slice process exited");
            try {
                if (client.get(port, "/cse-crash", "CAdmin").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("slice not ready within 20 s");
    }

    @Test
    void acknowledgedWritesSurviveKillMinusNine() throws Exception {
        int port = freePort();
        Process first = startSlice(port);
        try {
            awaitReady(first, port);
            assertEquals(201, client.create(port, "/cse-crash", "Cdev", 2,
                    "{\"m2m:ae\":{\"rn\":\"dev\",\"api\":\"Nd.e.v\",\"rr\":true,\"srv\":[\"3\"]}}").statusCode());
            assertEquals(201, client.create(port, "/cse-crash/dev", "Cdev", 3,
                    "{\"m2m:cnt\":{\"rn\":\"data\"}}").statusCode());
            for (int i = 0; i < 50; i++) {
                assertEquals(201, client.create(port, "/cse-crash/dev/data", "Cdev", 4,
                        "{\"m2m:cin\":{\"con\":\"v" + i + "\"}}").statusCode());
            }
        } finally {
            first.destroyForcibly();
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        }
        Process second = startSlice(port);
        try {
            awaitReady(second, port);
            HttpResponse<String> la = client.get(port, "/cse-crash/dev/data/la", "Cdev");
            assertEquals(200, la.statusCode(), la.body());
            assertTrue(la.body().contains("\"con\":\"v49\""), la.body());
            HttpResponse<String> cnt = client.get(port, "/cse-crash/dev/data", "Cdev");
            assertTrue(cnt.body().contains("\"cni\":50"), cnt.body());
        } finally {
            second.destroyForcibly();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
