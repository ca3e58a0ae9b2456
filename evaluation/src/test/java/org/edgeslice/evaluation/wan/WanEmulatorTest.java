package org.edgeslice.evaluation.wan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.edgeslice.evaluation.experiment.EchoServer;
import org.edgeslice.evaluation.experiment.Timing;
import org.edgeslice.evaluation.stats.Summary;
import org.edgeslice.evaluation.target.Ports;
import org.edgeslice.evaluation.target.WanProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WAN emulator on 127.0.0.1: delay per direction, order, cost at zero delay, and closing. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WanEmulatorTest {
    private static final InetSocketAddress ANY_LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** A one-connection server on loopback running {@code handler} on the accepted socket. */
    private static ServerSocket server(Consumer<Socket> handler) throws IOException {
        ServerSocket ss = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = ss.accept()) {
                s.setTcpNoDelay(true);
                handler.accept(s);
            } catch (IOException ignored) {
                // test over
            }
        }, "test-server");
        t.setDaemon(true);
        t.start();
        return ss;
    }

    private static WanEmulator emulator(int targetPort, double rttMs, double jitterMs) throws InterruptedException {
        return WanEmulator.start(WanSettings.rtt(ANY_LOOPBACK,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), rttMs, jitterMs));
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        s.setSoTimeout(10_000);
        return s;
    }

    @Test
    void eachDirectionIsDelayedByHalfTheRoundTrip() throws Exception {
        int pings = 25;
        long[] arrivedAtServer = new long[pings];
        long[] repliedAt = new long[pings];
        try (ServerSocket target = server(s -> {
            try {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (int i = 0; i < pings; i++) {
                    if (in.read() < 0) {
                        return;
                    }
                    arrivedAtServer[i] = System.nanoTime();
                    repliedAt[i] = System.nanoTime();
                    out.write(1);
                }
            } catch (IOException ignored) {
                // test over
            }
        });
             WanEmulator wan = emulator(target.getLocalPort(), 20, 0);
             Socket c = connect(wan.port())) {
            double[] forward = new double[pings];
            double[] back = new double[pings];
            for (int i = 0; i < pings; i++) {
                long sent = System.nanoTime();
                c.getOutputStream().write(1);
                assertEquals(1, c.getInputStream().read());
                long received = System.nanoTime();
                forward[i] = (arrivedAtServer[i] - sent) / 1e6;
                back[i] = (received - repliedAt[i]) / 1e6;
            }
            Summary f = Summary.ofMillis(forward);
            Summary b = Summary.ofMillis(back);
            System.out.printf(Locale.ROOT, "[wan] %s transport, 10 ms each way: forward p50 %.3f ms (min %.3f, max"
                    + " %.3f), back p50 %.3f ms (min %.3f, max %.3f)%n", wan.transport(), f.p50(), f.min(), f.max(),
                    b.p50(), b.min(), b.max());
            assertTrue(f.min() >= 9.99, "never early: " + f);
            assertTrue(b.min() >= 9.99, "never early: " + b);
            // a shared 2-core machine: allow scheduling noise (the figures are printed above), but the median must
            // sit near the delay, not at a multiple of it
            assertTrue(f.p50() < 20.0, "forward p50 within 10 ms of 10 ms: " + f);
            assertTrue(b.p50() < 20.0, "back p50 within 10 ms of 10 ms: " + b);
        }
    }

    @Test
    void orderIsPreservedAcrossManySmallWritesEvenWithJitter() throws Exception {
        int count = 20_000;
        AtomicReference<String> serverProblem = new AtomicReference<>();
        try (ServerSocket target = server(s -> {
            try {
                DataInputStream in = new DataInputStream(s.getInputStream());
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                for (int i = 0; i < count; i++) {
                    int v = in.readInt();
                    if (v != i) {
                        serverProblem.compareAndSet(null, "server got " + v + " at " + i);
                    }
                    out.writeInt(v); // echo, unbuffered: many small writes on the way back too
                }
            } catch (IOException e) {
                serverProblem.compareAndSet(null, e.toString());
            }
        });
             WanEmulator wan = emulator(target.getLocalPort(), 2, 1.5); // one-way 1 ms +- 1.5 ms
             Socket c = connect(wan.port())) {
            BlockingQueue<String> clientResult = new ArrayBlockingQueue<>(1);
            Thread reader = new Thread(() -> {
                try {
                    DataInputStream in = new DataInputStream(c.getInputStream());
                    for (int i = 0; i < count; i++) {
                        int v = in.readInt();
                        if (v != i) {
                            clientResult.add("client got " + v + " at " + i);
                            return;
                        }
                    }
                    clientResult.add("ok");
                } catch (IOException e) {
                    clientResult.add(e.toString());
                }
            });
            reader.start();
            DataOutputStream out = new DataOutputStream(c.getOutputStream());
            for (int i = 0; i < count; i++) {
                out.writeInt(i);
                if (i % 500 == 0) {
                    Thread.sleep(1); // spread the writes over many jittered chunks
                }
            }
            assertEquals("ok", clientResult.poll(30, TimeUnit.SECONDS));
            assertEquals(null, serverProblem.get());
        }
    }

    @Test
    void zeroDelayCostsLittle() throws Exception {
        try (EchoServer echo = new EchoServer(600, 800);
             WanEmulator wan = emulator(echo.port(), 0, 0);
             EchoServer.Client direct = new EchoServer.Client(echo.port(), 600, 800);
             EchoServer.Client relayed = new EchoServer.Client(wan.port(), 600, 800)) {
            Timing.warm(3000, direct::exchange);
            Timing.warm(3000, relayed::exchange);
            long[][] r = Timing.interleaved(3000, direct::exchange, 200, relayed::exchange, 200);
            Summary d = Summary.ofNanos(r[0]);
            Summary e = Summary.ofNanos(r[1]);
            System.out.printf(Locale.ROOT, "[wan] zero delay: echo p50 %.4f ms direct, %.4f ms relayed (+%.4f)%n",
                    d.p50(), e.p50(), e.p50() - d.p50());
            // the figure is printed above; this only catches a relay that waits (e.g. Nagle's 40 ms)
            assertTrue(e.p50() - d.p50() < 2.0, "relay adds under 2 ms at p50: " + d + " vs " + e);
        }
    }

    @Test
    void clientCloseReachesTheServerAfterTheDataAndTheDelay() throws Exception {
        BlockingQueue<String> seen = new ArrayBlockingQueue<>(2);
        long[] eofAt = new long[1];
        try (ServerSocket target = server(s -> {
            try {
                byte[] all = s.getInputStream().readAllBytes(); // returns at EOF
                eofAt[0] = System.nanoTime();
                seen.add(new String(all, StandardCharsets.US_ASCII));
            } catch (IOException e) {
                seen.add(e.toString());
            }
        });
             WanEmulator wan = emulator(target.getLocalPort(), 10, 0)) {
            Socket c = connect(wan.port());
            c.getOutputStream().write("bye".getBytes(StandardCharsets.US_ASCII));
            long closed = System.nanoTime();
            c.close();
            assertEquals("bye", seen.poll(10, TimeUnit.SECONDS));
            assertTrue((eofAt[0] - closed) / 1e6 >= 4.9, "the FIN travels with the delay");
        }
    }

    @Test
    void serverCloseReachesTheClient() throws Exception {
        try (ServerSocket target = server(s -> {
            try {
                s.getOutputStream().write("done".getBytes(StandardCharsets.US_ASCII));
                s.close();
            } catch (IOException ignored) {
                // test over
            }
        });
             WanEmulator wan = emulator(target.getLocalPort(), 4, 0);
             Socket c = connect(wan.port())) {
            byte[] all = c.getInputStream().readAllBytes(); // EOF ends it; the 10 s timeout fails it
            assertEquals("done", new String(all, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void unreachableTargetClosesTheClientConnection() throws Exception {
        int nothingThere = Ports.free();
        try (WanEmulator wan = emulator(nothingThere, 2, 0);
             Socket c = connect(wan.port())) {
            assertEquals(-1, c.getInputStream().read());
        }
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> WanSettings.rtt(ANY_LOOPBACK,
                new InetSocketAddress("10.1.2.3", 80), 8, 0));
        assertThrows(IllegalArgumentException.class, () -> WanSettings.rtt(new InetSocketAddress("0.0.0.0", 0),
                ANY_LOOPBACK, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> WanSettings.rtt(ANY_LOOPBACK, ANY_LOOPBACK, -1, 0));
    }

    @Test
    void runsAsItsOwnProcessAndStopsWhenTheParentClosesIt() throws Exception {
        try (EchoServer echo = new EchoServer(10, 10)) {
            WanProcess p = WanProcess.start(WanProcess.ownClasspath(), "127.0.0.1", echo.port(), 6, 0);
            try (EchoServer.Client c = new EchoServer.Client(p.port(), 10, 10)) {
                long[] t = Timing.measure(5, c::exchange, 200);
                assertTrue(Arrays.stream(t).min().orElseThrow() >= 5_990_000L, "6 ms RTT through the process");
            } finally {
                p.close();
            }
            assertFalse(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
        }
    }
}
