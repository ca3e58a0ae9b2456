package org.edgeslice.cloud.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real IoT slice (iot-slice-meapp's jar) as a process on a free loopback port, for the offload and sync tests. */
final class SliceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    final String functions;
    private final Process process;

    private SliceProcess(int port, String functions, Process process) {
        this.port = port;
        this.functions = functions;
        this.process = process;
    }

    static Path artifacts() {
        return Path.of(System.getProperty("slice.artifacts", "../iot-slice-meapp/target"));
    }

    /** Starts the slice with these functions (SLICE_FUNCTIONS) and waits until it answers. */
    static SliceProcess start(String functions) throws Exception {
        Path jar = artifacts().resolve("iot-slice-meapp.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no slice jar at " + jar + " (build iot-slice-meapp first)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path data = Files.createTempDirectory("slice-it-");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File(data.toFile(), "slice.log"));
        pb.environment().put("SLICE_HTTP_PORT", Integer.toString(port));
        for (String f : new String[] {"REGISTRATION", "RETRIEVE", "SUBSCRIPTION", "NOTIFICATION"}) {
            pb.environment().put("SLICE_PORT_" + f, "-1");
        }
        pb.environment().put("SLICE_FUNCTIONS", functions);
        pb.environment().put("SLICE_DATA_DIR", data.toString());
        SliceProcess slice = new SliceProcess(port, functions, pb.start());
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                HttpResponse<String> r = slice.get("/cse-slice", "CAdmin");
                if (r.statusCode() == 200) {
                    return slice;
                }
            } catch (IOException e) {
                if (!slice.process.isAlive() || System.currentTimeMillis() > deadline) {
                    slice.close();
                    throw new IllegalStateException("the slice did not start; log in " + data, e);
                }
            }
            Thread.sleep(100);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process.isAlive();
    }

    HttpResponse<String> get(String path, String from) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + path)).header("X-M2M-Origin", from)
                .header("X-M2M-RI", "it").header("X-M2M-RVI", "3").header("Accept", "application/json").GET()
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> create(String path, String from, int ty, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + path)).header("X-M2M-Origin", from)
                .header("X-M2M-RI", "it").header("X-M2M-RVI", "3").header("Content-Type", "application/json;ty=" + ty)
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
