package org.edgeslice.slice.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Many keep-alive HTTP/1.1 connections driven by one thread and one selector, each with one request in flight
 * (send, wait for the whole response, send the next). The load a benchmark means by "64 clients", without 64
 * blocking client threads: on a small machine those threads' wake-ups and context switches cost about as much CPU
 * as the server's own work per request, and the client shares the cores with the server it measures.
 *
 * <p>Responses are parsed just enough to find their end (status line, {@code Content-Length},
 * {@code Connection: close}); a connection the server closes is reopened, and that counts in the next request's
 * latency as it would for any client.
 */
final class NioClients {
    /** Per-connection state. */
    private static final class Conn {
        SocketChannel ch;
        final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out;
        long started;
        long[] lat = new long[4096];
        int n;
        boolean serverClosing;
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWithIgnoreCase(byte[] b, int from, int to, byte[] lowerPrefix) {
        if (to - from < lowerPrefix.length) {
            return false;
        }
        for (int k = 0; k < lowerPrefix.length; k++) {
            int ch = b[from + k];
            if (ch >= 'A' && ch <= 'Z') {
                ch += 'a' - 'A';
            }
            if (ch != lowerPrefix[k]) {
                return false;
            }
        }
        return true;
    }

    private final InetSocketAddress address;
    private final ByteBuffer request; // direct: the JDK writes it without a copy; each send takes a duplicate
    private final int expectedStatus;
    private long errors;

    NioClients(String host, int port, byte[] request, int expectedStatus) {
        this.address = new InetSocketAddress(host, port);
        this.request = ByteBuffer.allocateDirect(request.length).put(request).flip();
        this.expectedStatus = expectedStatus;
    }

    long errors() {
        return errors;
    }

    /** Runs {@code connections} clients until {@code deadlineNanos}; returns every request's latency (ns). */
    long[][] run(int connections, long deadlineNanos) throws IOException {
        Conn[] conns = new Conn[connections];
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                conns[i] = new Conn();
                open(conns[i], selector);
                send(conns[i], selector);
            }
            while (System.nanoTime() < deadlineNanos) {
                if (selector.select(100) == 0) {
                    continue;
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    Conn c = (Conn) k.attachment();
                    try {
                        if (k.isValid() && k.isWritable()) {
                            flush(c, k);
                        }
                        if (k.isValid() && k.isReadable()) {
                            read(c, k, selector, deadlineNanos);
                        }
                    } catch (IOException e) {
                        errors++;
                        k.cancel();
                        c.ch.close();
                        if (System.nanoTime() < deadlineNanos) {
                            open(c, selector);
                            send(c, selector);
                        }
                    }
                }
            }
        } finally {
            for (Conn c : conns) {
                if (c != null && c.ch != null) {
                    c.ch.close();
                }
            }
        }
        long[][] out = new long[connections][];
        for (int i = 0; i < connections; i++) {
            out[i] = Arrays.copyOf(conns[i].lat, conns[i].n);
        }
        return out;
    }

    private void open(Conn c, Selector selector) throws IOException {
        c.ch = SocketChannel.open();
        c.ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        c.ch.connect(address); // blocking connect on loopback, then non-blocking I/O
        c.ch.configureBlocking(false);
        c.ch.register(selector, SelectionKey.OP_READ, c);
        c.in.clear();
        c.serverClosing = false;
    }

    private void send(Conn c, Selector selector) throws IOException {
        c.started = System.nanoTime();
        c.out = request.duplicate();
        c.ch.write(c.out);
        SelectionKey k = c.ch.keyFor(selector);
        k.interestOps(c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private static void flush(Conn c, SelectionKey k) throws IOException {
        c.ch.write(c.out);
        if (!c.out.hasRemaining()) {
            k.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(Conn c, SelectionKey k, Selector selector, long deadline) throws IOException {
        int r = c.ch.read(c.in);
        if (r < 0) {
            throw new IOException("connection closed by server");
        }
        int end = responseEnd(c);
        if (end < 0) {
            if (!c.in.hasRemaining()) {
                throw new IOException("response larger than the buffer");
            }
            return;
        }
        long d = System.nanoTime() - c.started;
        if (c.n == c.lat.length) {
            c.lat = Arrays.copyOf(c.lat, c.n * 2);
        }
        c.lat[c.n++] = d;
        // keep what follows this response (there is none with one request in flight)
        c.in.flip();
        c.in.position(end);
        c.in.compact();
        if (System.nanoTime() >= deadline) {
            return;
        }
        if (c.serverClosing) {
            k.cancel();
            c.ch.close(); // its replacement is a new channel with a key of its own
            open(c, selector);
        }
        send(c, selector);
    }

    /** @return the index after the complete response in {@code c.in}, or -1 if it is incomplete */
    private int responseEnd(Conn c) throws IOException {
        byte[] b = c.in.array();
        int len = c.in.position();
        int headEnd = -1;
        for (int i = 3; i < len; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                headEnd = i + 1;
                break;
            }
        }
        if (headEnd < 0) {
            return -1;
        }
        if (headEnd < 12 || b[0] != 'H') {
            throw new IOException("not an HTTP response");
        }
        int status = (b[9] - '0') * 100 + (b[10] - '0') * 10 + (b[11] - '0');
        long length = 0;
        c.serverClosing = false;
        // header lines, matched on bytes: this loop runs once per response, Strings would cost the client more
        // CPU than some of the requests it measures
        for (int i = 0; i < headEnd; ) {
            int eol = i;
            while (eol < headEnd && b[eol] != '\n') {
                eol++;
            }
            if (startsWithIgnoreCase(b, i, eol, CONTENT_LENGTH)) {
                length = 0;
                for (int j = i + CONTENT_LENGTH.length; j < eol; j++) {
                    if (b[j] >= '0' && b[j] <= '9') {
                        length = length * 10 + (b[j] - '0');
                    }
                }
            } else if (startsWithIgnoreCase(b, i, eol, CONNECTION)) {
                int j = i + CONNECTION.length;
                while (j < eol && b[j] == ' ') {
                    j++;
                }
                c.serverClosing = startsWithIgnoreCase(b, j, eol, CLOSE);
            }
            i = eol + 1;
        }
        if (len < headEnd + length) {
            return -1;
        }
        if (status != expectedStatus) {
            errors++;
        }
        return (int) (headEnd + length);
    }
}
