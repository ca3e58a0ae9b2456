package org.edgeslice.slice.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.edgeslice.onem2m.common.Json;
import org.edgeslice.onem2m.notification.NotificationSender.DeliveryResult;
import org.junit.jupiter.api.Test;

/** The slice's NOTIFY sender against a raw HTTP/1.1 receiver on loopback that counts its connections. */
class NettyNotificationSenderTest {
    private static final JsonNode SGN = Json.parse("{\"m2m:sgn\":{\"sur\":\"/id-in/sub1\",\"nev\":{\"net\":3}}}"
            .getBytes(StandardCharsets.UTF_8));
    private static final String OK_2000 = "HTTP/1.1 200 OK\r\nX-M2M-RSC: 2000\r\nContent-Length: 0\r\n\r\n";

    @Test
    void postsTheNotificationWithTheOneM2mHeadersAndReusesTheConnection() throws Exception {
        try (Receiver r = new Receiver(req -> OK_2000, false);
             NettyNotificationSender sender = new NettyNotificationSender()) {
            for (int i = 0; i < 5; i++) {
                DeliveryResult d = sender.send(r.uri("/notify?x=1"), "/id-slice", "rq-" + i, SGN);
                assertTrue(d.delivered(), d.detail());
                assertEquals(2000, d.rsc());
            }
            Request first = r.requests.poll(5, TimeUnit.SECONDS);
            assertEquals("POST /notify?x=1 HTTP/1.1", first.line);
            assertEquals("/id-slice", first.headers.get("x-m2m-origin"));
            assertEquals("rq-0", first.headers.get("x-m2m-ri"));
            assertEquals("3", first.headers.get("x-m2m-rvi"));
            assertEquals("application/json", first.headers.get("content-type"), "a NOTIFY carries no ty");
            assertEquals("127.0.0.1:" + r.port(), first.headers.get("host"));
            assertEquals(SGN, Json.parse(first.body));
            assertEquals(1, r.connections.get(), "one kept-alive connection for all five");
        }
    }

    @Test
    void carriesTheRequestedReleaseVersion() throws Exception {
        try (Receiver r = new Receiver(req -> OK_2000, false);
             NettyNotificationSender sender = new NettyNotificationSender()) {
            assertTrue(sender.send(r.uri("/n"), "/id-slice", "rq", SGN, "4").delivered());
            assertEquals("4", r.requests.poll(5, TimeUnit.SECONDS).headers.get("x-m2m-rvi"));
        }
    }

    @Test
    void aOneM2mErrorIsNotDeliveredAndAPlainHttp2xxIs() throws Exception {
        try (Receiver r = new Receiver(req -> req.line.contains("/err")
                ? "HTTP/1.1 404 Not Found\r\nX-M2M-RSC: 4004\r\nContent-Length: 0\r\n\r\n"
                : "HTTP/1.1 204 No Content\r\n\r\n", false);
             NettyNotificationSender sender = new NettyNotificationSender()) {
            DeliveryResult err = sender.send(r.uri("/err"), "/id-slice", "rq", SGN);
            assertFalse(err.delivered());
            assertEquals(4004, err.rsc());
            DeliveryResult plain = sender.send(r.uri("/plain"), "/id-slice", "rq", SGN);
            assertTrue(plain.delivered(), plain.detail());
            assertEquals(-1, plain.rsc());
        }
    }

    @Test
    void aPooledConnectionTheReceiverClosedIsNotReused() throws Exception {
        try (Receiver r = new Receiver(req -> OK_2000, true);
             NettyNotificationSender sender = new NettyNotificationSender()) {
            for (int i = 0; i < 3; i++) {
                DeliveryResult d = sender.send(r.uri("/n"), "/id-slice", "rq-" + i, SGN);
                assertTrue(d.delivered(), "attempt " + i + ": " + d.detail());
                Thread.sleep(500); // the receiver's close reaches the sender: its pooled connection is dead
            }
            assertEquals(3, r.connections.get());
            assertEquals(3, r.requests.size(), "each notification was received once");
        }
    }

    @Test
    void anUnreachableOrSilentReceiverFailsWithinTheTimeouts() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (Receiver silent = new Receiver(req -> null, false);
             NettyNotificationSender sender = new NettyNotificationSender(Duration.ofSeconds(2),
                     Duration.ofMillis(300), "3")) {
            DeliveryResult refused = sender.send(URI.create("http://127.0.0.1:" + closedPort + "/n"), "/id-slice",
                    "rq", SGN);
            assertFalse(refused.delivered());
            long t0 = System.nanoTime();
            DeliveryResult timedOut = sender.send(silent.uri("/n"), "/id-slice", "rq", SGN);
            assertFalse(timedOut.delivered());
            assertTrue(timedOut.detail().contains("no answer"), timedOut.detail());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "the request timeout holds");
            assertFalse(sender.send(URI.create("mqtt://127.0.0.1:1883/n"), "/id-slice", "rq", SGN).delivered());
        }
    }

    private record Request(String line, Map<String, String> headers, byte[] body) {
    }

    /** Answers each request with {@code answer.apply(request)} (null: never answers). */
    private static final class Receiver implements AutoCloseable {
        final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket server;
        private final Function<Request, String> answer;
        private final boolean closeAfterAnswer;

        Receiver(Function<Request, String> answer, boolean closeAfterAnswer) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.answer = answer;
            this.closeAfterAnswer = closeAfterAnswer;
            Thread t = new Thread(this::accept, "receiver");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s), "receiver-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    String line = line(in);
                    if (line == null) {
                        return;
                    }
                    Map<String, String> headers = new HashMap<>();
                    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                        int c = h.indexOf(':');
                        headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
                    }
                    byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                    Request req = new Request(line, headers, body);
                    requests.add(req);
                    String a = answer.apply(req);
                    if (a == null) {
                        Thread.sleep(10_000);
                        return;
                    }
                    out.write(a.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (closeAfterAnswer) {
                        return; // closes without "Connection: close": the sender finds out on its next request
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
