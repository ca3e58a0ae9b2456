package org.edgeslice.evaluation.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawHttpClientTest {
    /** Serves the given raw responses, one per request (requests end with an empty line and have no body). */
    private static ServerSocket serve(List<String> responses) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                for (String r : responses) {
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        int c = in.read();
                        if (c < 0) {
                            return;
                        }
                        head.write(c);
                    }
                    s.getOutputStream().write(r.getBytes(StandardCharsets.ISO_8859_1));
                }
            } catch (IOException ignored) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void readsContentLengthAndChunkedBodiesOnOneKeepAliveConnection() throws Exception {
        String fixed = "HTTP/1.1 201 Created\r\nContent-Location: /cse/ae\r\nContent-Length: 5\r\n\r\nhello";
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n";
        try (ServerSocket server = serve(List.of(fixed, chunked));
             RawHttpClient c = new RawHttpClient("127.0.0.1", server.getLocalPort())) {
            byte[] get = RawHttpClient.request("GET", "127.0.0.1", "/x", "CAdmin", null, null);
            RawHttpClient.Reply a = c.exchange(get);
            assertEquals(201, a.status());
            assertEquals("hello", a.text());
            assertEquals("/cse/ae", a.location());
            assertEquals(fixed.length(), a.wireBytes());
            RawHttpClient.Reply b = c.exchange(get);
            assertEquals(200, b.status());
            assertEquals("abcde", b.text());
            assertEquals(chunked.length(), b.wireBytes());
        }
    }

    @Test
    void reopensTheConnectionWhenTheServerAskedToCloseIt() throws Exception {
        String closing = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
        try (ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        ByteArrayOutputStream head = new ByteArrayOutputStream();
                        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                            head.write(in.read());
                        }
                        s.getOutputStream().write(closing.getBytes(StandardCharsets.ISO_8859_1));
                    } catch (IOException ignored) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            try (RawHttpClient c = new RawHttpClient("127.0.0.1", server.getLocalPort())) {
                byte[] get = RawHttpClient.request("GET", "127.0.0.1", "/", null, null, null);
                assertEquals("ok", c.exchange(get).text());
                assertEquals("ok", c.exchange(get).text());
                assertEquals(1, c.reconnects());
            }
        }
    }

    @Test
    void aClosedConnectionIsAnErrorNotAHang() throws Exception {
        try (ServerSocket server = serve(List.of());
             RawHttpClient c = new RawHttpClient("127.0.0.1", server.getLocalPort())) {
            // a POST is not retried (it may have been processed): the closed connection is an error
            assertThrows(IOException.class, () -> c.exchange(RawHttpClient.request("POST", "127.0.0.1", "/", null,
                    "application/json", "{}")));
        }
    }

    @Test
    void requestCarriesTheOneM2mHeadersAndTheBodyInOneArray() {
        String r = new String(RawHttpClient.request("POST", "127.0.0.1", "/cse/ae/data", "Cdev",
                "application/json;ty=4", OneM2mDevice.contentInstance(400)), StandardCharsets.UTF_8);
        assertEquals(true, r.startsWith("POST /cse/ae/data HTTP/1.1\r\n"));
        assertEquals(true, r.contains("X-M2M-Origin: Cdev\r\n"));
        assertEquals(true, r.contains("Content-Type: application/json;ty=4\r\n"));
        assertEquals(true, r.contains("Content-Length: 400\r\n"));
        assertEquals(400, r.length() - r.indexOf("\r\n\r\n") - 4);
    }

    @Test
    void contentInstanceBodyHasTheAskedSizeAndIsJson() throws Exception {
        for (int size : new int[] {60, 400, 1000}) {
            String body = OneM2mDevice.contentInstance(size);
            assertEquals(size, body.getBytes(StandardCharsets.UTF_8).length);
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(body); // valid JSON
        }
    }

    @Test
    void endpointsMustBeLoopback() {
        assertThrows(IllegalArgumentException.class, () -> CseEndpoint.parse("http://10.0.0.1:80/cse"));
        assertThrows(IllegalArgumentException.class, () -> CseEndpoint.parse("http://127.0.0.1:80/"));
        CseEndpoint e = CseEndpoint.parse("http://127.0.0.1:18080/cloud/cse/");
        assertEquals("/cloud/cse", e.basePath());
        assertEquals(18080, e.port());
        assertEquals(4000, e.via(4000).port());
    }
}
