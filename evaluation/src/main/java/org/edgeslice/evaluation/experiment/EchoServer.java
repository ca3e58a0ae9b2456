package org.edgeslice.evaluation.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.InetSocketAddress;

/**
 * The bare network round trip: a blocking loopback server that reads a request of a fixed size and answers with a
 * response of a fixed size, TCP_NODELAY on both ends. The difference between a CSE's latency and this floor (with the
 * same request and response sizes) is what the CSE's HTTP stack and oneM2M processing cost.
 */
public final class EchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final int requestBytes;
    private final int responseBytes;
    private final Thread acceptor;

    public EchoServer(int requestBytes, int responseBytes) throws IOException {
        this.requestBytes = requestBytes;
        this.responseBytes = responseBytes;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "echo-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] req = new byte[requestBytes];
            byte[] resp = new byte[responseBytes];
            while (in.readNBytes(req, 0, requestBytes) == requestBytes) {
                out.write(resp);
                out.flush();
            }
        } catch (SocketException closed) {
            // client went away
        } catch (IOException e) {
            // same: the connection is over
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** A client of the echo server: one exchange = write the request, read the whole response. */
    public static final class Client implements AutoCloseable {
        private final Socket socket;
        private final byte[] req;
        private final byte[] resp;

        public Client(int port, int requestBytes, int responseBytes) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            socket.setSoTimeout(30_000);
            req = new byte[requestBytes];
            resp = new byte[responseBytes];
        }

        /** @return 200 when the full response arrived (so it fits {@link Timing}) */
        public int exchange() throws IOException {
            socket.getOutputStream().write(req);
            return socket.getInputStream().readNBytes(resp, 0, resp.length) == resp.length ? 200 : 0;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
