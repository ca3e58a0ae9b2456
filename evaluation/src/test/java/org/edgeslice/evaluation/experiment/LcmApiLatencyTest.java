package org.edgeslice.evaluation.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The MEO latency probe against a minimal fake of {@code app_lcm/v1/app_instances} on 127.0.0.1. */
class LcmApiLatencyTest {
    private final Map<String, String> instances = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();

    private ServerSocket fakeMeo() throws IOException {
        ServerSocket ss = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = ss.accept()) {
                s.setTcpNoDelay(true);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    String[] req = line.split(" ");
                    int length = 0;
                    String h;
                    while ((h = in.readLine()) != null && !h.isEmpty()) {
                        if (h.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(h.substring(15).trim());
                        }
                    }
                    char[] body = new char[length];
                    in.read(body, 0, length);
                    String path = req[1];
                    String status;
                    String json = "";
                    if (req[0].equals("POST") && path.equals("/meo/app_lcm/v1/app_instances")
                            && new String(body).contains("\"appDId\":\"d1\"")) {
                        String id = "i" + posts.incrementAndGet();
                        json = "{\"id\":\"" + id + "\",\"appDId\":\"d1\",\"instantiationState\":\"NOT_INSTANTIATED\"}";
                        instances.put(id, json);
                        status = "201 Created";
                    } else if (req[0].equals("GET") && path.equals("/meo/app_lcm/v1/app_instances")) {
                        json = "[" + String.join(",", instances.values()) + "]";
                        status = "200 OK";
                    } else if (req[0].equals("GET") && instances.containsKey(path.substring(path.lastIndexOf('/') + 1))) {
                        json = instances.get(path.substring(path.lastIndexOf('/') + 1));
                        status = "200 OK";
                    } else if (req[0].equals("DELETE") && instances.remove(path.substring(path.lastIndexOf('/') + 1))
                            != null) {
                        status = "204 No Content";
                    } else {
                        status = "404 Not Found";
                    }
                    byte[] b = json.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + b.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(b);
                    out.flush();
                }
            } catch (IOException ignored) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void measuresAtEachCheckpointAndDeletesEveryInstanceItCreated() throws Exception {
        try (ServerSocket meo = fakeMeo()) {
            List<LcmApiLatency.Point> points = new LcmApiLatency("http://127.0.0.1:" + meo.getLocalPort() + "/meo",
                    "d1").run(List.of(1, 10, 100), 5);
            assertEquals(List.of(1, 10, 100), points.stream().map(LcmApiLatency.Point::instances).toList());
            assertEquals(5, points.get(2).list().n());
            assertEquals(90, points.get(2).create().n(), "creates since the previous checkpoint");
            assertTrue(points.get(2).list().p50() > 0);
            assertEquals(100, posts.get());
            assertTrue(instances.isEmpty(), "every created instance is deleted again");
        }
    }
}
