package org.edgeslice.slice.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal blocking HTTP/1.1 keep-alive connection for the benchmark: pre-built request bytes out, status line,
 * headers and a Content-Length body in. Deliberately tiny so the client costs little of the measured latency
 * (java.net.http adds tens of microseconds per request, which matters at a 0.3 ms goal).
 */
public final class RawHttpConnection implements AutoCloseable {
    /** Status code and body of one response. */
    public record Reply(int status, byte[] body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private boolean serverClosing;

    public RawHttpConnection(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 2000);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /**
     * Sends one request and reads its response. If the previous response carried {@code Connection: close} (Payara
     * closes a keep-alive connection after a number of requests) a new connection is opened first; its set-up
     * counts in this request's latency, as it would for any client of that server.
     */
    public Reply exchange(byte[] request) throws IOException {
        if (serverClosing) {
            socket.close();
            connect();
            serverClosing = false;
        }
        out.write(request);
        out.flush();
        String statusLine = readLine();
        if (statusLine == null || statusLine.length() < 12) {
            throw new IOException("connection closed by server");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("connection")
                        && line.substring(colon + 1).trim().equalsIgnoreCase("close")) {
                    serverClosing = true;
                }
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("truncated body");
        }
        return new Reply(status, body);
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    public static byte[] request(String method, String host, String path, String origin, String contentType,
                          String body) {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("X-M2M-Origin: ").append(origin).append("\r\n")
                .append("X-M2M-RI: bench\r\n")
                .append("X-M2M-RVI: 3\r\n")
                .append("Accept: application/json\r\n");
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
