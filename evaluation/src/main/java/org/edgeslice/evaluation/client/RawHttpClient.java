package org.edgeslice.evaluation.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal blocking HTTP/1.1 keep-alive client for latency measurement: one socket with TCP_NODELAY, pre-built
 * request bytes written in one call, the response parsed from a reused byte buffer (status, Content-Length or
 * chunked body). It costs a few microseconds per exchange, where {@code java.net.http.HttpClient} costs tens: the
 * edge figures are sub-millisecond, so the client must stay out of the way.
 */
public final class RawHttpClient implements AutoCloseable {
    /**
     * Status, body and Location (or Content-Location) of one response.
     *
     * @param wireBytes size of the whole response on the wire (status line, headers and body)
     */
    public record Reply(int status, byte[] body, String location, long wireBytes) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private long reconnects;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private long totalRead;

    public RawHttpClient(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        open();
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        pos = 0;
        lim = 0;
    }

    /**
     * Sends one request and reads its response. When the server ended the previous exchange with
     * {@code Connection: close} (Payara/Grizzly does so after a number of requests per connection), a new connection
     * is opened first, as HTTP clients such as JMeter's do; its cost is part of this exchange's time.
     */
    public Reply exchange(byte[] request) throws IOException {
        if (socket.isClosed()) {
            reconnects++;
            open();
        }
        out.write(request);
        out.flush();
        long consumedBefore = totalRead - (lim - pos);
        String status = line();
        if (status == null && idempotent(request)) {
            // the server dropped the idle keep-alive connection without a response: retry once on a new one
            socket.close();
            reconnects++;
            open();
            out.write(request);
            out.flush();
            consumedBefore = totalRead - (lim - pos);
            status = line();
        }
        if (status == null || status.length() < 12 || !status.startsWith("HTTP/1.")) {
            throw new IOException("connection closed or not HTTP: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String location = null;
        String h;
        while ((h = line()) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "location", "content-location" -> location = location == null ? value : location;
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            body = chunkedBody();
        } else if (length >= 0) {
            body = bytes((int) length);
        } else if (code == 204 || code == 304 || code / 100 == 1) {
            body = new byte[0];
        } else {
            throw new IOException("response without length (connection-delimited bodies are not supported)");
        }
        if (close) {
            socket.close();
        }
        return new Reply(code, body, location, totalRead - (lim - pos) - consumedBefore);
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    /** Connections reopened after the server closed one. */
    public long reconnects() {
        return reconnects;
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            if (sizeLine == null) {
                throw new IOException("truncated chunked body");
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = line()) != null && !trailer.isEmpty()) {
                    // trailers ignored
                }
                return all.toByteArray();
            }
            all.writeBytes(bytes(size));
            line(); // CRLF after the chunk
        }
    }

    private static boolean idempotent(byte[] request) {
        return startsWith(request, "GET ") || startsWith(request, "DELETE ") || startsWith(request, "HEAD ");
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (pos < lim) {
            return true;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        lim = n;
        totalRead += n;
        return true;
    }

    private String line() throws IOException {
        StringBuilder sb = null;
        while (fill()) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String part = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    if (sb == null) {
                        return part;
                    }
                    sb.append(part);
                    int n = sb.length();
                    if (n > 0 && sb.charAt(n - 1) == '\r') {
                        sb.setLength(n - 1);
                    }
                    return sb.toString();
                }
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
            pos = lim;
        }
        return sb == null ? null : sb.toString();
    }

    private byte[] bytes(int n) throws IOException {
        byte[] b = new byte[n];
        int k = 0;
        while (k < n) {
            if (!fill()) {
                throw new IOException("truncated body");
            }
            int c = Math.min(n - k, lim - pos);
            System.arraycopy(buf, pos, b, k, c);
            pos += c;
            k += c;
        }
        return b;
    }

    /** Builds a complete request (head and body in one array, so it leaves in one write). */
    public static byte[] request(String method, String host, String path, String origin, String contentType,
                                 String body) {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n");
        if (origin != null) {
            sb.append("X-M2M-Origin: ").append(origin).append("\r\n")
                    .append("X-M2M-RI: eval\r\n")
                    .append("X-M2M-RVI: 3\r\n");
        }
        sb.append("Accept: application/json\r\n");
        if (contentType != null) {
            sb.append("Content-Type: ").append(contentType).append("\r\n");
        }
        sb.append("Content-Length: ").append(b.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + b.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(b, 0, all, head.length, b.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
