package org.edgeslice.mepm.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiny ME App the MEPM tests and VimBench run in a container (or as a process): it listens on the host port the MEPM
 * handed it in {@code MEC_PORTS} ({@code http=NNNN}) on 127.0.0.1 and answers every request with its
 * instance id; {@code GET /env} shows the MEC_* environment, {@code GET /alloc?mb=N} holds N MB (to hit the
 * memory limit). java.base only: the base image has no jdk.httpserver.
 */
public final class HelloApp {

    private static final List<byte[]> HELD = new ArrayList<>();

    private HelloApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = port(System.getenv("MEC_PORTS"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hello-app: SIGTERM, terminating")));
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("hello-app " + System.getenv("MEC_APP_INSTANCE_ID") + " listening on " + port);
            while (true) {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    String line = in.readLine();
                    String header;
                    while ((header = in.readLine()) != null && !header.isEmpty()) {
                        // skip
                    }
                    String path = line == null ? "/" : line.split(" ")[1];
                    String body;
                    if (path.startsWith("/env")) {
                        StringBuilder b = new StringBuilder("{");
                        System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("MEC_")).sorted(java.util.Map.Entry.comparingByKey())
                                .forEach(e -> b.append(b.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":\"")
                                        .append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
                        body = b.append('}').toString();
                    } else if (path.startsWith("/alloc")) {
                        int mb = Integer.parseInt(path.substring(path.indexOf("mb=") + 3));
                        for (int i = 0; i < mb; i++) {
                            byte[] chunk = new byte[1024 * 1024];
                            java.util.Arrays.fill(chunk, (byte) 1);
                            HELD.add(chunk);
                        }
                        body = "{\"held\":" + HELD.size() + "}";
                    } else {
                        body = "{\"app\":\"hello\",\"appInstanceId\":\"" + System.getenv("MEC_APP_INSTANCE_ID") + "\"}";
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                    out.flush();
                } catch (RuntimeException | java.io.IOException e) {
                    System.out.println("hello-app: request failed: " + e);
                }
            }
        }
    }

    static int port(String mecPorts) {
        if (mecPorts == null) {
            return 8080;
        }
        for (String p : mecPorts.split(",")) {
            String[] kv = p.split("=");
            if (kv[0].trim().equals("http")) {
                return Integer.parseInt(kv[1].trim());
            }
        }
        return Integer.parseInt(mecPorts.split(",")[0].split("=")[1].trim());
    }
}
